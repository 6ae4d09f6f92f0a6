package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The per-row state a search carries from step to step, one row per hypothesis (for a recurrent
 * decoder: its hidden state; for an attention decoder also the encoder's memory and source mask).
 *
 * <p>A search owns the states it is given and that steps return: it moves their arrays between its
 * managers with {@link #attach} and frees them when they are no longer needed. An array that does
 * not depend on the row (a weight, a constant) belongs in the {@link DecodingStep}, not here.
 */
public interface DecodingState {

    /**
     * Returns the state of rows {@code rows}, in that order: reorders, duplicates (beam expansion)
     * or drops rows.
     *
     * @param rows int64 indices {@code (M)} into this state's rows
     */
    DecodingState select(NDArray rows);

    /**
     * Attaches every array of the state to {@code manager} (to carry it out of a step's
     * sub-manager).
     */
    void attach(NDManager manager);
}
