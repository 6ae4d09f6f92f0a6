package org.seqlab.tasks.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.seqlab.seq2seq.AttentionDecoder;
import org.seqlab.seq2seq.StepDecoder;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Interactive latency of translation: each sentence translated alone, as a REPL user would, with
 * seqlab's path (tokenizing, search, detokenizing) at the given beam and greedy, beside a bare DJL
 * greedy step loop of the same model (encode, then argmax steps until the end token).
 */
public final class TranslateBench {

    private TranslateBench() {}

    /**
     * The measured latencies, in milliseconds.
     *
     * @param sentences sentences timed
     * @param beam the beam of the main measurement
     * @param medianMs median latency at {@code beam}
     * @param p95Ms 95th percentile at {@code beam}
     * @param medianMs8Words median at {@code beam} over the sentences of 7 to 9 words
     * @param greedyMedianMs median of seqlab's greedy path
     * @param bareGreedyMedianMs median of the bare greedy loop
     */
    public record Result(
            int sentences,
            int beam,
            double medianMs,
            double p95Ms,
            double medianMs8Words,
            double greedyMedianMs,
            double bareGreedyMedianMs) {

        /** Returns the bare greedy loop's median over seqlab's greedy median. */
        public double ratio() {
            return bareGreedyMedianMs / greedyMedianMs;
        }

        /** Returns the result as one JSON line. */
        public String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"sentences\":%d,\"beam\":%d,\"median_ms\":%.1f,\"p95_ms\":%.1f,"
                            + "\"median_ms_8_words\":%.1f,\"greedy_median_ms\":%.1f,"
                            + "\"bare_greedy_median_ms\":%.1f,\"ratio\":%.3f}",
                    sentences,
                    beam,
                    medianMs,
                    p95Ms,
                    medianMs8Words,
                    greedyMedianMs,
                    bareGreedyMedianMs,
                    ratio());
        }
    }

    /** Times every sentence of {@code sentences} alone (after a warm-up on the first ten). */
    public static Result run(TranslateModel model, List<String> sentences, int beam) {
        Translator t = new Translator(model);
        for (String s : sentences.subList(0, Math.min(10, sentences.size()))) {
            t.translate(List.of(s), beam);
            t.translate(List.of(s), 1);
            bareGreedy(model, s);
        }
        int n = sentences.size();
        double[] main = new double[n];
        double[] greedy = new double[n];
        double[] bare = new double[n];
        double[] eight = new double[n];
        int eights = 0;
        for (int i = 0; i < n; i++) {
            String s = sentences.get(i);
            long t0 = System.nanoTime();
            t.translate(List.of(s), beam);
            main[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            t.translate(List.of(s), 1);
            greedy[i] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            bareGreedy(model, s);
            bare[i] = (System.nanoTime() - t0) / 1e6;
            int words = s.trim().split("\\s+").length;
            if (words >= 7 && words <= 9) {
                eight[eights++] = main[i];
            }
        }
        return new Result(
                n,
                beam,
                quantile(main, n, 0.5),
                quantile(main, n, 0.95),
                eights == 0 ? Double.NaN : quantile(eight, eights, 0.5),
                quantile(greedy, n, 0.5),
                quantile(bare, n, 0.5));
    }

    private static double quantile(double[] values, int n, double q) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return v[Math.min(n - 1, (int) Math.floor(q * (n - 1) + 0.5))];
    }

    /** The bare loop: encode, then argmax steps until the end token or the length limit. */
    static int bareGreedy(TranslateModel model, String sentence) {
        int[] ids = model.sourceIds(sentence);
        if (ids.length == 0) {
            return 0;
        }
        AttentionDecoder decoder = model.decoder();
        int produced = 0;
        try (NDManager m = model.manager().newSubManager();
                StepDecoder steps = decoder.stepDecoder(m)) {
            AttentionDecoder.State state = model.start(m, List.of(ids), false);
            long last = Vocabulary.BOS_ID;
            for (int t = 0; t < 2 * ids.length + 10; t++) {
                AttentionDecoder.Step s = decoder.step(m.create(new long[] {last}), state, steps);
                NDArray lp = s.logProbs();
                last = lp.argMax(1).getLong();
                state = s.state();
                if (last == Vocabulary.EOS_ID) {
                    break;
                }
                produced++;
            }
        }
        return produced;
    }
}
