package org.seqlab.tasks.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.io.AtomicFiles;

/** Forecasts the steps after the last row of a series, with intervals. */
final class ForecastPredictor {

    private ForecastPredictor() {}

    /**
     * Forecasts {@code steps} steps after the last row of {@code series}, recursively past the
     * model's horizon.
     *
     * @throws IllegalArgumentException when the series is shorter than the model's history, {@code
     *     steps < 1}, or the model cannot forecast that far
     */
    static Forecast predict(ForecastModel model, TimeSeries series, int steps) {
        ForecastConfig c = model.config();
        if (series.size() < c.history()) {
            throw new IllegalArgumentException(
                    series.source()
                            + ": "
                            + series.size()
                            + " rows are too few; the model reads the last "
                            + c.history()
                            + ".");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--horizon must be at least 1; got " + steps + ".");
        }
        model.requireRecursive(steps);
        double[][] values =
                model.predict(model.windows(series), new int[] {series.size()}, steps)[0];
        LocalDateTime last = series.time(series.size() - 1);
        List<LocalDateTime> times = new ArrayList<>(steps);
        for (int s = 1; s <= steps; s++) {
            times.add(series.plus(last, s));
        }
        return new Forecast(series, times, c.quantiles(), values, c.pointOutput());
    }

    /** Returns the CSV: {@code timestamp,step,forecast} and one column per quantile but 0.5. */
    static String csv(ForecastModel model, Forecast f) {
        ForecastConfig c = model.config();
        StringBuilder b = new StringBuilder("timestamp,step,forecast");
        List<Integer> extra = ForecastEvaluator.quantileColumns(c, b);
        b.append('\n');
        for (int s = 0; s < f.times().size(); s++) {
            b.append(f.series().formatTime(f.times().get(s)))
                    .append(',')
                    .append(s + 1)
                    .append(',')
                    .append(ForecastEvaluator.number(f.values()[s][c.pointOutput()]));
            for (int j : extra) {
                b.append(',').append(ForecastEvaluator.number(f.values()[s][j]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #csv} atomically. */
    static void writeCsv(Path file, ForecastModel model, Forecast f) throws IOException {
        AtomicFiles.writeString(file, csv(model, f));
    }

    /** Draws the last {@code context} rows and the forecast with its widest interval. */
    static void plot(Path png, ForecastModel model, Forecast f, int context) throws IOException {
        ForecastConfig c = model.config();
        TimeSeries s = f.series();
        int start = Math.max(0, s.size() - context);
        int h = f.times().size();
        int known = s.size() - start;
        List<LocalDateTime> times = new ArrayList<>(known + h);
        double[] actual = new double[known + h];
        Arrays.fill(actual, Double.NaN);
        int target = s.column(c.target());
        for (int r = start; r < s.size(); r++) {
            times.add(s.time(r));
            actual[r - start] = s.value(target, r);
        }
        times.addAll(f.times());
        ForecastPlot plot = new ForecastPlot(c, times, actual);
        for (int k = 0; k < h; k++) {
            plot.put(known + k, f.values()[k]);
        }
        plot.write(
                png, "Forecast of " + c.target() + " after " + s.formatTime(s.time(s.size() - 1)));
    }
}
