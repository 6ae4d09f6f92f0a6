package org.seqlab.tasks.forecast;

import java.time.LocalDateTime;
import org.seqlab.corpora.series.CalendarFeatures;
import org.seqlab.corpora.series.Frequency;
import org.seqlab.corpora.series.TimeSeries;

/**
 * Builds the model's inputs for forecast origins of one series, using only rows before each origin:
 * this class is where "no leakage" is decided.
 *
 * <p>For an origin {@code o} (the row of the first forecast step), the encoder reads rows {@code
 * o-W .. o-1}: the scaled target, the scaled past covariates and the calendar features of each row.
 * The decoder reads, for each forecast step {@code h = 0..H-1}, the calendar features of the time
 * {@code o+h} (computed from the time of row {@code o-1} and the frequency, so it exists past the
 * end of the file) and, for each lag {@code L}, the target at {@code o + h - kL} for the smallest
 * {@code k >= 1} that puts it before {@code o}. With {@code normalize=window} the mean scaled
 * target of the window (the level) is subtracted from every target value the model sees and from
 * the training targets.
 */
final class ForecastWindows {
    private final ForecastConfig config;
    private final Scaling scaling;
    private final CalendarFeatures calendar;
    private final Frequency frequency;
    private final TimeSeries series;
    private final double[][] scaled;

    ForecastWindows(ForecastConfig config, Scaling scaling, TimeSeries series) {
        this.config = config;
        this.scaling = scaling;
        this.frequency = Frequency.parse(config.frequency());
        this.calendar = CalendarFeatures.of(frequency, config.calendar());
        this.series = series;
        int columns = config.columns().size();
        this.scaled = new double[columns][series.size()];
        for (int c = 0; c < columns; c++) {
            int sc = series.column(config.columns().get(c));
            for (int r = 0; r < series.size(); r++) {
                scaled[c][r] = scaling.scale(c, series.value(sc, r));
            }
        }
    }

    private ForecastWindows(ForecastWindows from, double[][] scaled) {
        this.config = from.config;
        this.scaling = from.scaling;
        this.frequency = from.frequency;
        this.calendar = from.calendar;
        this.series = from.series;
        this.scaled = scaled;
    }

    /** Returns whether {@link #continued} works: the model reads no past covariates. */
    boolean canContinue() {
        return config.columns().size() == 1;
    }

    /**
     * Returns the windows of the series cut at {@code origin} and continued by {@code values} (in
     * the target's units, e.g. the point forecast from {@code origin}): the input of the next part
     * of a recursive forecast. Rows past the series' end get the times that follow it.
     *
     * @throws IllegalStateException when the model reads past covariates, which have no values for
     *     the continued rows
     */
    ForecastWindows continued(int origin, double[] values) {
        if (!canContinue()) {
            throw new IllegalStateException(
                    "A model that reads past covariates cannot continue a forecast.");
        }
        double[] target = java.util.Arrays.copyOf(scaled[0], origin + values.length);
        for (int i = 0; i < values.length; i++) {
            target[origin + i] = scaling.scale(0, values[i]);
        }
        return new ForecastWindows(this, new double[][] {target});
    }

    /** Returns the time of row {@code r}, also past the series' end. */
    private LocalDateTime time(int r) {
        int n = series.size();
        return r < n ? series.time(r) : series.plus(series.time(n - 1), (long) r - n + 1);
    }

    /** Returns the width of an encoder input step. */
    static int encoderWidth(ForecastConfig config) {
        return config.columns().size() + calendarSize(config);
    }

    /** Returns the width of a decoder input step. */
    static int decoderWidth(ForecastConfig config) {
        return calendarSize(config) + config.lags().size() + 1;
    }

    private static int calendarSize(ForecastConfig config) {
        return CalendarFeatures.of(Frequency.parse(config.frequency()), config.calendar()).size();
    }

    /** Returns the series. */
    TimeSeries series() {
        return series;
    }

    /**
     * Returns the first row that can be an origin: it has {@link ForecastConfig#history()} rows
     * before it.
     */
    int firstOrigin() {
        return config.history();
    }

    /** The inputs of a batch of origins, as flat row-major arrays. */
    record Inputs(int batch, float[] encoder, float[] decoder, float[] level, float[] targets) {}

    /**
     * Builds the inputs of {@code origins}; with {@code withTargets} also the scaled targets of
     * rows {@code o .. o+H-1}, which must exist.
     *
     * @throws IllegalArgumentException when an origin has too little history
     */
    Inputs inputs(int[] origins, boolean withTargets) {
        int w = config.window();
        int h = config.horizon();
        int fe = encoderWidth(config);
        int fd = decoderWidth(config);
        int columns = config.columns().size();
        int cal = calendar.size();
        int b = origins.length;
        float[] enc = new float[b * w * fe];
        float[] dec = new float[b * h * fd];
        float[] level = new float[b];
        float[] targets = withTargets ? new float[b * h] : null;
        for (int i = 0; i < b; i++) {
            int o = origins[i];
            if (o < config.history() || o > scaled[0].length) {
                throw new IllegalArgumentException(
                        "An origin needs "
                                + config.history()
                                + " rows before it and at most the series' end; got row "
                                + o
                                + " of "
                                + scaled[0].length
                                + ".");
            }
            double lv = 0;
            if (config.normalize().equals("window")) {
                for (int r = o - w; r < o; r++) {
                    lv += scaled[0][r];
                }
                lv /= w;
            }
            level[i] = (float) lv;
            for (int j = 0; j < w; j++) {
                int r = o - w + j;
                int at = (i * w + j) * fe;
                enc[at] = (float) (scaled[0][r] - lv);
                for (int c = 1; c < columns; c++) {
                    enc[at + c] = (float) scaled[c][r];
                }
                calendar.write(time(r), enc, at + columns);
            }
            LocalDateTime last = time(o - 1);
            for (int s = 0; s < h; s++) {
                int at = (i * h + s) * fd;
                calendar.write(series.plus(last, s + 1), dec, at);
                for (int l = 0; l < config.lags().size(); l++) {
                    int lag = config.lags().get(l);
                    int r = o + s - lag * (s / lag + 1);
                    dec[at + cal + l] = (float) (scaled[0][r] - lv);
                }
                dec[at + fd - 1] = (float) s / h;
                if (withTargets) {
                    targets[i * h + s] = (float) (scaled[0][o + s] - lv);
                }
            }
        }
        return new Inputs(b, enc, dec, level, targets);
    }

    /** Returns the forecast in the target's units for a scaled model output and its level. */
    double unscale(float output, float level) {
        return scaling.unscaleTarget(output + level);
    }
}
