/**
 * Pretrained word vectors: GloVe, word2vec (text and binary) and fastText readers and writers, one
 * contiguous matrix, alignment to a vocabulary, nearest neighbours and analogies. Plain Java; the
 * conversion into a DJL embedding weight happens in {@code seq2seq}.
 */
package org.seqlab.embeddings;
