package org.seqlab.seq2seq;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.seqlab.io.SettingException;

/**
 * Draws a token id from logits with temperature, top-k and nucleus (top-p) filtering.
 *
 * @param temperature divides the logits; must be positive (small values approach greedy)
 * @param topK keep exactly the k most likely ids (of equally likely ones, the lower ids); 0 keeps
 *     all
 * @param topP keep the smallest set of most likely ids whose probability reaches p; 1 keeps all
 */
public record Sampler(double temperature, int topK, double topP) {

    /** Validates the settings with messages naming the bad value. */
    public Sampler {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new SettingException("temperature", "must be positive; got " + temperature + ".");
        }
        if (topK < 0) {
            throw new SettingException("top_k", "must be >= 0; got " + topK + ".");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new SettingException("top_p", "must be in (0, 1]; got " + topP + ".");
        }
    }

    /**
     * Returns an id drawn from {@code softmax(logits / temperature)} after filtering.
     *
     * @param banned ids never to draw (e.g. padding), may be empty
     */
    public int sample(float[] logits, SplittableRandom random, int... banned) {
        int n = logits.length;
        boolean[] skip = new boolean[n];
        for (int b : banned) {
            skip[b] = true;
        }
        // the largest allowed logit, not a banned one: at a low temperature a banned favourite
        // would otherwise underflow every allowed probability to 0
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!skip[i]) {
                max = Math.max(max, logits[i] / temperature);
            }
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = skip[i] ? 0 : Math.exp(logits[i] / temperature - max);
        }
        if (topK > 0 && topK < n) {
            keepTopK(p, topK);
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (topP < 1) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double[] q = p;
            Arrays.sort(order, (a, b) -> Double.compare(q[b], q[a]));
            double acc = 0;
            int i = 0;
            for (; i < n && acc < topP * sum; i++) {
                acc += p[order[i]];
            }
            for (; i < n; i++) {
                p[order[i]] = 0;
            }
            sum = acc;
        }
        double u = random.nextDouble() * sum;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] > 0) {
                last = i;
                u -= p[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * Zeroes all but exactly {@code k} entries of {@code p}: the largest, ties broken in favour of
     * the lower id, so that equal probabilities never let more than {@code k} ids through.
     */
    private static void keepTopK(double[] p, int k) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int c = Double.compare(p[b], p[a]);
                    return c != 0 ? c : Integer.compare(a, b);
                });
        for (int r = k; r < order.length; r++) {
            p[order[r]] = 0;
        }
    }
}
