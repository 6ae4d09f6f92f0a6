package org.seqlab.eval;

/**
 * One line of a training log: the state of training at the end of an epoch.
 *
 * <p>Losses are mean cross-entropy in nats per token. {@code validLoss} is {@code NaN} when the
 * epoch had no validation; it is written to JSON as {@code null} and read back as {@code NaN}.
 *
 * @param epoch the 1-based epoch number
 * @param step the number of optimizer steps taken so far
 * @param trainLoss the mean training loss over the epoch
 * @param validLoss the validation loss, or {@code NaN} when there was no validation
 * @param learningRate the learning rate at the end of the epoch
 * @param tokensPerSecond the training throughput over the epoch
 * @param elapsedSeconds the wall-clock time since training started
 */
public record EpochRecord(
        int epoch,
        long step,
        double trainLoss,
        double validLoss,
        double learningRate,
        double tokensPerSecond,
        double elapsedSeconds) {}
