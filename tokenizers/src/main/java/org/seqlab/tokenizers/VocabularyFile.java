package org.seqlab.tokenizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.StrictLines;

/**
 * Reads and writes the vocabulary text format: a header line {@code #seqlab-vocab v1 <size>}, then
 * one escaped token per line in id order.
 */
final class VocabularyFile {

    static final String MAGIC = "#seqlab-vocab";
    static final String VERSION = "v1";

    private VocabularyFile() {}

    /** Writes {@code tokens} to {@code file} through a temporary file and an atomic move. */
    static void write(Path file, List<String> tokens) throws IOException {
        for (int i = 0; i < tokens.size(); i++) {
            if (hasUnpairedSurrogate(tokens.get(i))) {
                throw new IOException(
                        "Cannot write vocabulary to "
                                + file
                                + ": the token with id "
                                + i
                                + " contains an unpaired surrogate and has no UTF-8 form.");
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(MAGIC + " " + VERSION + " " + tokens.size() + "\n");
        for (String token : tokens) {
            text.append(escape(token)).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Reads and checks a vocabulary file, returning its tokens in id order, specials included. */
    static List<String> read(Path file) throws IOException {
        List<String> lines =
                StrictLines.read(
                        file,
                        (line, problem) -> new VocabularyFormatException(file, line, problem));
        if (lines.isEmpty()) {
            throw new VocabularyFormatException(
                    file,
                    1,
                    "empty file, expected header \"" + MAGIC + " " + VERSION + " <size>\"");
        }
        int size = parseHeader(file, lines.get(0));
        List<String> tokens = new ArrayList<>(size);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            int id = i - 1;
            if (id >= size) {
                throw new VocabularyFormatException(
                        file,
                        lineNumber,
                        "more tokens than the " + size + " declared in the header");
            }
            String token = unescape(file, lineNumber, lines.get(i));
            if (id < Vocabulary.SPECIALS.size() && !token.equals(Vocabulary.SPECIALS.get(id))) {
                throw new VocabularyFormatException(
                        file,
                        lineNumber,
                        "expected special token "
                                + quote(Vocabulary.SPECIALS.get(id))
                                + " at id "
                                + id
                                + " but found "
                                + quote(token));
            }
            if (!seen.add(token)) {
                throw new VocabularyFormatException(
                        file, lineNumber, "duplicate token " + quote(token));
            }
            tokens.add(token);
        }
        if (tokens.size() != size) {
            throw new VocabularyFormatException(
                    file,
                    lines.size() + 1,
                    "the header declares " + size + " tokens but the file has " + tokens.size());
        }
        return tokens;
    }

    private static int parseHeader(Path file, String header) throws VocabularyFormatException {
        String expected = "expected \"" + MAGIC + " " + VERSION + " <size>\"";
        String[] parts = header.split(" ", -1);
        if (parts.length != 3 || !parts[0].equals(MAGIC)) {
            throw new VocabularyFormatException(
                    file, 1, "bad header " + quote(header) + ", " + expected);
        }
        if (!parts[1].equals(VERSION)) {
            throw new VocabularyFormatException(
                    file,
                    1,
                    "unsupported format version " + quote(parts[1]) + ", expected " + VERSION);
        }
        int size;
        try {
            size = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new VocabularyFormatException(
                    file, 1, "bad size " + quote(parts[2]) + " in header, " + expected, e);
        }
        if (size < Vocabulary.SPECIALS.size()) {
            throw new VocabularyFormatException(
                    file,
                    1,
                    "size "
                            + size
                            + " in header is less than the "
                            + Vocabulary.SPECIALS.size()
                            + " special tokens");
        }
        return size;
    }

    static String escape(String token) {
        StringBuilder sb = new StringBuilder(token.length() + 4);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(Path file, int lineNumber, String line)
            throws VocabularyFormatException {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 == line.length()) {
                throw new VocabularyFormatException(
                        file, lineNumber, "incomplete escape: backslash at end of line");
            }
            char next = line.charAt(++i);
            switch (next) {
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                default ->
                        throw new VocabularyFormatException(
                                file,
                                lineNumber,
                                "bad escape \"\\"
                                        + next
                                        + "\" at column "
                                        + i
                                        + ", expected one of \\\\ \\n \\r \\t");
            }
        }
        return sb.toString();
    }

    private static String quote(String token) {
        return "\"" + escape(token) + "\"";
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
