package org.seqlab.tasks.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.seqlab.eval.LanguageModelScore;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.seq2seq.RecurrentState;

/**
 * Measures a language model's cross-entropy on a token sequence.
 *
 * <p>Every token but the first is predicted exactly once: {@code N} ids give {@code N - 1} scored
 * predictions whatever the number of streams. The {@code N - 1} predictions are cut into {@code b =
 * min(streams, N - 1)} contiguous streams of {@code L = (N - 1) / b} predictions read in parallel,
 * each carrying its recurrent state from window to window, exactly as in training; stream {@code j}
 * reads {@code ids[j*L .. (j+1)*L]}, so its last target is the next stream's first input. The
 * {@code (N - 1) mod b} predictions left over are scored last as one shorter stream that continues
 * the last stream's state, as if that stream were longer. Dropout is off.
 */
public final class LmEvaluator {

    private LmEvaluator() {}

    /**
     * Scores {@code ids} with up to {@code streams} parallel streams and windows of seqLen.
     *
     * @throws IllegalArgumentException if {@code streams} or {@code seqLen} is below 1 or there are
     *     fewer than 2 ids
     */
    public static LanguageModelScore evaluate(
            RecurrentLanguageModel net, NDManager parent, int[] ids, int streams, int seqLen) {
        if (streams < 1) {
            throw new SettingException("streams", "must be at least 1; got " + streams + ".");
        }
        if (seqLen < 1) {
            throw new IllegalArgumentException(
                    "The window length must be at least 1; got " + seqLen + ".");
        }
        if (ids.length < 2) {
            throw new IllegalArgumentException(
                    "Scoring needs at least 2 tokens; got " + ids.length + ".");
        }
        int predictions = ids.length - 1;
        int rows = Math.min(streams, predictions);
        int length = predictions / rows;
        int rest = predictions - rows * length;
        double[] sum = {0};
        try (NDManager m = parent.newSubManager()) {
            RecurrentState state = score(net, m, ids, 0, rows, length, seqLen, null, sum);
            if (rest > 0) {
                score(net, m, ids, rows * length, 1, rest, seqLen, lastRow(state), sum);
            }
        }
        return LanguageModelScore.fromSum(sum[0], predictions);
    }

    /** Scores {@code ids} with the model's own network. */
    public static LanguageModelScore evaluate(LmModel model, int[] ids, int streams, int seqLen) {
        return evaluate(model.network(), model.manager(), ids, streams, seqLen);
    }

    /**
     * Adds to {@code sum} the loss of {@code rows} streams of {@code length} predictions, stream
     * {@code j} reading {@code ids[first + j*length .. first + (j+1)*length]}, and returns the
     * final state, owned by {@code m}.
     */
    private static RecurrentState score(
            RecurrentLanguageModel net,
            NDManager m,
            int[] ids,
            int first,
            int rows,
            int length,
            int seqLen,
            RecurrentState start,
            double[] sum) {
        RecurrentState state = start;
        for (int from = 0; from < length; from += seqLen) {
            int t = Math.min(seqLen, length - from);
            long[] inputs = new long[rows * t];
            long[] targets = new long[rows * t];
            for (int j = 0; j < rows; j++) {
                int at = first + j * length + from;
                for (int c = 0; c < t; c++) {
                    inputs[j * t + c] = ids[at + c];
                    targets[j * t + c] = ids[at + c + 1];
                }
            }
            try (NDManager step = m.newSubManager()) {
                if (state != null) {
                    state.attach(step);
                }
                Shape shape = new Shape(rows, t);
                NDArray x = step.create(inputs, shape);
                NDArray y = step.create(targets, shape);
                RecurrentLanguageModel.Output out = net.forward(x, state, false);
                sum[0] += Losses.crossEntropySum(out.logits(), y).getFloat();
                state = out.state();
                state.attach(m);
            }
        }
        return state;
    }

    /** Returns the state of the last stream alone, as a batch of one. */
    private static RecurrentState lastRow(RecurrentState state) {
        NDIndex last = new NDIndex(":, -1:, :");
        NDArray h = state.hidden().get(last);
        NDArray c = state.cell() == null ? null : state.cell().get(last);
        return new RecurrentState(h, c);
    }
}
