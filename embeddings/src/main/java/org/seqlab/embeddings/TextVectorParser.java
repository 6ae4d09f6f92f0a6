package org.seqlab.embeddings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Reads the text formats (GloVe, word2vec text, fastText {@code .vec}) line by line from a {@link
 * ByteInput}, parsing numbers from the bytes and decoding only the words.
 *
 * <p>Each line first goes through a fast path (word up to the first space, then exactly {@code dim}
 * single-space separated numbers). Anything irregular (tabs, repeated spaces, a GloVe word with
 * spaces, a bad number, a wrong count) is re-read by a careful path that either accepts the line or
 * reports the exact line and column. Blank lines are skipped; a UTF-8 byte order mark is ignored;
 * words are decoded leniently (malformed bytes become U+FFFD).
 */
final class TextVectorParser {

    private final ByteInput in;
    private final Path file;
    private final VectorFormat format;
    private final Predicate<String> keep;
    private final boolean header;
    private long line;
    private long declared = -1;
    private long records;
    private int dim;
    private MatrixBuilder matrix;
    private int[] starts = new int[128];
    private int[] ends = new int[128];
    private int fields;

    private TextVectorParser(ByteInput in, VectorFormat format, Predicate<String> keep) {
        this.in = in;
        this.file = in.file;
        this.format = format;
        this.keep = keep;
        this.header = format != VectorFormat.GLOVE;
    }

    /** Parses the whole input; {@code keep} null keeps every word. */
    static WordVectors parse(ByteInput in, VectorFormat format, Predicate<String> keep)
            throws IOException {
        return new TextVectorParser(in, format, keep).run();
    }

    private WordVectors run() throws IOException {
        if (in.require(3) >= 3
                && in.buf[in.pos] == (byte) 0xEF
                && in.buf[in.pos + 1] == (byte) 0xBB
                && in.buf[in.pos + 2] == (byte) 0xBF) {
            in.pos += 3;
        }
        while (true) {
            int e = in.lineEnd(0);
            if (e < 0) {
                break;
            }
            line++;
            int s = in.pos;
            int te = trimEnd(in.buf, s, e);
            if (te > s) {
                if (matrix == null) {
                    first(s, te);
                } else {
                    record(s, te);
                }
            }
            in.pos = Math.min(e + 1, in.limit);
        }
        if (matrix == null) {
            throw new VectorFormatException(file, 0, "empty file, no word vectors");
        }
        if (declared >= 0 && records < declared) {
            throw new VectorFormatException(
                    file, 1, "header says " + declared + " words, found " + records);
        }
        return matrix.build(format);
    }

    /** The first non-blank line: a word2vec header, or GloVe's first vector (which sets dim). */
    private void first(int s, int e) throws IOException {
        byte[] b = in.buf;
        split(b, s, e);
        if (header) {
            long count = fields == 2 ? parseCount(b, starts[0], ends[0]) : -1;
            long d = fields == 2 ? parseCount(b, starts[1], ends[1]) : -1;
            if (count < 0 || d < 1 || d > 1_000_000) {
                throw new VectorFormatException(
                        file,
                        line,
                        "expected a header \"count dim\", found \"" + text(b, s, e) + "\"");
            }
            if (count == 0) {
                throw new VectorFormatException(file, line, "header declares no word vectors");
            }
            declared = count;
            dim = (int) d;
            matrix = new MatrixBuilder(dim, keep == null ? count : 1024);
            return;
        }
        int numeric = 0;
        while (numeric < fields - 1 && isNumber(b, fields - 1 - numeric)) {
            numeric++;
        }
        if (numeric == 0) {
            throw new VectorFormatException(
                    file,
                    line,
                    "expected a word followed by numbers, found \"" + text(b, s, e) + "\"");
        }
        dim = numeric;
        matrix = new MatrixBuilder(dim, keep == null ? 65_536 : 1024);
        slowRecord(s, e);
    }

    private void record(int s, int e) throws IOException {
        if (declared >= 0 && records >= declared) {
            throw new VectorFormatException(
                    file, line, "header says " + declared + " words, but the file has more");
        }
        byte[] b = in.buf;
        int p = s;
        while (p < e && b[p] != ' ' && b[p] != '\t') {
            p++;
        }
        int off = matrix.next();
        if (p > s && p < e && fastValues(b, p, e, matrix.data, off)) {
            commit(new String(b, s, p - s, StandardCharsets.UTF_8));
        } else {
            slowRecord(s, e);
        }
    }

    /** Parses exactly {@code dim} numbers, each after one separator; false on any irregularity. */
    private boolean fastValues(byte[] b, int p, int e, float[] data, int off) {
        int k = 0;
        try {
            while (k < dim && p < e) {
                p++;
                int q = p;
                while (q < e && b[q] != ' ' && b[q] != '\t') {
                    q++;
                }
                if (q == p) {
                    return false;
                }
                data[off + k++] = AsciiFloats.parse(b, p, q);
                p = q;
            }
        } catch (NumberFormatException notNumber) {
            return false;
        }
        return k == dim && p == e;
    }

    /** The careful path: accepts the line or throws with its exact line and column. */
    private void slowRecord(int s, int e) throws IOException {
        if (declared >= 0 && records >= declared) {
            throw new VectorFormatException(
                    file, line, "header says " + declared + " words, but the file has more");
        }
        byte[] b = in.buf;
        split(b, s, e);
        int values = fields - 1;
        boolean wrongCount = values < dim || (values > dim && format != VectorFormat.GLOVE);
        if (!wrongCount && values > dim) {
            // GloVe 840B: the word is everything before the last dim fields, unless the field
            // just before them is a number, which means the line simply has too many values.
            wrongCount = isNumber(b, fields - dim - 1);
        }
        if (wrongCount) {
            throw new VectorFormatException(
                    file, line, "expected " + dim + " values, found " + values);
        }
        int firstValue = fields - dim;
        int off = matrix.next();
        float[] data = matrix.data;
        for (int k = 0; k < dim; k++) {
            int f = firstValue + k;
            try {
                data[off + k] = AsciiFloats.parse(b, starts[f], ends[f]);
            } catch (NumberFormatException notNumber) {
                throw new VectorFormatException(
                        file,
                        line,
                        column(b, s, starts[f]),
                        "not a number: \"" + text(b, starts[f], ends[f]) + "\"");
            }
        }
        int wordEnd = ends[firstValue - 1];
        commit(new String(b, starts[0], wordEnd - starts[0], StandardCharsets.UTF_8));
    }

    private void commit(String word) {
        records++;
        if (keep == null || keep.test(word)) {
            matrix.commit(word);
        }
    }

    /** Splits {@code b[s..e)} at runs of spaces and tabs into {@link #starts}/{@link #ends}. */
    private void split(byte[] b, int s, int e) {
        fields = 0;
        int p = s;
        while (p < e) {
            while (p < e && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p == e) {
                break;
            }
            int q = p;
            while (q < e && b[q] != ' ' && b[q] != '\t') {
                q++;
            }
            if (fields == starts.length) {
                starts = Arrays.copyOf(starts, fields * 2);
                ends = Arrays.copyOf(ends, fields * 2);
            }
            starts[fields] = p;
            ends[fields++] = q;
            p = q;
        }
    }

    private boolean isNumber(byte[] b, int field) {
        try {
            AsciiFloats.parse(b, starts[field], ends[field]);
            return true;
        } catch (NumberFormatException notNumber) {
            return false;
        }
    }

    /** Parses a non-negative decimal integer, or returns -1. */
    static long parseCount(byte[] b, int s, int e) {
        if (e <= s || e - s > 12) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** Strips trailing spaces, tabs and a carriage return. */
    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) {
            e--;
        }
        return e;
    }

    /** The 1-based character column of byte {@code at} in the line starting at {@code s}. */
    private static int column(byte[] b, int s, int at) {
        int col = 1;
        for (int i = s; i < at; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return col;
    }

    private static String text(byte[] b, int s, int e) {
        int max = Math.min(e, s + 200);
        return new String(b, s, max - s, StandardCharsets.UTF_8) + (max < e ? "..." : "");
    }
}
