package org.seqlab.seq2seq;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import java.time.Duration;
import org.seqlab.io.JsonCodec;
import org.seqlab.io.JsonRecords;
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
 * @param validEvery also validate every this many updates inside an epoch (logged, and kept as the
 *     best model when better; the schedule still counts epochs); 0 validates at epoch ends only
 * @param diagnosticsEvery record gradient diagnostics every this many updates (key {@code
 *     diagnostics}; {@code diagnostics.jsonl} and charts beside the model, see {@code
 *     Diagnostics}); 0 records none
 */
public record TrainingConfig(
        int epochs,
        @SerializedName("lr") float learningRate,
        @SerializedName("clip") double clipNorm,
        float weightDecay,
        float lrDecay,
        int patience,
        @SerializedName("min_lr") float minLearningRate,
        @SerializedName("max_time_s") @JsonRecords.Codec(Budget.class) Duration maxTime,
        int checkpointEvery,
        long seed,
        @JsonRecords.Optional("0") float average,
        @JsonRecords.Optional("0") int stopAfter,
        @JsonRecords.Optional("0") int validEvery,
        @SerializedName("diagnostics") @JsonRecords.Optional("0") int diagnosticsEvery) {

    /** Creates settings that validate at epoch ends only. */
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
            long seed,
            float average,
            int stopAfter) {
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
                average,
                stopAfter,
                0,
                0);
    }

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
        if (diagnosticsEvery < 0) {
            throw new SettingException(
                    "diagnostics", "must be 0 (none) or at least 1; got " + diagnosticsEvery + ".");
        }
        if (validEvery < 0) {
            throw new SettingException(
                    "valid_every",
                    "must be 0 (epoch ends only) or at least 1; got " + validEvery + ".");
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
                stopAfter,
                validEvery,
                diagnosticsEvery);
    }

    /** Returns the configuration as JSON (keys as in manifests: {@code lr}, {@code max_time_s}). */
    public JsonObject toJson() {
        return JsonRecords.toJson(this);
    }

    /**
     * Reads what {@link #toJson} wrote; {@code average} and {@code stop_after}, which earlier
     * versions did not write, default to 0.
     *
     * @throws IllegalArgumentException naming a missing or mistyped key
     */
    public static TrainingConfig fromJson(JsonObject o) {
        return JsonRecords.fromJson(o, TrainingConfig.class);
    }

    /** The time budget as whole seconds, 0 for none (as manifests have always written it). */
    public static final class Budget implements JsonCodec<Duration> {
        @Override
        public JsonElement write(Duration d) {
            return new JsonPrimitive(d == null ? 0 : d.toSeconds());
        }

        @Override
        public Duration read(JsonElement json) {
            if (json.isJsonNull()) {
                return null;
            }
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException("expected a number of seconds, found " + json);
            }
            long seconds = json.getAsLong();
            return seconds == 0 ? null : Duration.ofSeconds(seconds);
        }
    }
}
