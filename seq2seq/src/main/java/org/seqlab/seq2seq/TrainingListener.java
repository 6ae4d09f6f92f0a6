package org.seqlab.seq2seq;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.eval.EpochRecord;

/** Receives progress from a {@link TrainingLoop}; every method has an empty default. */
public interface TrainingListener {

    /**
     * Called once before training starts, with the log's records so far (those of the epochs a
     * resumed run keeps; empty for a new run).
     */
    default void onStart(List<EpochRecord> history) {}

    /** Called after every update. */
    default void onStep(int epoch, int step, int stepsPerEpoch, double loss, double tokensPerS) {}

    /** Called after each epoch's validation, with the record also written to the log. */
    default void onEpoch(EpochRecord record, boolean improved) {}

    /** Called with a one-line human message (checkpoint written, learning rate decayed...). */
    default void onMessage(String message) {}

    /** Returns a listener that passes every call to each of {@code listeners} in turn. */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> list = new ArrayList<>();
        for (TrainingListener l : listeners) {
            if (l != null) {
                list.add(l);
            }
        }
        return new TrainingListener() {
            @Override
            public void onStart(List<EpochRecord> history) {
                list.forEach(l -> l.onStart(history));
            }

            @Override
            public void onStep(int epoch, int step, int steps, double loss, double tokensPerS) {
                list.forEach(l -> l.onStep(epoch, step, steps, loss, tokensPerS));
            }

            @Override
            public void onEpoch(EpochRecord record, boolean improved) {
                list.forEach(l -> l.onEpoch(record, improved));
            }

            @Override
            public void onMessage(String message) {
                list.forEach(l -> l.onMessage(message));
            }
        };
    }
}
