package org.seqlab.tasks.forecast;

import java.time.LocalDateTime;
import java.util.List;
import org.seqlab.corpora.series.TimeSeries;

/**
 * A forecast of the steps after the last row of a series.
 *
 * @param series the series it continues
 * @param times the forecast steps' times
 * @param quantiles the model's quantiles (empty for a point forecast)
 * @param values {@code [step][output]} in the target's units: one value per quantile, sorted, or
 *     the point forecast alone
 * @param point the index of the point forecast (the 0.5 quantile) among a step's values
 */
public record Forecast(
        TimeSeries series,
        List<LocalDateTime> times,
        List<Double> quantiles,
        double[][] values,
        int point) {

    /** Copies the lists. */
    public Forecast {
        times = List.copyOf(times);
        quantiles = List.copyOf(quantiles);
    }

    /** Returns the point forecast of step {@code step} (0-based). */
    public double point(int step) {
        return values[step][point];
    }

    /**
     * Returns the forecast quantile {@code q} of step {@code step} (0-based).
     *
     * @throws IllegalArgumentException when the model does not forecast {@code q}
     */
    public double quantile(int step, double q) {
        int i = quantiles.indexOf(q);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "The model forecasts the quantiles " + quantiles + ", not " + q + ".");
        }
        return values[step][i];
    }
}
