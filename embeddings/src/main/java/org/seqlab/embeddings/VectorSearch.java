package org.seqlab.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cosine nearest neighbours and analogies over word vectors.
 *
 * <p>Every query is one pass over the unit-length rows of {@link WordVectors} (computed once per
 * vectors object, costing another copy of the matrix) with a {@code k}-sized heap, so it takes time
 * proportional to {@code size() * dim()} and no extra memory. Results are ordered by score
 * descending, then by row. Instances are thread-safe.
 */
public final class VectorSearch {

    private static final double MUL_EPSILON = 0.001;

    private final WordVectors vectors;
    private final float[] unit;
    private final int dim;
    private final int size;

    /**
     * Creates a search over {@code v}, computing its unit-length rows if not yet done.
     *
     * @param v the vectors
     */
    public VectorSearch(WordVectors v) {
        this.vectors = Objects.requireNonNull(v, "The vectors must not be null.");
        this.unit = v.unitRows();
        this.dim = v.dim();
        this.size = v.size();
    }

    /**
     * Returns the {@code k} words most cosine-similar to {@code word}, not counting the word.
     *
     * @param word a word with a vector
     * @param k how many neighbours, at least 1; fewer come back when there are fewer words
     * @return the neighbours, most similar first
     * @throws IllegalArgumentException if {@code k < 1} or the word has no vector
     */
    public List<Neighbor> nearest(String word, int k) {
        checkK(k);
        int row = row(word);
        float[] query = Arrays.copyOfRange(unit, row * dim, row * dim + dim);
        return top(query, k, new int[] {row});
    }

    /**
     * Returns the {@code k} words most cosine-similar to a query vector.
     *
     * @param query {@code dim()} values, not all zero; not modified
     * @param k how many neighbours, at least 1
     * @param exclude words to leave out of the answer; words without vectors are ignored
     * @return the neighbours, most similar first
     * @throws IllegalArgumentException if {@code k < 1}, the query has the wrong length or is zero
     */
    public List<Neighbor> nearest(float[] query, int k, Set<String> exclude) {
        checkK(k);
        Objects.requireNonNull(query, "The query vector must not be null.");
        Objects.requireNonNull(exclude, "The excluded words must not be null.");
        if (query.length != dim) {
            throw new IllegalArgumentException(
                    "The query vector has "
                            + query.length
                            + " values, but the vectors have "
                            + dim
                            + ".");
        }
        int[] excluded = exclude.stream().mapToInt(vectors::index).filter(i -> i >= 0).toArray();
        return top(normalized(query), k, excluded);
    }

    /**
     * Answers "a is to b as c is to ?": the {@code k} words closest to {@code b - a + c}, not
     * counting a, b and c.
     *
     * @param a the first word of the known pair (for example "man")
     * @param b the second word of the known pair ("king")
     * @param c the first word of the asked pair ("woman")
     * @param k how many answers, at least 1
     * @param method 3CosAdd or 3CosMul, see {@link AnalogyMethod}
     * @return the answers, best first, scored as described on {@link AnalogyMethod}; for {@code
     *     ADD} the score is the cosine with the normalized {@code b^ - a^ + c^} of unit vectors
     * @throws IllegalArgumentException if {@code k < 1} or a word has no vector
     */
    public List<Neighbor> analogy(String a, String b, String c, int k, AnalogyMethod method) {
        checkK(k);
        Objects.requireNonNull(method, "The analogy method must not be null.");
        int ra = row(a);
        int rb = row(b);
        int rc = row(c);
        int[] excluded = {ra, rb, rc};
        if (method == AnalogyMethod.ADD) {
            float[] query = new float[dim];
            for (int j = 0; j < dim; j++) {
                query[j] = unit[rb * dim + j] - unit[ra * dim + j] + unit[rc * dim + j];
            }
            return top(normalized(query), k, excluded);
        }
        TopK heap = new TopK(k);
        int oa = ra * dim;
        int ob = rb * dim;
        int oc = rc * dim;
        for (int r = 0, off = 0; r < size; r++, off += dim) {
            float sa = 0;
            float sb = 0;
            float sc = 0;
            for (int j = 0; j < dim; j++) {
                float x = unit[off + j];
                sa += x * unit[oa + j];
                sb += x * unit[ob + j];
                sc += x * unit[oc + j];
            }
            double score = (sb + 1) / 2.0 * ((sc + 1) / 2.0) / ((sa + 1) / 2.0 + MUL_EPSILON);
            if (score >= heap.threshold() && !contains(excluded, r)) {
                heap.offer(score, r);
            }
        }
        return result(heap);
    }

    private List<Neighbor> top(float[] query, int k, int[] excluded) {
        TopK heap = new TopK(k);
        float[] m = unit;
        int d = dim;
        for (int r = 0, off = 0; r < size; r++, off += d) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += m[off + j] * query[j];
                s1 += m[off + j + 1] * query[j + 1];
                s2 += m[off + j + 2] * query[j + 2];
                s3 += m[off + j + 3] * query[j + 3];
            }
            for (; j < d; j++) {
                s0 += m[off + j] * query[j];
            }
            double score = (s0 + s1) + (s2 + s3);
            if (score >= heap.threshold() && !contains(excluded, r)) {
                heap.offer(score, r);
            }
        }
        return result(heap);
    }

    private List<Neighbor> result(TopK heap) {
        int n = heap.size();
        double[] scores = new double[n];
        int[] rows = new int[n];
        heap.drain(scores, rows);
        List<Neighbor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Neighbor(vectors.word(rows[i]), scores[i]));
        }
        return List.copyOf(out);
    }

    private float[] normalized(float[] query) {
        double sum = 0;
        for (float x : query) {
            sum += (double) x * x;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException(
                    "The query vector must have a finite, non-zero length, but its squared length"
                            + " is "
                            + sum
                            + ".");
        }
        float scale = (float) (1 / Math.sqrt(sum));
        float[] out = new float[query.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = query[j] * scale;
        }
        return out;
    }

    private int row(String word) {
        Objects.requireNonNull(word, "The word must not be null.");
        int row = vectors.index(word);
        if (row < 0) {
            throw new IllegalArgumentException(
                    "The word \"" + word + "\" has no vector (among " + size + " words).");
        }
        return row;
    }

    private static boolean contains(int[] rows, int row) {
        for (int r : rows) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException(
                    "The number of results k must be at least 1, but was " + k + ".");
        }
    }
}
