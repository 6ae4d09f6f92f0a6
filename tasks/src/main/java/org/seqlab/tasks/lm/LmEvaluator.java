package org.seqlab.tasks.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.seqlab.corpora.StreamBatches;
import org.seqlab.eval.LanguageModelScore;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.seq2seq.RecurrentState;

/**
 * Measures a language model's cross-entropy on a token sequence.
 *
 * <p>The sequence is cut into {@code streams} contiguous parts read in parallel, each carrying its
 * recurrent state from window to window, exactly as in training; every token but the first of each
 * part is predicted once. Dropout is off.
 */
public final class LmEvaluator {

    private LmEvaluator() {}

    /** Scores {@code ids} with up to {@code streams} parallel streams and windows of seqLen. */
    public static LanguageModelScore evaluate(
            RecurrentLanguageModel net, NDManager parent, int[] ids, int streams, int seqLen) {
        int b = Math.max(1, Math.min(streams, ids.length / 2));
        StreamBatches batches = new StreamBatches(ids, b, seqLen);
        double sum = 0;
        long tokens = 0;
        try (NDManager m = parent.newSubManager()) {
            RecurrentState state = null;
            for (int k = 0; k < batches.windowCount(); k++) {
                StreamBatches.Window w = batches.window(k);
                try (NDManager step = m.newSubManager()) {
                    if (state != null) {
                        state.attach(step);
                    }
                    Shape shape = new Shape(w.batch(), w.length());
                    NDArray x = step.create(LmTrainer.toLongs(w.inputs()), shape);
                    NDArray y = step.create(LmTrainer.toLongs(w.targets()), shape);
                    RecurrentLanguageModel.Output out = net.forward(x, state, false);
                    sum += Losses.crossEntropySum(out.logits(), y).getFloat();
                    tokens += (long) w.batch() * w.length();
                    state = out.state();
                    state.attach(m);
                }
            }
        }
        return LanguageModelScore.fromSum(sum, tokens);
    }

    /** Scores {@code ids} with the model's own network. */
    public static LanguageModelScore evaluate(LmModel model, int[] ids, int streams, int seqLen) {
        return evaluate(model.network(), model.manager(), ids, streams, seqLen);
    }
}
