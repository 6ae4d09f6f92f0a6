package org.seqlab.eval;

/**
 * Softmax cross-entropy computed in plain Java, as a reference for the model's loss.
 *
 * <p>All sums are done in {@code double} after subtracting the largest logit, so large logits such
 * as {@code [1000, 0]} do not overflow.
 */
public final class CrossEntropy {

    private CrossEntropy() {}

    /**
     * Returns the cross-entropy of one prediction in nats.
     *
     * @param logits the unnormalized scores, one per class; at least one, all finite
     * @param target the index of the true class
     * @return {@code logsumexp(logits) - logits[target]}, which is non-negative
     * @throws IllegalArgumentException if {@code logits} is empty or not finite, or {@code target}
     *     is out of range
     */
    public static double nats(float[] logits, int target) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("The logits must hold at least one class.");
        }
        if (target < 0 || target >= logits.length) {
            throw new IllegalArgumentException(
                    "The target " + target + " is out of range for " + logits.length + " classes.");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (!Float.isFinite(logits[i])) {
                throw new IllegalArgumentException(
                        "The logit at index " + i + " is " + logits[i] + ", not a finite number.");
            }
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        return max + Math.log(sum) - logits[target];
    }

    /**
     * Returns the mean cross-entropy of a batch of predictions in nats per prediction.
     *
     * @param logits the unnormalized scores, one row per prediction; at least one row
     * @param targets the index of the true class of each row
     * @return the mean of {@link #nats(float[], int)} over the rows
     * @throws IllegalArgumentException if the batch is empty, the lengths differ, or any row is
     *     invalid for {@link #nats(float[], int)}
     */
    public static double meanNats(float[][] logits, int[] targets) {
        if (logits == null || targets == null) {
            throw new IllegalArgumentException("The logits and targets must not be null.");
        }
        if (logits.length != targets.length) {
            throw new IllegalArgumentException(
                    "There are "
                            + logits.length
                            + " rows of logits but "
                            + targets.length
                            + " targets; the counts must match.");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("The batch must hold at least one prediction.");
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += nats(logits[i], targets[i]);
        }
        return sum / logits.length;
    }
}
