package org.seqlab.seq2seq;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Batches of examples of similar length, in a seeded order per epoch: what every task's training
 * visits.
 *
 * <p>Examples are sorted by their length times a random factor in [0.9, 1.1], so that a batch's
 * examples have similar lengths (little padding) but meet different neighbours each epoch; the
 * sorted list is cut into batches, and the batches are visited in a shuffled order. Both come from
 * the seed and the epoch alone, so a resumed run sees the same batches.
 */
public final class LengthBuckets {

    private LengthBuckets() {}

    /**
     * Returns the epoch's batches (example indices) in visiting order.
     *
     * @param lengths each example's length (any positive measure)
     * @param batch examples per batch (the last batch may be smaller), at least 1
     * @throws IllegalArgumentException when {@code batch} is below 1
     */
    public static int[][] epoch(double[] lengths, int batch, long seed, int epoch) {
        if (batch < 1) {
            throw new IllegalArgumentException(
                    "The batch size must be at least 1; got " + batch + ".");
        }
        SplittableRandom r = new SplittableRandom(seed * 31 + epoch);
        int n = lengths.length;
        double[] key = new double[n];
        Integer[] byLength = new Integer[n];
        for (int i = 0; i < n; i++) {
            byLength[i] = i;
            key[i] = lengths[i] * (0.9 + 0.2 * r.nextDouble());
        }
        Arrays.sort(byLength, Comparator.comparingDouble((Integer i) -> key[i]));
        int count = (n + batch - 1) / batch;
        int[][] batches = new int[count][];
        for (int k = 0; k < count; k++) {
            int from = k * batch;
            int to = Math.min(n, from + batch);
            batches[k] = new int[to - from];
            for (int j = from; j < to; j++) {
                batches[k][j - from] = byLength[j];
            }
        }
        int[] o = new int[count];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        for (int i = o.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        int[][] ordered = new int[count][];
        for (int k = 0; k < count; k++) {
            ordered[k] = batches[o[k]];
        }
        return ordered;
    }
}
