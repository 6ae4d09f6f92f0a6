package org.seqlab.embeddings;

import java.util.Arrays;

/**
 * Collects rows while a file is read: the next row is parsed straight into {@link #data} at {@link
 * #next()}, then kept with {@link #commit(String)} or overwritten by the following row.
 */
final class MatrixBuilder {

    /** Rows preallocated from a header, at most; beyond this the array grows as rows arrive. */
    private static final long MAX_PREALLOCATED_FLOATS = 1L << 24;

    private static final long MAX_FLOATS = Integer.MAX_VALUE - 16;

    final int dim;
    float[] data;
    private final WordIndex index;
    private int rows;
    private int duplicates;

    MatrixBuilder(int dim, long expectedRows) {
        this.dim = dim;
        long rowsHint = Math.max(1, Math.min(expectedRows, MAX_PREALLOCATED_FLOATS / dim));
        this.data = new float[(int) (rowsHint * dim)];
        this.index = new WordIndex((int) rowsHint);
    }

    /**
     * Makes room for one more row and returns its offset in {@link #data}.
     *
     * @throws IllegalStateException if the matrix would exceed a Java array
     */
    int next() {
        long end = (long) (rows + 1) * dim;
        if (end > data.length) {
            long grown = Math.max(end, (long) data.length + (data.length >> 1));
            if (end > MAX_FLOATS) {
                throw new IllegalStateException(
                        "The vectors do not fit in one float array: "
                                + (rows + 1)
                                + " rows of "
                                + dim
                                + " values.");
            }
            data = Arrays.copyOf(data, (int) Math.min(grown, MAX_FLOATS));
        }
        return rows * dim;
    }

    /** Keeps the row at {@link #next()} under {@code word}; a repeated word is only counted. */
    void commit(String word) {
        if (index.add(word) >= 0) {
            duplicates++;
        } else {
            rows++;
        }
    }

    int rows() {
        return rows;
    }

    WordVectors build(VectorFormat format) {
        float[] matrix = data.length == rows * dim ? data : Arrays.copyOf(data, rows * dim);
        data = null;
        index.trim();
        return new WordVectors(index, matrix, dim, format, duplicates);
    }
}
