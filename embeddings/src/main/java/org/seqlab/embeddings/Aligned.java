package org.seqlab.embeddings;

/**
 * An embedding weight matrix aligned to a vocabulary, and how much of it came from pretrained
 * vectors.
 *
 * @param weights {@code vocab.size()} rows of {@code dim} values; row {@code i} is token id {@code
 *     i}
 * @param coverage how many non-special words found a vector
 */
public record Aligned(float[][] weights, Coverage coverage) {}
