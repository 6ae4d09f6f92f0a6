package org.seqlab.eval.forecast;

/**
 * The seasonal naive forecast, which repeats the last season, and its in-sample error, the scale of
 * the mean absolute scaled error (MASE).
 *
 * <p>With {@code period} 1 it is the plain naive forecast, which repeats the last value.
 */
public final class SeasonalNaive {

    private SeasonalNaive() {}

    /**
     * Forecasts by repeating the last {@code period} values of the history.
     *
     * <p>For a history of length {@code n}, {@code f[h] = history[n - period + (h mod period)]} for
     * {@code h = 0 .. horizon - 1}, so a horizon longer than the period wraps around the last
     * season.
     *
     * @param history the observed values, at least {@code period} of them
     * @param period the season length, at least 1
     * @param horizon the number of steps to forecast, at least 0
     * @return a new array of {@code horizon} forecasts
     * @throws IllegalArgumentException if {@code history} is {@code null}, {@code period < 1},
     *     {@code history.length < period} or {@code horizon < 0}
     */
    public static double[] forecast(double[] history, int period, int horizon) {
        checkPeriod(history, period, period);
        return forecast(history, history.length, period, horizon);
    }

    /**
     * Forecasts from the first {@code end} values of {@code values}, as {@link #forecast(double[],
     * int, int)} does for a history of those values, without copying them.
     *
     * @param values the observed values; those from {@code end} on are ignored
     * @param end the length of the history, at least {@code period} and at most {@code
     *     values.length}
     * @param period the season length, at least 1
     * @param horizon the number of steps to forecast, at least 0
     * @return a new array of {@code horizon} forecasts
     * @throws IllegalArgumentException if {@code values} is {@code null}, {@code period < 1},
     *     {@code end} is out of range or {@code horizon < 0}
     */
    public static double[] forecast(double[] values, int end, int period, int horizon) {
        checkEnd(values, end);
        checkPeriod(values, end, period, period);
        if (horizon < 0) {
            throw new IllegalArgumentException(
                    "The horizon must be at least 0, but it was " + horizon + ".");
        }
        int start = end - period;
        double[] f = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            f[h] = values[start + h % period];
        }
        return f;
    }

    /**
     * Returns the mean absolute error of the seasonal naive forecast one season back within the
     * history: the mean of {@code |y[t] - y[t - period]|} over {@code t = period .. n - 1}.
     *
     * <p>This is the scale of the mean absolute scaled error ({@link PointErrors#mase}).
     *
     * @param history the observed values, more than {@code period} of them
     * @param period the season length, at least 1
     * @return the in-sample MAE, at least 0
     * @throws IllegalArgumentException if {@code history} is {@code null}, {@code period < 1} or
     *     {@code history.length <= period}
     */
    public static double inSampleMae(double[] history, int period) {
        checkPeriod(history, period, period + 1L);
        return inSampleMae(history, history.length, period);
    }

    /**
     * Returns {@link #inSampleMae(double[], int)} of the first {@code end} values of {@code
     * values}, without copying them.
     *
     * @throws IllegalArgumentException if {@code values} is {@code null}, {@code period < 1},
     *     {@code end > values.length} or {@code end <= period}
     */
    public static double inSampleMae(double[] values, int end, int period) {
        checkEnd(values, end);
        checkPeriod(values, end, period, period + 1L);
        double sum = 0;
        for (int t = period; t < end; t++) {
            sum += Math.abs(values[t] - values[t - period]);
        }
        return sum / (end - period);
    }

    private static void checkEnd(double[] values, int end) {
        if (values == null) {
            throw new IllegalArgumentException("The history was null; it must be an array.");
        }
        if (end < 0 || end > values.length) {
            throw new IllegalArgumentException(
                    "The end of the history must be between 0 and "
                            + values.length
                            + ", but it was "
                            + end
                            + ".");
        }
    }

    private static void checkPeriod(double[] history, int period, long minLength) {
        if (history == null) {
            throw new IllegalArgumentException("The history was null; it must be an array.");
        }
        checkPeriod(history, history.length, period, minLength);
    }

    private static void checkPeriod(double[] history, int length, int period, long minLength) {
        if (period < 1) {
            throw new IllegalArgumentException(
                    "The seasonal period must be at least 1, but it was " + period + ".");
        }
        if (length < minLength) {
            throw new IllegalArgumentException(
                    "A seasonal period of "
                            + period
                            + " needs at least "
                            + minLength
                            + " values of history, but there were "
                            + length
                            + ".");
        }
    }
}
