package org.seqlab.seq2seq;

import java.time.Duration;

/**
 * Settings of the {@link TrainingLoop}.
 *
 * @param epochs the most epochs to run
 * @param learningRate Adam's initial learning rate
 * @param clipNorm global gradient-norm limit; 0 disables clipping
 * @param weightDecay decoupled weight decay (AdamW); 0 for plain Adam
 * @param lrDecay factor applied to the learning rate when validation stops improving
 * @param patience epochs without improvement before the learning rate decays
 * @param minLearningRate training stops once the learning rate decays below this
 * @param maxTime wall-clock budget of this run; {@code null} for none
 * @param checkpointEvery steps between checkpoints (a checkpoint is also written every epoch)
 * @param seed seed of dropout and every other random choice of the loop
 * @param average decay of an exponential moving average of the weights, which is what gets
 *     validated and saved (see {@code WeightAverage}); 0 validates and saves the weights as trained
 */
public record TrainingConfig(
        int epochs,
        float learningRate,
        double clipNorm,
        float weightDecay,
        float lrDecay,
        int patience,
        float minLearningRate,
        Duration maxTime,
        int checkpointEvery,
        long seed,
        float average) {

    /** Creates a configuration without weight averaging. */
    public TrainingConfig(
            int epochs,
            float learningRate,
            double clipNorm,
            float weightDecay,
            float lrDecay,
            int patience,
            float minLearningRate,
            Duration maxTime,
            int checkpointEvery,
            long seed) {
        this(
                epochs,
                learningRate,
                clipNorm,
                weightDecay,
                lrDecay,
                patience,
                minLearningRate,
                maxTime,
                checkpointEvery,
                seed,
                0f);
    }

    /** Adds the fields to a manifest's {@code config} object (keys as on the command line). */
    public void writeJson(com.google.gson.JsonObject o) {
        o.addProperty("epochs", epochs);
        o.addProperty("lr", learningRate);
        o.addProperty("clip", clipNorm);
        o.addProperty("weight_decay", weightDecay);
        o.addProperty("lr_decay", lrDecay);
        o.addProperty("patience", patience);
        o.addProperty("min_lr", minLearningRate);
        o.addProperty("max_time_s", maxTime == null ? 0 : maxTime.toSeconds());
        o.addProperty("checkpoint_every", checkpointEvery);
        o.addProperty("seed", seed);
        o.addProperty("average", average);
    }

    /** Reads what {@link #writeJson} wrote. */
    public static TrainingConfig fromJson(com.google.gson.JsonObject o) {
        long maxTime = o.get("max_time_s").getAsLong();
        return new TrainingConfig(
                o.get("epochs").getAsInt(),
                o.get("lr").getAsFloat(),
                o.get("clip").getAsDouble(),
                o.get("weight_decay").getAsFloat(),
                o.get("lr_decay").getAsFloat(),
                o.get("patience").getAsInt(),
                o.get("min_lr").getAsFloat(),
                maxTime == 0 ? null : Duration.ofSeconds(maxTime),
                o.get("checkpoint_every").getAsInt(),
                o.get("seed").getAsLong(),
                o.has("average") ? o.get("average").getAsFloat() : 0f);
    }

    /** Validates every field with a message naming the bad value. */
    public TrainingConfig {
        if (!(average >= 0 && average < 1)) {
            throw new IllegalArgumentException(
                    "--average must be 0 (off) or in (0, 1); got " + average + ".");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1; got " + epochs + ".");
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be positive; got " + learningRate + ".");
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("--clip must be >= 0; got " + clipNorm + ".");
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException(
                    "--weight-decay must be >= 0; got " + weightDecay + ".");
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new IllegalArgumentException(
                    "--lr-decay must be in (0, 1]; got " + lrDecay + ".");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be >= 0; got " + patience + ".");
        }
        if (!(minLearningRate >= 0)) {
            throw new IllegalArgumentException(
                    "--min-lr must be >= 0; got " + minLearningRate + ".");
        }
        if (maxTime != null && (maxTime.isNegative() || maxTime.isZero())) {
            throw new IllegalArgumentException("--max-time must be positive; got " + maxTime + ".");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException(
                    "--checkpoint-every must be at least 1; got " + checkpointEvery + ".");
        }
    }
}
