package org.seqlab.seq2seq;

import org.seqlab.eval.EpochRecord;

/** Receives progress from a {@link TrainingLoop}; every method has an empty default. */
public interface TrainingListener {

    /** Called after every update. */
    default void onStep(int epoch, int step, int stepsPerEpoch, double loss, double tokensPerS) {}

    /** Called after each epoch's validation, with the record also written to the log. */
    default void onEpoch(EpochRecord record, boolean improved) {}

    /** Called with a one-line human message (checkpoint written, learning rate decayed...). */
    default void onMessage(String message) {}
}
