package org.seqlab.tasks.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.eval.forecast.Intervals;
import org.seqlab.eval.forecast.PointErrors;
import org.seqlab.eval.forecast.RollingOrigins;
import org.seqlab.eval.forecast.SeasonalNaive;
import org.seqlab.io.AtomicFiles;

/**
 * Rolling-origin evaluation of a {@link ForecastModel}: from each origin the model forecasts the
 * next steps from the rows before it only, and the seasonal-naive baseline forecasts the same steps
 * from the same rows.
 */
final class ForecastEvaluator {

    private ForecastEvaluator() {}

    /**
     * An evaluation's forecasts and scores.
     *
     * @param forecasts {@code [origin][step][output]} in the target's units, outputs sorted
     * @param naive {@code [origin][step]} the seasonal-naive forecasts
     */
    record Evaluation(
            ForecastReport report,
            TimeSeries series,
            int[] origins,
            int horizon,
            double[][][] forecasts,
            double[][] naive) {}

    /**
     * Evaluates from the origins {@code from, from + stride, ...} while all {@code horizon} actual
     * values exist.
     *
     * @throws IllegalArgumentException when {@code from} is before the first possible origin or
     *     leaves no origin, or the horizon is longer than the model's
     */
    static Evaluation evaluate(
            ForecastModel model, TimeSeries series, int from, int horizon, int stride) {
        ForecastConfig c = model.config();
        requireOrigin(model, series, from, horizon);
        int[] origins = RollingOrigins.origins(from, stride, horizon, series.size());
        ForecastWindows windows = model.windows(series);
        double[][][] f = model.predict(windows, origins, horizon);
        double[] target = series.values(c.target());
        int n = origins.length * horizon;
        double[] actual = new double[n];
        double[] point = new double[n];
        double[] naive = new double[n];
        double[][] naiveByOrigin = new double[origins.length][];
        int q = c.outputs();
        double[][] quantile = new double[q][n];
        for (int i = 0; i < origins.length; i++) {
            naiveByOrigin[i] =
                    SeasonalNaive.forecast(target, origins[i], c.seasonalPeriod(), horizon);
            for (int s = 0; s < horizon; s++) {
                int k = i * horizon + s;
                actual[k] = target[origins[i] + s];
                point[k] = f[i][s][c.pointOutput()];
                naive[k] = naiveByOrigin[i][s];
                for (int j = 0; j < q; j++) {
                    quantile[j][k] = f[i][s][j];
                }
            }
        }
        Map<String, Double> coverage = new LinkedHashMap<>();
        List<Double> qs = c.quantiles();
        for (int j = 0; j < qs.size() && qs.get(j) < 0.5; j++) {
            int upper = qs.size() - 1 - j;
            coverage.put(
                    label(qs.get(j)) + "-" + label(qs.get(upper)),
                    Intervals.coverage(actual, quantile[j], quantile[upper]));
        }
        double scale = SeasonalNaive.inSampleMae(target, from, c.seasonalPeriod());
        PointErrors model1 = PointErrors.of(actual, point);
        ForecastReport report =
                new ForecastReport(
                        origins.length,
                        horizon,
                        model1,
                        model1.mae() / scale,
                        coverage,
                        PointErrors.of(actual, naive),
                        c.seasonalPeriod());
        return new Evaluation(report, series, origins, horizon, f, naiveByOrigin);
    }

    /** Checks that {@code from} is a possible first origin for a forecast of {@code horizon}. */
    static void requireOrigin(ForecastModel model, TimeSeries series, int from, int horizon) {
        ForecastConfig c = model.config();
        if (horizon < 1) {
            throw new IllegalArgumentException(
                    "--horizon must be at least 1; got " + horizon + ".");
        }
        model.requireRecursive(horizon);
        int first = Math.max(c.history(), c.seasonalPeriod() + 1);
        if (from < first) {
            throw new IllegalArgumentException(
                    "--from "
                            + series.formatTime(series.time(Math.max(0, from)))
                            + " is before the first possible origin "
                            + series.formatTime(series.time(Math.min(first, series.size() - 1)))
                            + ": the model reads "
                            + c.history()
                            + " rows before an origin (and the seasonal-naive baseline "
                            + c.seasonalPeriod()
                            + ").");
        }
        if (from + horizon > series.size()) {
            throw new IllegalArgumentException(
                    "--from leaves no origin: an origin needs "
                            + horizon
                            + " actual values from it, and "
                            + series.source()
                            + " ends at "
                            + series.formatTime(series.time(series.size() - 1))
                            + ".");
        }
    }

    /** Returns a quantile as in column names: {@code 0.1}, {@code 0.05}. */
    static String label(double q) {
        String s = String.format(Locale.ROOT, "%.4f", q);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    /**
     * Writes one row per forecast value: {@code origin,timestamp,step,forecast,actual} and one
     * column per quantile other than 0.5 ({@code q0.1,q0.9}), atomically.
     */
    static void writeCsv(Path file, ForecastModel model, Evaluation e) throws IOException {
        ForecastConfig c = model.config();
        TimeSeries s = e.series();
        StringBuilder b = new StringBuilder("origin,timestamp,step,forecast,actual");
        List<Integer> extra = quantileColumns(c, b);
        b.append('\n');
        double[] target = s.values(c.target());
        for (int i = 0; i < e.origins().length; i++) {
            String origin = s.formatTime(s.time(e.origins()[i]));
            for (int k = 0; k < e.horizon(); k++) {
                int row = e.origins()[i] + k;
                b.append(origin)
                        .append(',')
                        .append(s.formatTime(s.time(row)))
                        .append(',')
                        .append(k + 1)
                        .append(',')
                        .append(number(e.forecasts()[i][k][c.pointOutput()]))
                        .append(',')
                        .append(number(target[row]));
                for (int j : extra) {
                    b.append(',').append(number(e.forecasts()[i][k][j]));
                }
                b.append('\n');
            }
        }
        AtomicFiles.writeString(file, b.toString());
    }

    /** Appends {@code ,q0.1,...} for the quantiles other than 0.5; returns their output indices. */
    static List<Integer> quantileColumns(ForecastConfig c, StringBuilder header) {
        List<Integer> extra = new ArrayList<>();
        for (int j = 0; j < c.quantiles().size(); j++) {
            if (j != c.pointOutput()) {
                extra.add(j);
                header.append(",q").append(label(c.quantiles().get(j)));
            }
        }
        return extra;
    }

    /** Formats a value with up to 6 significant decimals, without exponent for usual sizes. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /**
     * Draws the actual values from {@code context} rows before the first origin to the last
     * forecast, the forecasts (a later origin's forecast replaces an earlier one's for the same
     * time) and the widest interval.
     */
    static void plot(Path png, ForecastModel model, Evaluation e, int context) throws IOException {
        ForecastConfig c = model.config();
        TimeSeries s = e.series();
        int start = Math.max(0, e.origins()[0] - context);
        int end = e.origins()[e.origins().length - 1] + e.horizon();
        List<LocalDateTime> times = new ArrayList<>(end - start);
        double[] actual = new double[end - start];
        int target = s.column(c.target());
        for (int r = start; r < end; r++) {
            times.add(s.time(r));
            actual[r - start] = s.value(target, r);
        }
        ForecastPlot plot = new ForecastPlot(c, times, actual);
        for (int i = 0; i < e.origins().length; i++) {
            for (int k = 0; k < e.horizon(); k++) {
                plot.put(e.origins()[i] + k - start, e.forecasts()[i][k]);
            }
        }
        plot.write(
                png,
                "Rolling-origin forecasts of "
                        + c.target()
                        + " ("
                        + s.source().getFileName()
                        + ")");
    }
}
