package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;

/**
 * What one {@link DecodingStep} returns.
 *
 * <p>{@link BeamSearch} and {@link GreedySearch#argmax} need true log-probabilities (they add them
 * up). Sampling ({@link GreedySearch#sampling}) takes a softmax of its own and reports log-softmax
 * values, so for it any scores equal to the log-probabilities up to a constant per row (raw logits,
 * for instance) give the same tokens.
 *
 * @param logProbs float32 {@code (N, V)}: the log-probability of each next token, per row
 * @param state the state after the step
 * @param attention float32 {@code (N, Ts)}: each row's attention weights over the source, or {@code
 *     null} for a model without attention
 * @param <S> the state carried between steps
 */
public record StepOutput<S extends DecodingState>(NDArray logProbs, S state, NDArray attention) {

    /** Checks that the log-probabilities and the state are present. */
    public StepOutput {
        if (logProbs == null || state == null) {
            throw new IllegalArgumentException(
                    "A step output needs log-probabilities and a state; got "
                            + (logProbs == null ? "no log-probabilities" : "no state")
                            + ".");
        }
    }
}
