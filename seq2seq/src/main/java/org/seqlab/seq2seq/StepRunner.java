package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Runs the steps of one search call and reads what the search needs of each into Java.
 *
 * <p>The carried state lives in the runner's own manager, a sub-manager of the caller's that {@link
 * #close()} frees. Each step runs in a fresh sub-manager of that one: the state is attached to it,
 * rows are selected, the step runs, its output is read, and only the new state is attached back
 * before the sub-manager closes, so every array the step made in passing is freed there.
 *
 * @param <S> the state carried between steps
 */
final class StepRunner<S extends DecodingState> implements AutoCloseable {

    /**
     * One step's scores in Java, row-major.
     *
     * @param rows the number of rows N
     * @param vocab the vocabulary size V
     * @param k entries per row: V when {@code ids} is null (whole rows), else the best k, best
     *     first
     * @param values {@code N * k} log-probabilities (or scores)
     * @param ids {@code N * k} token ids of {@code values}, or {@code null} for whole rows
     * @param attention {@code N} rows of source weights, or {@code null}
     */
    record Scores(int rows, int vocab, int k, float[] values, int[] ids, float[][] attention) {

        /** Returns entry {@code c} of row {@code r}. */
        float value(int r, int c) {
            return values[r * k + c];
        }

        /** Returns the token id of entry {@code c} of row {@code r}. */
        int id(int r, int c) {
            return ids == null ? c : ids[r * k + c];
        }

        /** Returns row {@code r}'s attention weights, or {@code null}. */
        float[] attention(int r) {
            return attention == null ? null : attention[r];
        }
    }

    private final DecodingStep<S> step;
    private final NDManager run;
    private final SearchOptions options;
    private S state;
    private int vocab = -1;

    /**
     * Takes ownership of {@code initial}: its arrays move to the runner's manager.
     *
     * @param parent the manager whose sub-manager holds the search's arrays
     */
    StepRunner(DecodingStep<S> step, S initial, NDManager parent, SearchOptions options) {
        if (step == null || initial == null || parent == null) {
            throw new IllegalArgumentException("A search needs a step, a state and a manager.");
        }
        this.step = step;
        this.options = options;
        this.run = parent.newSubManager();
        initial.attach(run);
        this.state = initial;
    }

    /**
     * Runs one step.
     *
     * @param tokens one token per row (after selection)
     * @param rows the rows of the current state to keep, in order, or {@code null} for all of them
     * @param topK read only the best {@code topK} entries of each row (clamped to V), or 0 for
     *     whole rows
     */
    Scores step(long[] tokens, long[] rows, int topK) {
        try (NDManager sub = run.newSubManager()) {
            S current = state;
            current.attach(sub);
            if (rows != null) {
                current = select(current, sub.create(rows));
            }
            StepOutput<S> out = step.step(sub.create(tokens), current);
            Scores scores = read(out, tokens.length, topK);
            out.state().attach(run);
            state = out.state();
            return scores;
        }
    }

    /**
     * Reads a step's output (one the caller ran, for {@link GreedySearch#continueFrom}) without
     * running a step or taking the output's arrays.
     */
    Scores read(StepOutput<S> out, int rows, int topK) {
        NDArray logProbs = out.logProbs();
        Shape shape = logProbs.getShape();
        if (shape.dimension() != 2 || shape.get(0) != rows) {
            throw new IllegalStateException(
                    "A decoding step must return log-probabilities shaped (rows, vocabulary) for "
                            + rows
                            + " rows; got "
                            + shape
                            + ".");
        }
        int v = (int) shape.get(1);
        checkVocabulary(v);
        if (logProbs.getDataType() != DataType.FLOAT32) {
            logProbs = logProbs.toType(DataType.FLOAT32, false);
        }
        float[][] attention = readAttention(out.attention(), rows);
        if (topK <= 0 || topK >= v) {
            return new Scores(rows, v, v, logProbs.toFloatArray(), null, attention);
        }
        NDList top = logProbs.topK(topK, 1, true, true);
        long[] ids = top.get(1).toLongArray();
        int[] narrow = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            narrow[i] = (int) ids[i];
        }
        return new Scores(rows, v, topK, top.get(0).toFloatArray(), narrow, attention);
    }

    @SuppressWarnings("unchecked")
    private S select(S current, NDArray rows) {
        DecodingState selected = current.select(rows);
        if (selected == null || selected.getClass() != current.getClass()) {
            throw new IllegalStateException(
                    "DecodingState.select must return a state of its own class "
                            + current.getClass().getSimpleName()
                            + "; got "
                            + (selected == null ? "null" : selected.getClass().getSimpleName())
                            + ".");
        }
        return (S) selected;
    }

    private void checkVocabulary(int v) {
        if (vocab == v) {
            return;
        }
        if (vocab != -1) {
            throw new IllegalStateException(
                    "A decoding step changed its vocabulary size from " + vocab + " to " + v + ".");
        }
        if (options.eos() >= v) {
            throw new IllegalArgumentException(
                    "The end token " + options.eos() + " is outside the vocabulary of " + v + ".");
        }
        for (int id : options.banned()) {
            if (id >= v) {
                throw new IllegalArgumentException(
                        "The banned id " + id + " is outside the vocabulary of " + v + ".");
            }
        }
        vocab = v;
    }

    private static float[][] readAttention(NDArray attention, int rows) {
        if (attention == null) {
            return null;
        }
        Shape shape = attention.getShape();
        if (shape.dimension() != 2 || shape.get(0) != rows) {
            throw new IllegalStateException(
                    "A decoding step must return attention shaped (rows, source length) for "
                            + rows
                            + " rows; got "
                            + shape
                            + ".");
        }
        int ts = (int) shape.get(1);
        float[] flat =
                (attention.getDataType() == DataType.FLOAT32
                                ? attention
                                : attention.toType(DataType.FLOAT32, false))
                        .toFloatArray();
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * ts, (r + 1) * ts);
        }
        return out;
    }

    /** Frees the carried state and everything else the search kept. */
    @Override
    public void close() {
        run.close();
    }
}
