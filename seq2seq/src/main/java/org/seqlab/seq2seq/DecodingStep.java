package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;

/**
 * One step of an autoregressive model over N rows: the searches ({@link BeamSearch}, {@link
 * GreedySearch}) call it once per output token.
 *
 * <p>The search calls {@code step} inside a sub-manager that it closes after reading the output,
 * with {@code lastTokens} created in that sub-manager and {@code state} attached to it. DJL puts an
 * operator's result in the manager of its first operand, so a step whose operators start from the
 * tokens or the state (not from a weight: {@code x.matMul(w)}, not {@code w.matMul(x)}) leaves
 * nothing behind, and memory stays flat however many steps run.
 *
 * @param <S> the state carried between steps
 */
public interface DecodingStep<S extends DecodingState> {

    /**
     * Feeds one token per row.
     *
     * @param lastTokens int64 {@code (N)}, the token each row emitted last (its start token first)
     * @param state the state of the N rows before the step
     * @return log-probabilities {@code (N, V)} float32 of the next token, the state after the step,
     *     and attention weights {@code (N, Ts)} over the source or {@code null}
     */
    StepOutput<S> step(NDArray lastTokens, S state);
}
