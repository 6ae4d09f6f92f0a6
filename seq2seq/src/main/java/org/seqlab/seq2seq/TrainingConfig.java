package org.seqlab.seq2seq;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import org.seqlab.io.SettingException;

/**
 * Settings of the {@link TrainingLoop}, shared by every task. Invalid values fail with a {@link
 * SettingException} naming the setting by its key ({@code lr}, {@code max_time}, ...).
 *
 * @param epochs the most epochs to run
 * @param learningRate Adam's initial learning rate ({@code lr})
 * @param clipNorm global gradient-norm limit ({@code clip}); 0 disables clipping
 * @param weightDecay decoupled weight decay (AdamW); 0 for plain Adam
 * @param lrDecay factor applied to the learning rate when validation stops improving
 * @param patience epochs without improvement before the learning rate decays
 * @param minLearningRate training stops once the learning rate decays below this ({@code min_lr})
 * @param maxTime wall-clock budget of this run; {@code null} for none
 * @param checkpointEvery steps between checkpoints (a checkpoint is also written every epoch)
 * @param seed seed of dropout and every other random choice of the loop
 * @param average decay of an exponential moving average of the weights, which is what gets
 *     validated and saved (see {@code WeightAverage}); 0 validates and saves the weights as trained
 * @param stopAfter stop after this many validations in a row without improvement; 0 never stops for
 *     that reason
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
        float average,
        int stopAfter) {

    /** Validates every field with a message naming the setting and the bad value. */
    public TrainingConfig {
        if (epochs < 1) {
            throw new SettingException("epochs", "must be at least 1; got " + epochs + ".");
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new SettingException("lr", "must be positive; got " + learningRate + ".");
        }
        if (!(clipNorm >= 0)) {
            throw new SettingException("clip", "must be >= 0; got " + clipNorm + ".");
        }
        if (!(weightDecay >= 0)) {
            throw new SettingException("weight_decay", "must be >= 0; got " + weightDecay + ".");
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new SettingException("lr_decay", "must be in (0, 1]; got " + lrDecay + ".");
        }
        if (patience < 0) {
            throw new SettingException("patience", "must be >= 0; got " + patience + ".");
        }
        if (!(minLearningRate >= 0)) {
            throw new SettingException("min_lr", "must be >= 0; got " + minLearningRate + ".");
        }
        if (maxTime != null && (maxTime.isNegative() || maxTime.isZero())) {
            throw new SettingException("max_time", "must be positive; got " + maxTime + ".");
        }
        if (checkpointEvery < 1) {
            throw new SettingException(
                    "checkpoint_every", "must be at least 1; got " + checkpointEvery + ".");
        }
        if (!(average >= 0 && average < 1)) {
            throw new SettingException(
                    "average", "must be 0 (off) or in (0, 1); got " + average + ".");
        }
        if (stopAfter < 0) {
            throw new SettingException(
                    "stop_after", "must be 0 (never) or at least 1; got " + stopAfter + ".");
        }
    }

    /** Returns a copy with another time budget (a resumed run gets a new one). */
    public TrainingConfig withMaxTime(Duration budget) {
        return new TrainingConfig(
                epochs,
                learningRate,
                clipNorm,
                weightDecay,
                lrDecay,
                patience,
                minLearningRate,
                budget,
                checkpointEvery,
                seed,
                average,
                stopAfter);
    }

    /** Adds the fields to a manifest's {@code config} object (keys as on the command line). */
    public void writeJson(JsonObject o) {
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
        o.addProperty("stop_after", stopAfter);
    }

    /**
     * Reads what {@link #writeJson} wrote; {@code average} and {@code stop_after}, which earlier
     * versions did not write, default to 0.
     *
     * @throws IllegalArgumentException naming a missing or mistyped key
     */
    public static TrainingConfig fromJson(JsonObject o) {
        long maxTime = (long) number(o, "max_time_s", null);
        return new TrainingConfig(
                (int) number(o, "epochs", null),
                (float) number(o, "lr", null),
                number(o, "clip", null),
                (float) number(o, "weight_decay", null),
                (float) number(o, "lr_decay", null),
                (int) number(o, "patience", null),
                (float) number(o, "min_lr", null),
                maxTime == 0 ? null : Duration.ofSeconds(maxTime),
                (int) number(o, "checkpoint_every", null),
                seedOf(o),
                (float) number(o, "average", 0.0),
                (int) number(o, "stop_after", 0.0));
    }

    private static long seedOf(JsonObject o) {
        number(o, "seed", null);
        return o.get("seed").getAsLong();
    }

    private static double number(JsonObject o, String key, Double fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(
                    "field '" + key + "': expected a number, found " + e);
        }
        return e.getAsDouble();
    }
}
