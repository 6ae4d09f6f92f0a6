/**
 * The shared recurrent core: embeddings, LSTM/GRU stacks on DJL's fused PyTorch kernels, losses, an
 * Adam optimizer whose state seqlab owns, global-norm clipping, a resumable training loop, the
 * on-disk model directory format, and decoding: one search loop ({@link
 * org.seqlab.seq2seq.BeamSearch}, {@link org.seqlab.seq2seq.GreedySearch} for argmax and sampling)
 * over any model that implements {@link org.seqlab.seq2seq.DecodingStep}.
 *
 * <p>Everything that touches DJL lives here or in {@code tasks}; the plain-Java modules ({@code
 * tokenizers}, {@code corpora}, {@code eval}) never see an {@code NDArray}.
 */
package org.seqlab.seq2seq;
