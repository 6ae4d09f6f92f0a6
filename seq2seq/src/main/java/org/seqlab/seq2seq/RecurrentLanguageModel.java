package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * Embedding, dropout, a recurrent stack, dropout and a linear projection to the vocabulary.
 *
 * <p>{@link #forward} takes a whole {@code (B, T)} window of token ids and returns logits {@code
 * (B, T, V)} and the final state; feed that state into the next call to continue the sequences
 * (truncated BPTT in training, token-by-token generation in inference).
 */
public final class RecurrentLanguageModel implements AutoCloseable {

    private final LanguageModelSpec spec;
    private final NamedParameters params;
    private final RecurrentStack rnn;
    private final NDArray embedding;
    private final NDArray projection;
    private final NDArray projectionBias;

    /** Creates a freshly initialized model whose weights live in {@code manager}. */
    public RecurrentLanguageModel(LanguageModelSpec spec, NDManager manager, long seed) {
        this.spec = spec;
        this.params = new NamedParameters(manager, seed);
        this.embedding =
                params.normal("embedding", new Shape(spec.vocabSize(), spec.embedding()), 1.0);
        this.rnn =
                new RecurrentStack(
                        params,
                        "rnn",
                        spec.cell(),
                        spec.embedding(),
                        spec.hidden(),
                        spec.layers(),
                        false,
                        spec.dropout());
        double bound = 1.0 / Math.sqrt(spec.hidden());
        this.projection =
                params.uniform("output.weight", new Shape(spec.vocabSize(), spec.hidden()), bound);
        this.projectionBias = params.uniform("output.bias", new Shape(spec.vocabSize()), bound);
    }

    /** The logits of one call and the state to continue from. */
    public record Output(NDArray logits, RecurrentState state) {}

    /**
     * Runs the model over a window of token ids.
     *
     * @param tokens int64 ids {@code (B, T)}
     * @param state state carried from the previous window, or {@code null} for zeros
     * @param training whether dropout is active
     */
    public Output forward(NDArray tokens, RecurrentState state, boolean training) {
        NDArray x = Embedding.embedding(tokens, embedding, SparseFormat.DENSE).singletonOrThrow();
        x = dropout(x, training);
        RecurrentStack.Output out = rnn.forward(x, state, training);
        NDArray y = dropout(out.sequence(), training);
        NDArray logits = Linear.linear(y, projection, projectionBias).singletonOrThrow();
        return new Output(logits, out.state());
    }

    /**
     * Returns the model as a {@link DecodingStep} that advances sequences one token per call, for
     * generation and search; close it when done. It reads the weights as they are now.
     *
     * @param logSoftmax whether the step returns log-probabilities (as {@link BeamSearch} and
     *     {@link GreedySearch#argmax} need) or the raw logits (enough for sampling, which takes its
     *     own softmax, and one operator less)
     */
    public Stepper stepper(NDManager manager, boolean logSoftmax) {
        return new Stepper(rnn.stepDecoder(manager), logSoftmax);
    }

    /**
     * Advances sequences one token at a time (see {@link StepDecoder}); its state is a {@link
     * RecurrentState}, its rows the batch, and it has no attention.
     */
    public final class Stepper implements DecodingStep<RecurrentState>, AutoCloseable {
        private final StepDecoder decoder;
        private final boolean logSoftmax;

        private Stepper(StepDecoder decoder, boolean logSoftmax) {
            this.decoder = decoder;
            this.logSoftmax = logSoftmax;
        }

        /**
         * Feeds one token per sequence.
         *
         * @param lastTokens int64 ids {@code (B)}
         * @param state the state so far (never null)
         * @return scores {@code (B, V)} for the next token (log-probabilities or logits, see {@link
         *     #stepper}) and the new state
         */
        @Override
        public StepOutput<RecurrentState> step(NDArray lastTokens, RecurrentState state) {
            NDArray x =
                    Embedding.embedding(lastTokens, embedding, SparseFormat.DENSE)
                            .singletonOrThrow();
            StepDecoder.Step next = decoder.step(x, state);
            NDArray logits =
                    Linear.linear(next.output(), projection, projectionBias).singletonOrThrow();
            return new StepOutput<>(logSoftmax ? logits.logSoftmax(1) : logits, next.state(), null);
        }

        @Override
        public void close() {
            decoder.close();
        }
    }

    private NDArray dropout(NDArray x, boolean training) {
        if (!training || spec.dropout() == 0) {
            return x;
        }
        return Dropout.dropout(x, spec.dropout(), true).singletonOrThrow();
    }

    /** Returns a zero state for {@code batch} sequences. */
    public RecurrentState zeroState(NDManager manager, long batch) {
        return rnn.zeroState(manager, batch);
    }

    /** Returns the architecture. */
    public LanguageModelSpec spec() {
        return spec;
    }

    /** Returns the trainable parameters, in a fixed order. */
    public NamedParameters parameters() {
        return params;
    }

    @Override
    public void close() {
        params.close();
    }
}
