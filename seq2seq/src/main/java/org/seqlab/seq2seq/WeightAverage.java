package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of the weights (Polyak averaging), kept beside them.
 *
 * <p>After update {@code t} (counted from 1), each average moves as {@code a = d a + (1 - d) w}
 * with {@code d = min(decay, (1 + t) / (10 + t))}, so early updates are not dominated by the
 * initialization. {@link #swap()} exchanges the weights and their averages in place, so the loop
 * can validate and save the averaged model, then swap back and go on training. Averages are
 * checkpointed under the names {@code average.<parameter>}.
 */
final class WeightAverage implements AutoCloseable {

    static final String PREFIX = "average.";

    private final List<String> names;
    private final List<NDArray> weights;
    private final List<NDArray> averages = new ArrayList<>();
    private final NDManager manager;
    private final float decay;

    /** Starts the averages at the current weights. */
    WeightAverage(NamedParameters params, float decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException(
                    "The average decay must be in (0, 1); got " + decay + ".");
        }
        this.decay = decay;
        this.names = params.trainableNames();
        this.weights = params.trainable();
        this.manager = params.manager().newSubManager();
        for (NDArray w : weights) {
            NDArray a = manager.zeros(w.getShape(), w.getDataType());
            a.addi(w);
            averages.add(a);
        }
    }

    /** Moves every average towards its weight after update {@code t} (1 for the first). */
    void update(long t) {
        float d = (float) Math.min(decay, (1.0 + t) / (10.0 + t));
        try (NDManager scratch = manager.newSubManager()) {
            for (int i = 0; i < weights.size(); i++) {
                NDArray a = averages.get(i);
                NDArray diff = weights.get(i).sub(a);
                diff.attach(scratch);
                a.addi(diff.muli(1 - d));
            }
        }
    }

    /** Exchanges every weight with its average, in place; calling it twice restores both. */
    void swap() {
        try (NDManager scratch = manager.newSubManager()) {
            for (int i = 0; i < weights.size(); i++) {
                NDArray w = weights.get(i);
                NDArray copy = w.duplicate();
                copy.attach(scratch);
                NamedParameters.assign(w, averages.get(i));
                NamedParameters.assign(averages.get(i), copy);
            }
        }
    }

    /** Returns the averages named {@code average.<parameter>}, for a checkpoint. */
    NDList state() {
        NDList out = new NDList();
        for (int i = 0; i < averages.size(); i++) {
            NDArray a = averages.get(i);
            a.setName(PREFIX + names.get(i));
            out.add(a);
        }
        return out;
    }

    /**
     * Restores the averages from a checkpoint's arrays named {@code average.<parameter>}.
     *
     * @throws IllegalStateException naming the first parameter whose average is missing
     */
    void restore(NDList state) {
        for (int i = 0; i < names.size(); i++) {
            NDArray found = null;
            for (NDArray a : state) {
                if ((PREFIX + names.get(i)).equals(a.getName())) {
                    found = a;
                }
            }
            if (found == null || !found.getShape().equals(averages.get(i).getShape())) {
                throw new IllegalStateException(
                        "The checkpoint holds no weight average for '"
                                + names.get(i)
                                + "'; it was written without weight averaging.");
            }
            NamedParameters.assign(averages.get(i), found);
        }
    }

    /** Returns {@code state} without the averages' arrays, in order. */
    static NDList withoutAverages(NDList state) {
        NDList out = new NDList();
        for (NDArray a : state) {
            if (a.getName() == null || !a.getName().startsWith(PREFIX)) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
