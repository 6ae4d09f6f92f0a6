package org.seqlab.eval;

/**
 * One line of a training log: the state of training at the end of an epoch, or at a stop inside one
 * ({@code partial}).
 *
 * <p>The training loss is mean cross-entropy (nats per token or per example). The validation value
 * is named by {@code metric} ({@code loss}, {@code accuracy}, ...); it is {@code NaN} when the
 * epoch had no validation, written to JSON as {@code null} and read back as {@code NaN}.
 *
 * @param epoch the 1-based epoch number
 * @param step the number of optimizer steps taken so far
 * @param trainLoss the mean training loss over the epoch (or its part that ran)
 * @param metric the name of the validation metric
 * @param valid the validation value, or {@code NaN} when there was no validation
 * @param learningRate the learning rate at the end of the epoch
 * @param tokensPerSecond the training throughput over the epoch
 * @param elapsedSeconds the training time since the run started, all resumed runs together
 * @param partial whether the epoch was cut short (a {@code --max-time} stop)
 */
public record EpochRecord(
        int epoch,
        long step,
        double trainLoss,
        String metric,
        double valid,
        double learningRate,
        double tokensPerSecond,
        double elapsedSeconds,
        boolean partial) {

    /** Validates the metric name. */
    public EpochRecord {
        if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException("An epoch record needs a metric name.");
        }
    }

    /** Creates a complete epoch's record whose validation value is a loss. */
    public static EpochRecord ofLoss(
            int epoch,
            long step,
            double trainLoss,
            double validLoss,
            double learningRate,
            double tokensPerSecond,
            double elapsedSeconds) {
        return new EpochRecord(
                epoch,
                step,
                trainLoss,
                ValidationMetric.LOSS.name(),
                validLoss,
                learningRate,
                tokensPerSecond,
                elapsedSeconds,
                false);
    }
}
