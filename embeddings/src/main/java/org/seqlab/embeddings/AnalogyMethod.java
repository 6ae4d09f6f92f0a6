package org.seqlab.embeddings;

/**
 * How {@link VectorSearch#analogy} scores a candidate {@code x} for "a is to b as c is to x".
 *
 * <p>Both follow Levy and Goldberg (2014), "Linguistic Regularities in Sparse and Explicit Word
 * Representations"; {@code cos} is the cosine similarity.
 */
public enum AnalogyMethod {
    /** 3CosAdd: {@code cos(x, b) - cos(x, a) + cos(x, c)}, ranked as cosine with b - a + c. */
    ADD,
    /**
     * 3CosMul: {@code cos'(x, b) * cos'(x, c) / (cos'(x, a) + 0.001)} with cosines shifted to [0,
     * 1] by {@code cos' = (cos + 1) / 2}.
     */
    MUL
}
