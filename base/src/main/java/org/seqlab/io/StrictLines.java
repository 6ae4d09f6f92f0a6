package org.seqlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a strict UTF-8 text file (vocabularies, BPE merges): malformed bytes and a
 * lone carriage return are errors reported at their line; a final line end and {@code \r\n} line
 * ends are accepted.
 */
public final class StrictLines {

    /** Builds the caller's format exception for a problem at a 1-based line. */
    @FunctionalInterface
    public interface Errors {
        /** Returns the exception for {@code problem} at 1-based {@code line}. */
        IOException at(int line, String problem);
    }

    private StrictLines() {}

    /**
     * Reads {@code file} as strict UTF-8 and splits it into lines ({@code \n} or {@code \r\n}).
     *
     * @throws IOException built by {@code errors} for malformed UTF-8, naming the line
     */
    public static List<String> read(Path file, Errors errors) throws IOException {
        return split(decode(InputFiles.readAllBytes(file), errors), errors);
    }

    private static String decode(byte[] bytes, Errors errors) throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw errors.at(line, "malformed UTF-8 at byte offset " + offset);
        }
        out.flip();
        return out.toString();
    }

    private static List<String> split(String text, Errors errors) throws IOException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.indexOf('\r') >= 0) {
                throw errors.at(lines.size() + 1, "unescaped carriage return (write it as \\r)");
            }
            lines.add(line);
            start = nl < 0 ? text.length() : nl + 1;
        }
        return lines;
    }
}
