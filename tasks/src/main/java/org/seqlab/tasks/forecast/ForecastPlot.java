package org.seqlab.tasks.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.seqlab.eval.forecast.ForecastChart;

/**
 * One forecast chart being filled: the actual values on a timeline and, at the times that have one,
 * the point forecast and the widest interval. Used by {@code forecast eval --plot} (rolling
 * origins) and {@code forecast predict --plot} (the steps after the last row).
 */
final class ForecastPlot {

    private final ForecastConfig config;
    private final List<LocalDateTime> times;
    private final double[] actual;
    private final double[] forecast;
    private final double[] lower;
    private final double[] upper;

    /**
     * Starts a chart over {@code times}.
     *
     * @param actual the actual value at each time, {@code NaN} where there is none
     */
    ForecastPlot(ForecastConfig config, List<LocalDateTime> times, double[] actual) {
        if (actual.length != times.size()) {
            throw new IllegalArgumentException("One actual value per time is needed.");
        }
        this.config = config;
        this.times = List.copyOf(times);
        this.actual = actual.clone();
        int n = actual.length;
        this.forecast = nan(n);
        this.lower = config.outputs() > 1 ? nan(n) : null;
        this.upper = config.outputs() > 1 ? nan(n) : null;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * Sets the forecast at time index {@code at} from one step's sorted outputs, replacing one set
     * before (a later origin's forecast replaces an earlier one's).
     */
    void put(int at, double[] outputs) {
        forecast[at] = outputs[config.pointOutput()];
        if (lower != null) {
            lower[at] = outputs[0];
            upper[at] = outputs[outputs.length - 1];
        }
    }

    /** Writes the chart as a PNG. */
    void write(Path png, String title) throws IOException {
        ForecastChart.write(
                png,
                title,
                config.target(),
                times,
                actual,
                forecast,
                lower,
                upper,
                intervalLabel(config));
    }

    /** Returns the widest interval's legend, e.g. {@code 80% interval (q0.1-q0.9)}. */
    static String intervalLabel(ForecastConfig c) {
        List<Double> q = c.quantiles();
        if (q.size() < 2) {
            return "";
        }
        double lo = q.get(0);
        double hi = q.get(q.size() - 1);
        return String.format(
                Locale.ROOT,
                "%.0f%% interval (q%s-q%s)",
                100 * (hi - lo),
                ForecastEvaluator.label(lo),
                ForecastEvaluator.label(hi));
    }
}
