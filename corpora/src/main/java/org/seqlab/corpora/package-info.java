/**
 * Reading corpora from disk and cutting them into training data.
 *
 * <p>{@link org.seqlab.corpora.TextReader} reads a whole text file (optionally gzipped) with strict
 * UTF-8 decoding and fingerprints files and id sequences with SHA-256. {@link
 * org.seqlab.corpora.Split} divides a sequence of token ids into a training and a validation part,
 * and {@link org.seqlab.corpora.StreamBatches} cuts a sequence into the contiguous parallel streams
 * used for truncated backpropagation through time. Malformed files are reported with {@link
 * org.seqlab.corpora.CorpusFormatException}, which names the file.
 */
package org.seqlab.corpora;
