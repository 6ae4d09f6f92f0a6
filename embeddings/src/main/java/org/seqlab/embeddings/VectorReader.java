package org.seqlab.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.seqlab.io.InputFiles;

/**
 * Reads pretrained word vectors in any {@link VectorFormat}, plain, gzip-compressed or (GloVe's
 * distribution) inside a {@code .zip}.
 *
 * <p>The format comes from the name and the content. A {@code .gz} suffix means gzip; a {@code
 * .zip} is read from its first {@code .txt} member. A name ending {@code .bin} (before any {@code
 * .gz}) is word2vec binary. Otherwise a first line of two integers {@code count dim} is a word2vec
 * header: the file is word2vec binary when the bytes after it hold control characters (raw floats),
 * else text, reported as {@link VectorFormat#FASTTEXT} when the name ends {@code .vec} and {@link
 * VectorFormat#WORD2VEC_TEXT} otherwise. Without a header the file is GloVe text, whose dimension
 * is the number of values on its first line (a {@code .vec} file must have the header).
 *
 * <p>In GloVe files a word may contain spaces (GloVe 840B): the word is everything before the last
 * {@code dim} fields, unless the field just before them is a number, in which case the line has too
 * many values. The first occurrence of a repeated word is kept and the rest are counted in {@link
 * WordVectors#duplicatesSkipped()}. Every malformed input throws {@link VectorFormatException} with
 * its location; nothing partial is returned.
 */
public final class VectorReader {

    private static final int SNIFF_BYTES = 1 << 16;

    private VectorReader() {}

    /**
     * Reads all word vectors of a file.
     *
     * @param file the file, in any supported format
     * @return the vectors, in file order
     * @throws VectorFormatException if the file is empty or malformed
     * @throws IOException if the file cannot be read
     */
    public static WordVectors read(Path file) throws IOException {
        return load(file, null);
    }

    /**
     * Reads the vectors of the words that {@code keep} accepts, streaming, so that memory is
     * proportional to the words kept. Every line is still checked.
     *
     * @param file the file, in any supported format
     * @param keep tested once per distinct word, in file order
     * @return the kept vectors, in file order; possibly none
     * @throws VectorFormatException if the file is empty or malformed
     * @throws IOException if the file cannot be read
     */
    public static WordVectors read(Path file, Predicate<String> keep) throws IOException {
        return load(file, Objects.requireNonNull(keep, "The keep predicate must not be null."));
    }

    /**
     * Determines the format of a file as {@link #read(Path)} would, reading only its start.
     *
     * @param file the file
     * @return the format
     * @throws VectorFormatException if the file is empty or a zip without a {@code .txt} member
     * @throws IOException if the file cannot be read
     */
    public static VectorFormat detect(Path file) throws IOException {
        try (ByteInput in = open(file)) {
            return detect(file, in);
        }
    }

    private static WordVectors load(Path file, Predicate<String> keep) throws IOException {
        try (ByteInput in = open(file)) {
            VectorFormat format = detect(file, in);
            if (format == VectorFormat.WORD2VEC_BINARY) {
                return BinaryVectorParser.parse(in, keep);
            }
            return TextVectorParser.parse(in, format, keep);
        }
    }

    private static ByteInput open(Path file) throws IOException {
        Objects.requireNonNull(file, "The file must not be null.");
        String name = lowerName(file);
        InputStream raw = InputFiles.open(file);
        try {
            if (name.endsWith(".gz")) {
                return new ByteInput(file, new GZIPInputStream(raw, 1 << 16));
            }
            if (name.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(raw);
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String member = e.getName().toLowerCase(Locale.ROOT);
                    if (!e.isDirectory() && member.endsWith(".txt")) {
                        return new ByteInput(file, zip);
                    }
                }
                throw new VectorFormatException(file, 0, "the zip archive has no .txt member");
            }
            return new ByteInput(file, raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static VectorFormat detect(Path file, ByteInput in) throws IOException {
        String name = lowerName(file);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".bin")) {
            return VectorFormat.WORD2VEC_BINARY;
        }
        if (in.require(SNIFF_BYTES) == 0) {
            throw new VectorFormatException(file, 0, "empty file, no word vectors");
        }
        byte[] b = in.buf;
        int s = in.pos;
        int end = in.limit;
        if (end - s >= 3
                && b[s] == (byte) 0xEF
                && b[s + 1] == (byte) 0xBB
                && b[s + 2] == (byte) 0xBF) {
            s += 3;
        }
        int e = s;
        while (e < end && b[e] != '\n') {
            e++;
        }
        boolean vec = name.endsWith(".vec");
        if (!isHeader(b, s, TextVectorParser.trimEnd(b, s, e))) {
            return vec ? VectorFormat.FASTTEXT : VectorFormat.GLOVE;
        }
        for (int i = e; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return VectorFormat.WORD2VEC_BINARY;
            }
        }
        return vec ? VectorFormat.FASTTEXT : VectorFormat.WORD2VEC_TEXT;
    }

    /** True for exactly two decimal integers separated by spaces or tabs. */
    private static boolean isHeader(byte[] b, int s, int e) {
        int i = s;
        int numbers = 0;
        while (i < e) {
            if (!Character.isDigit(b[i])) {
                return false;
            }
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            numbers++;
            if (i < e && b[i] != ' ' && b[i] != '\t') {
                return false;
            }
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
        }
        return numbers == 2;
    }

    private static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
