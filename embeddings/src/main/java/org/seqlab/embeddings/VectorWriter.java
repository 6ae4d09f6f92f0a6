package org.seqlab.embeddings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.seqlab.io.AtomicFiles;

/**
 * Writes word vectors as GloVe text or word2vec binary, atomically, gzip-compressed when the file
 * name ends with {@code .gz}.
 *
 * <p>What is written reads back with {@link VectorReader} to the same words and bit-identical
 * values. Empty vectors are refused because the reader rejects empty files.
 */
public final class VectorWriter {

    private VectorWriter() {}

    /**
     * Writes GloVe text: one line {@code word v1 .. vd} per word, numbers as {@link
     * Float#toString(float)}, which reads back exactly.
     *
     * @param v the vectors; words must not contain a line break or tab, and a word with spaces
     *     (GloVe 840B style) must not start or end with a space, hold two in a row or end in a
     *     number, so that it reads back as one word
     * @param file the file to write, replaced atomically
     * @throws IllegalArgumentException if {@code v} is empty or a word cannot be read back
     * @throws IOException if the file cannot be written
     */
    public static void writeGlove(WordVectors v, Path file) throws IOException {
        check(v, file, "\n\r\t");
        for (int i = 0; i < v.size(); i++) {
            String word = v.word(i);
            if (word.indexOf(' ') >= 0 && !readableGloveWord(word)) {
                throw new IllegalArgumentException(
                        "The word \""
                                + word
                                + "\" (row "
                                + i
                                + ") cannot be written to "
                                + file
                                + " as GloVe text: a word with spaces must not start or end with"
                                + " a space, hold two spaces in a row or end in a number.");
            }
        }
        AtomicFiles.write(file, out -> withGzip(file, out, o -> gloveBody(v, o)));
    }

    /**
     * Writes word2vec C binary: a {@code count dim} header line, then per word its UTF-8 bytes, a
     * space, {@code dim} little-endian float32 values and a newline, as the original tool does.
     *
     * @param v the vectors; words must not contain spaces or line breaks
     * @param file the file to write, replaced atomically
     * @throws IllegalArgumentException if {@code v} is empty or a word contains a space or line
     *     break
     * @throws IOException if the file cannot be written
     */
    public static void writeWord2VecBinary(WordVectors v, Path file) throws IOException {
        check(v, file, " \n\r");
        AtomicFiles.write(file, out -> withGzip(file, out, o -> binaryBody(v, o)));
    }

    private static void gloveBody(WordVectors v, OutputStream out) throws IOException {
        float[] row = new float[v.dim()];
        StringBuilder line = new StringBuilder(16 * v.dim());
        for (int i = 0; i < v.size(); i++) {
            v.copyVector(i, row, 0);
            line.setLength(0);
            line.append(v.word(i));
            for (float x : row) {
                line.append(' ').append(x);
            }
            line.append('\n');
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void binaryBody(WordVectors v, OutputStream out) throws IOException {
        out.write((v.size() + " " + v.dim() + "\n").getBytes(StandardCharsets.US_ASCII));
        float[] row = new float[v.dim()];
        ByteBuffer bytes = ByteBuffer.allocate(4 * v.dim()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.size(); i++) {
            out.write(v.word(i).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            v.copyVector(i, row, 0);
            bytes.clear();
            bytes.asFloatBuffer().put(row);
            out.write(bytes.array());
            out.write('\n');
        }
    }

    /** Whether {@link VectorReader} splits {@code word v1 .. vd} back into this word. */
    private static boolean readableGloveWord(String word) {
        if (word.startsWith(" ") || word.endsWith(" ") || word.contains("  ")) {
            return false;
        }
        try {
            AsciiFloats.parse(word.substring(word.lastIndexOf(' ') + 1));
            return false;
        } catch (NumberFormatException notNumber) {
            return true;
        }
    }

    private static void check(WordVectors v, Path file, String forbidden) {
        Objects.requireNonNull(v, "The vectors must not be null.");
        Objects.requireNonNull(file, "The file must not be null.");
        if (v.size() == 0) {
            throw new IllegalArgumentException(
                    "Cannot write " + file + ": there are no word vectors to write.");
        }
        for (int i = 0; i < v.size(); i++) {
            String word = v.word(i);
            for (int j = 0; j < forbidden.length(); j++) {
                if (word.indexOf(forbidden.charAt(j)) >= 0) {
                    throw new IllegalArgumentException(
                            "The word \""
                                    + word.replace("\n", "\\n").replace("\r", "\\r")
                                    + "\" (row "
                                    + i
                                    + ") cannot be written to "
                                    + file
                                    + " because it contains "
                                    + (forbidden.charAt(j) == ' '
                                            ? "a space"
                                            : forbidden.charAt(j) == '\t'
                                                    ? "a tab"
                                                    : "a line break")
                                    + ".");
                }
            }
        }
    }

    private static void withGzip(Path file, OutputStream out, AtomicFiles.Writer body)
            throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
            body.write(gz);
            gz.finish();
        } else {
            body.write(out);
        }
    }
}
