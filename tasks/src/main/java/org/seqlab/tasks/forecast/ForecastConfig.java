package org.seqlab.tasks.forecast;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.series.CalendarFeatures;
import org.seqlab.corpora.series.Frequency;
import org.seqlab.io.JsonRecords;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.TrainingConfig;

/**
 * Everything that decides a trained forecaster.
 *
 * @param time the time column's name
 * @param target the target column's name
 * @param features past covariates: columns read in the window only (their future is not known)
 * @param calendar the calendar features: a list of cycles such as {@code time_of_day,day_of_week},
 *     or {@code none} (training resolves {@code auto} to a list, see {@link
 *     CalendarFeatures#resolve})
 * @param frequency the series' frequency id (e.g. {@code daily}), checked on every file read
 * @param fill how gaps and missing values are filled: {@code none} (an error), {@code previous} or
 *     {@code linear}
 * @param window past steps the encoder reads
 * @param horizon steps forecast at once
 * @param lags seasonal lags of the target fed to the decoder: for lag {@code L} and future step
 *     {@code t}, the value at {@code t - L}, or at {@code t - kL} for the smallest {@code k} that
 *     is before the origin (the seasonal-naive forecast of lag L)
 * @param cell LSTM or GRU, for the encoder and the decoder
 * @param hidden hidden size
 * @param layers layers of the encoder and of the decoder
 * @param dropout dropout between layers and before the output layer
 * @param members networks trained side by side from different initial weights, whose outputs are
 *     averaged
 * @param quantiles the quantiles forecast, sorted, with 0.5 among them (the point forecast); empty
 *     for a point forecast with {@code loss}
 * @param loss {@code pinball} (with quantiles), {@code mae} or {@code mse}
 * @param seasonalPeriod the seasonal-naive baseline's period, in steps
 * @param validFraction the last fraction of the training series (by time) used for validation; 0
 *     trains on all of it and keeps the last model
 * @param normalize {@code window}: values are scaled by the training part's mean and deviation, and
 *     the target's mean over each window is subtracted (and added back to the forecast); {@code
 *     global}: only the scaling
 * @param batch windows per batch
 * @param training optimizer, schedule, time budget, checkpoints and seed
 */
public record ForecastConfig(
        String time,
        String target,
        List<String> features,
        String calendar,
        String frequency,
        String fill,
        int window,
        int horizon,
        List<Integer> lags,
        CellType cell,
        int hidden,
        int layers,
        float dropout,
        int members,
        List<Double> quantiles,
        String loss,
        int seasonalPeriod,
        double validFraction,
        String normalize,
        int batch,
        @JsonRecords.Inline TrainingConfig training) {

    /** The keys of the architecture, which a fine-tuned model keeps from its source. */
    public static final List<String> ARCHITECTURE =
            List.of(
                    "features",
                    "window",
                    "horizon",
                    "lags",
                    "cell",
                    "hidden",
                    "layers",
                    "members",
                    "quantiles",
                    "normalize");

    /** Validates every field with a message naming the bad value. */
    public ForecastConfig {
        if (time == null || target == null || calendar == null || frequency == null) {
            throw new IllegalArgumentException("time, target, calendar and frequency are set.");
        }
        features = List.copyOf(features == null ? List.of() : features);
        lags = List.copyOf(lags == null ? List.of() : lags);
        quantiles = List.copyOf(quantiles == null ? List.of() : quantiles);
        if (features.contains(target) || features.contains(time)) {
            throw new SettingException(
                    "features", "must not name the target or the time column; got " + features);
        }
        CalendarFeatures.of(Frequency.parse(frequency), calendar);
        positive("window", window);
        positive("horizon", horizon);
        positive("hidden", hidden);
        positive("layers", layers);
        positive("members", members);
        positive("seasonal_period", seasonalPeriod);
        positive("batch", batch);
        for (int lag : lags) {
            if (lag < 1) {
                throw new SettingException("lags", "must be at least 1; got " + lags + ".");
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SettingException("dropout", "must be in [0, 1); got " + dropout + ".");
        }
        double previous = 0;
        for (double q : quantiles) {
            if (!(q > previous && q < 1)) {
                throw new SettingException(
                        "quantiles", "must be increasing, in (0, 1); got " + quantiles + ".");
            }
            previous = q;
        }
        if (!quantiles.isEmpty() && !quantiles.contains(0.5)) {
            throw new SettingException(
                    "quantiles", "must include 0.5 (the point forecast); got " + quantiles + ".");
        }
        if (!loss.equals("pinball") && !loss.equals("mae") && !loss.equals("mse")) {
            throw new SettingException("loss", "must be pinball, mae or mse; got '" + loss + "'.");
        }
        if (loss.equals("pinball") != !quantiles.isEmpty()) {
            throw new SettingException(
                    "loss", "is pinball exactly when quantiles are given; got '" + loss + "'.");
        }
        if (!(validFraction >= 0 && validFraction < 0.5)) {
            throw new SettingException(
                    "valid_fraction", "must be in [0, 0.5); got " + validFraction + ".");
        }
        if (!normalize.equals("window") && !normalize.equals("global")) {
            throw new SettingException(
                    "normalize", "must be window or global; got '" + normalize + "'.");
        }
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new SettingException(what, "must be at least 1; got " + v + ".");
        }
    }

    /** Returns the value columns read from a file: the target first, then the features. */
    public List<String> columns() {
        List<String> c = new ArrayList<>();
        c.add(target);
        c.addAll(features);
        return c;
    }

    /** Returns the number of outputs per forecast step: the quantiles, or 1. */
    public int outputs() {
        return quantiles.isEmpty() ? 1 : quantiles.size();
    }

    /** Returns the index of the point forecast among the outputs (the 0.5 quantile). */
    public int pointOutput() {
        return quantiles.isEmpty() ? 0 : quantiles.indexOf(0.5);
    }

    /** Returns how many rows must exist before an origin: the window and the longest lag. */
    public int history() {
        int h = window;
        for (int lag : lags) {
            h = Math.max(h, lag);
        }
        return h;
    }

    /** Returns a copy with other training settings. */
    public ForecastConfig withTraining(TrainingConfig newTraining) {
        return new ForecastConfig(
                time,
                target,
                features,
                calendar,
                frequency,
                fill,
                window,
                horizon,
                lags,
                cell,
                hidden,
                layers,
                dropout,
                members,
                quantiles,
                loss,
                seasonalPeriod,
                validFraction,
                normalize,
                batch,
                newTraining);
    }

    /** Returns the run's seed. */
    public long seed() {
        return training.seed();
    }

    /** Returns the configuration as the manifest's {@code config} object. */
    public JsonObject toJson() {
        return JsonRecords.toJson(this);
    }

    /**
     * Rebuilds a configuration from {@link #toJson()}'s output.
     *
     * @throws IllegalArgumentException naming a missing or mistyped key
     */
    public static ForecastConfig fromJson(JsonObject o) {
        return JsonRecords.fromJson(o, ForecastConfig.class);
    }
}
