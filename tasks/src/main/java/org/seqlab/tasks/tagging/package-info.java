/**
 * Sequence labeling: part-of-speech tagging and named-entity recognition with a bidirectional LSTM
 * over word embeddings and character features, with a softmax or a linear-chain CRF on top ({@link
 * org.seqlab.tasks.tagging.TagTrainer}, {@link org.seqlab.tasks.tagging.TagModel}) and the {@code
 * seqlab tag} commands.
 */
package org.seqlab.tasks.tagging;
