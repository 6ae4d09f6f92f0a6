package org.seqlab.tasks.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.seqlab.seq2seq.AttentionDecoder;
import org.seqlab.seq2seq.StepDecoder;
import org.seqlab.tokenizers.Vocabulary;

/** Greedy decoding of a translator in length-sorted batches (validation during training). */
final class GreedyDecoding {

    private GreedyDecoding() {}

    /** Returns the greedy target ids (without BOS/EOS) for each source, in input order. */
    static int[][] decode(TranslateModel model, int[][] sources, int batch) {
        Integer[] order = new Integer[sources.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sources[i].length));
        int[][] out = new int[sources.length][];
        AttentionDecoder decoder = model.decoder();
        for (int s = 0; s < sources.length; s += batch) {
            int e = Math.min(sources.length, s + batch);
            List<int[]> rows = new ArrayList<>();
            int longest = 1;
            for (int k = s; k < e; k++) {
                rows.add(sources[order[k]]);
                longest = Math.max(longest, sources[order[k]].length);
            }
            int n = e - s;
            int max = 2 * longest + 10;
            int[][] ids = new int[n][max];
            int[] len = new int[n];
            boolean[] done = new boolean[n];
            try (NDManager m = model.manager().newSubManager();
                    StepDecoder steps = decoder.stepDecoder(m)) {
                AttentionDecoder.State state = model.start(m, rows, false);
                long[] last = new long[n];
                Arrays.fill(last, Vocabulary.BOS_ID);
                int live = n;
                for (int t = 0; t < max && live > 0; t++) {
                    try (NDManager step = m.newSubManager()) {
                        state.attach(step);
                        AttentionDecoder.Step r = decoder.step(step.create(last), state, steps);
                        NDArray lp = r.logProbs();
                        lp.set(new ai.djl.ndarray.index.NDIndex(":, 0:3"), Float.NEGATIVE_INFINITY);
                        long[] best = lp.argMax(1).toLongArray();
                        for (int b = 0; b < n; b++) {
                            if (done[b]) {
                                continue;
                            }
                            if (best[b] == Vocabulary.EOS_ID) {
                                done[b] = true;
                                live--;
                            } else {
                                ids[b][len[b]++] = (int) best[b];
                            }
                        }
                        last = best;
                        state = r.state();
                        state.attach(m);
                    }
                }
            }
            for (int b = 0; b < n; b++) {
                out[order[s + b]] = Arrays.copyOf(ids[b], len[b]);
            }
        }
        return out;
    }
}
