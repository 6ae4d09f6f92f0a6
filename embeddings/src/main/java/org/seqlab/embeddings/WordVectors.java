package org.seqlab.embeddings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable table of word vectors: the words in file order and one contiguous row-major {@code
 * float[]} of {@code size() * dim()} values.
 *
 * <p>Memory: 4 bytes per value (100,000 words of 100 dimensions cost 40 MB), plus the word strings
 * and a compact open-addressing index (one reference and 4 to 8 bytes of table per word). The first
 * cosine query ({@link VectorSearch}) computes a second matrix of unit-length rows, once, which
 * costs as much again as the matrix. Instances are thread-safe.
 */
public final class WordVectors {

    private final WordIndex index;
    private final List<String> words;
    private final float[] matrix;
    private final int dim;
    private final VectorFormat format;
    private final int duplicatesSkipped;
    private volatile float[] unitRows;

    /** Takes ownership of already validated parts. */
    WordVectors(
            WordIndex index, float[] matrix, int dim, VectorFormat format, int duplicatesSkipped) {
        this.index = index;
        this.words = index.list();
        this.matrix = matrix;
        this.dim = dim;
        this.format = format;
        this.duplicatesSkipped = duplicatesSkipped;
    }

    /**
     * Creates word vectors from words and a row-major matrix, which is copied.
     *
     * @param words the words, distinct, not empty and not null; row {@code i} belongs to word
     *     {@code i}
     * @param matrix {@code words.size() * dim} values
     * @param dim the number of values per word, at least 1
     * @param format the format to report from {@link #format()}
     * @return the word vectors, with {@link #duplicatesSkipped()} 0
     * @throws IllegalArgumentException if {@code dim < 1}, the matrix length is not {@code
     *     words.size() * dim}, or a word is empty or repeated
     * @throws NullPointerException if an argument or a word is null
     */
    public static WordVectors of(List<String> words, float[] matrix, int dim, VectorFormat format) {
        Objects.requireNonNull(words, "The word list must not be null.");
        Objects.requireNonNull(matrix, "The matrix must not be null.");
        Objects.requireNonNull(format, "The format must not be null.");
        if (dim < 1) {
            throw new IllegalArgumentException(
                    "The vector dimension must be at least 1, but was " + dim + ".");
        }
        if ((long) words.size() * dim != matrix.length) {
            throw new IllegalArgumentException(
                    "The matrix must hold "
                            + words.size()
                            + " words x "
                            + dim
                            + " values = "
                            + (long) words.size() * dim
                            + " floats, but holds "
                            + matrix.length
                            + ".");
        }
        WordIndex index = new WordIndex(words.size());
        for (int i = 0; i < words.size(); i++) {
            String word = Objects.requireNonNull(words.get(i), "Word " + i + " is null.");
            if (word.isEmpty()) {
                throw new IllegalArgumentException("Word " + i + " is the empty string.");
            }
            int previous = index.add(word);
            if (previous >= 0) {
                throw new IllegalArgumentException(
                        "The word \""
                                + word
                                + "\" appears twice, at indices "
                                + previous
                                + " and "
                                + i
                                + ".");
            }
        }
        index.trim();
        return new WordVectors(index, matrix.clone(), dim, format, 0);
    }

    /**
     * Returns the number of words.
     *
     * @return the number of rows
     */
    public int size() {
        return words.size();
    }

    /**
     * Returns the number of values per word.
     *
     * @return the dimension, at least 1
     */
    public int dim() {
        return dim;
    }

    /**
     * Returns the format these vectors were read from (or declared with in {@link #of}).
     *
     * @return the format
     */
    public VectorFormat format() {
        return format;
    }

    /**
     * Returns the word of row {@code i}.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the word
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public String word(int i) {
        return words.get(i);
    }

    /**
     * Returns all words in row order.
     *
     * @return an unmodifiable list that is not copied
     */
    public List<String> words() {
        return words;
    }

    /**
     * Returns the row of {@code word}, matching exactly.
     *
     * @param word the word
     * @return the row, or -1 when the word has no vector
     */
    public int index(String word) {
        return index.find(Objects.requireNonNull(word, "The word must not be null."));
    }

    /**
     * Returns the row of {@code word}, or of its lowercase form when the word itself is absent and
     * {@code lowercaseFallback} is set.
     *
     * @param word the word
     * @param lowercaseFallback whether to try {@code word.toLowerCase(Locale.ROOT)} second
     * @return the row, or -1 when neither form has a vector
     */
    public int lookup(String word, boolean lowercaseFallback) {
        int i = index(word);
        if (i < 0 && lowercaseFallback) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.equals(word)) {
                i = index.find(lower);
            }
        }
        return i;
    }

    /**
     * Returns a copy of row {@code i}.
     *
     * @param i the row
     * @return a new array of {@link #dim()} values
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public float[] vector(int i) {
        float[] out = new float[dim];
        copyVector(i, out, 0);
        return out;
    }

    /**
     * Returns a copy of the vector of {@code word}.
     *
     * @param word the word, matched exactly
     * @return a new array of {@link #dim()} values, or null when the word has no vector
     */
    public float[] vector(String word) {
        int i = index(word);
        return i < 0 ? null : vector(i);
    }

    /**
     * Copies row {@code i} into {@code dst[offset .. offset + dim())}.
     *
     * @param i the row
     * @param dst the destination
     * @param offset where in {@code dst} the row starts
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     * @throws IllegalArgumentException if the row does not fit in {@code dst} at {@code offset}
     */
    public void copyVector(int i, float[] dst, int offset) {
        Objects.checkIndex(i, words.size());
        if (offset < 0 || offset > dst.length - dim) {
            throw new IllegalArgumentException(
                    "A row of "
                            + dim
                            + " values does not fit at offset "
                            + offset
                            + " of an array of length "
                            + dst.length
                            + ".");
        }
        System.arraycopy(matrix, i * dim, dst, offset, dim);
    }

    /**
     * Returns how many later occurrences of an already seen word the source held; the first
     * occurrence of each word is the one kept. When a load filtered words, only kept words count.
     *
     * @return the number of skipped duplicate rows
     */
    public int duplicatesSkipped() {
        return duplicatesSkipped;
    }

    @Override
    public String toString() {
        return "WordVectors[" + size() + " x " + dim + ", " + format.id() + "]";
    }

    /** The matrix itself, not a copy; callers must not modify it. */
    float[] matrix() {
        return matrix;
    }

    /**
     * The rows scaled to unit length (zero rows stay zero), computed on first use and then kept:
     * another {@code size() * dim() * 4} bytes. Callers must not modify it.
     */
    float[] unitRows() {
        float[] unit = unitRows;
        if (unit == null) {
            synchronized (this) {
                unit = unitRows;
                if (unit == null) {
                    unit = new float[matrix.length];
                    for (int row = 0; row < words.size(); row++) {
                        int off = row * dim;
                        double sum = 0;
                        for (int j = 0; j < dim; j++) {
                            sum += (double) matrix[off + j] * matrix[off + j];
                        }
                        if (sum > 0) {
                            float scale = (float) (1 / Math.sqrt(sum));
                            for (int j = 0; j < dim; j++) {
                                unit[off + j] = matrix[off + j] * scale;
                            }
                        }
                    }
                    unitRows = unit;
                }
            }
        }
        return unit;
    }
}
