package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.seqlab.eval.ValidationMetric;

/**
 * Parts of a model left out of training ({@code --freeze}), each for the whole run or for its first
 * N epochs: {@code embedding}, {@code embedding:2,rnn.l0}.
 *
 * <p>A part names parameters by whole dotted components of their names: {@code embedding} matches
 * {@code embedding} and {@code encoder.embedding}; {@code rnn.l0} matches every weight of the first
 * recurrent layer ({@code rnn.l0.w_ih}, ...). A part frozen for the whole run records no gradient
 * at all ({@link NamedParameters#freeze}); one frozen for N epochs has its gradient zeroed before
 * each update of those epochs, so Adam leaves it as it is (its moments stay zero).
 *
 * @param parts part name to epochs (0 for the whole run), in the order given
 */
public record FrozenParts(Map<String, Integer> parts) {

    /** Nothing frozen. */
    public static final FrozenParts NONE = new FrozenParts(Map.of());

    /** Copies the map, keeping its order. */
    public FrozenParts {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /**
     * Parses {@code PART[:EPOCHS][,PART[:EPOCHS]...]}; null or blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming {@code --freeze} and the bad item
     */
    public static FrozenParts parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String s = item.trim();
            int colon = s.indexOf(':');
            String name = colon < 0 ? s : s.substring(0, colon).trim();
            int epochs = 0;
            if (colon >= 0) {
                try {
                    epochs = Integer.parseInt(s.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    epochs = -1;
                }
                if (epochs < 1) {
                    throw new IllegalArgumentException(
                            "--freeze: '"
                                    + s
                                    + "' needs a whole number of epochs >= 1 after the colon"
                                    + " (e.g. embedding:2), or no colon to freeze for the whole"
                                    + " run.");
                }
            }
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException(
                        "--freeze: '" + s + "' is not a part name (e.g. embedding or rnn.l0).");
            }
            parts.put(name, epochs);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--freeze: no part named in '" + spec + "'.");
        }
        return new FrozenParts(parts);
    }

    /** Returns whether nothing is frozen. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Returns whether parameter {@code name} belongs to part {@code part}. */
    static boolean matches(String name, String part) {
        return ("." + name + ".").contains("." + part + ".");
    }

    /**
     * Freezes the parts in {@code task}'s parameters and returns the task to train: {@code task}
     * itself when no part is frozen for a number of epochs, else a wrapper that zeroes their
     * gradients during those epochs.
     *
     * @throws IllegalArgumentException naming a part that matches no parameter, with the names
     *     there are
     */
    public TrainingTask apply(TrainingTask task) {
        if (parts.isEmpty()) {
            return task;
        }
        NamedParameters params = task.parameters();
        Map<String, Integer> timed = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> part : parts.entrySet()) {
            List<String> hit = new ArrayList<>();
            for (String name : params.names()) {
                if (matches(name, part.getKey())) {
                    hit.add(name);
                }
            }
            if (hit.isEmpty()) {
                throw new IllegalArgumentException(
                        "--freeze: no parameter of this model belongs to '"
                                + part.getKey()
                                + "'; its parameters are "
                                + String.join(", ", new TreeSet<>(params.names()))
                                + ".");
            }
            for (String name : hit) {
                if (part.getValue() == 0) {
                    params.freeze(name);
                } else {
                    timed.merge(name, part.getValue(), Math::max);
                }
            }
        }
        return timed.isEmpty() ? task : new Timed(task, timed);
    }

    @Override
    public String toString() {
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, Integer> e : parts.entrySet()) {
            items.add(e.getValue() == 0 ? e.getKey() : e.getKey() + ":" + e.getValue());
        }
        return String.join(",", items);
    }

    /** A task whose named parameters get no update during their first epochs. */
    private record Timed(TrainingTask task, Map<String, Integer> epochs) implements TrainingTask {

        @Override
        public void beforeUpdate(int epoch) {
            task.beforeUpdate(epoch);
            NamedParameters params = task.parameters();
            for (Map.Entry<String, Integer> e : epochs.entrySet()) {
                if (epoch < e.getValue()) {
                    try (NDManager s = params.manager().newSubManager()) {
                        NDArray g = params.get(e.getKey()).getGradient();
                        g.attach(s);
                        g.muli(0);
                    }
                }
            }
        }

        @Override
        public NamedParameters parameters() {
            return task.parameters();
        }

        @Override
        public int stepsPerEpoch() {
            return task.stepsPerEpoch();
        }

        @Override
        public void startEpoch(int epoch) {
            task.startEpoch(epoch);
        }

        @Override
        public StepLoss forward(NDManager manager, int epoch, int step) {
            return task.forward(manager, epoch, step);
        }

        @Override
        public double validate() {
            return task.validate();
        }

        @Override
        public ValidationMetric metric() {
            return task.metric();
        }

        @Override
        public void saveBest(double value, int epoch) throws IOException {
            task.saveBest(value, epoch);
        }

        @Override
        public NDList checkpointState() {
            return task.checkpointState();
        }

        @Override
        public void restoreState(NDList state) {
            task.restoreState(state);
        }
    }
}
