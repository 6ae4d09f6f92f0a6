package org.seqlab.embeddings;

/**
 * A word found by a {@link VectorSearch} query and its score.
 *
 * @param word the word
 * @param similarity the cosine similarity for nearest-neighbour and {@link AnalogyMethod#ADD}
 *     queries; the 3CosMul score for {@link AnalogyMethod#MUL}
 */
public record Neighbor(String word, double similarity) {}
