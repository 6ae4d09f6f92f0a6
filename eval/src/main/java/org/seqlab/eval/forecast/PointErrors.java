package org.seqlab.eval.forecast;

/**
 * Errors of point forecasts against the actual values; fractions, not percentages.
 *
 * <p>For {@code n} pairs of an actual value {@code a} and a forecast {@code f}:
 *
 * <ul>
 *   <li>{@code mae} is the mean of {@code |a - f|};
 *   <li>{@code rmse} is the square root of the mean of {@code (a - f)^2};
 *   <li>{@code mape} is the mean of {@code |a - f| / |a|} over the pairs with {@code a != 0} only,
 *       and {@code NaN} when every actual value is 0;
 *   <li>{@code smape} is the mean over all pairs of {@code 2 |a - f| / (|a| + |f|)}, where a pair
 *       with both values 0 counts as 0; it lies in {@code [0, 2]}.
 * </ul>
 *
 * <p>A {@code NaN} among the values propagates into the errors it enters.
 *
 * @param n the number of pairs, at least 1
 * @param mae the mean absolute error
 * @param rmse the root mean squared error
 * @param mape the mean absolute percentage error as a fraction (0.05 is 5%)
 * @param smape the symmetric mean absolute percentage error as a fraction
 */
public record PointErrors(long n, double mae, double rmse, double mape, double smape) {

    /**
     * Checks the count.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public PointErrors {
        if (n < 1) {
            throw new IllegalArgumentException(
                    "Point errors need at least one pair, but n was " + n + ".");
        }
    }

    /**
     * Computes the errors of a forecast against the actual values, pair by pair.
     *
     * @param actual the actual values
     * @param forecast the forecasts, as many as {@code actual}
     * @return the errors over all {@code actual.length} pairs
     * @throws IllegalArgumentException if either array is {@code null} or empty, or their lengths
     *     differ
     */
    public static PointErrors of(double[] actual, double[] forecast) {
        Checks.sameLength("actual", actual, "forecast", forecast);
        int n = actual.length;
        double absSum = 0;
        double squareSum = 0;
        double apeSum = 0;
        long nonZero = 0;
        double sapeSum = 0;
        for (int i = 0; i < n; i++) {
            double a = actual[i];
            double f = forecast[i];
            double abs = Math.abs(a - f);
            absSum += abs;
            squareSum += abs * abs;
            if (a != 0) {
                apeSum += abs / Math.abs(a);
                nonZero++;
            }
            double scale = Math.abs(a) + Math.abs(f);
            sapeSum += scale == 0 ? 0 : 2 * abs / scale;
        }
        return new PointErrors(
                n,
                absSum / n,
                Math.sqrt(squareSum / n),
                nonZero == 0 ? Double.NaN : apeSum / nonZero,
                sapeSum / n);
    }

    /**
     * Returns the mean absolute scaled error: {@link #mae()} divided by a scale, usually the
     * in-sample MAE of the seasonal naive forecast ({@link SeasonalNaive#inSampleMae}).
     *
     * <p>A value below 1 means the forecast beats the naive one on that scale. A scale of 0 (a
     * history that repeats exactly) gives infinity, or {@code NaN} when the MAE is 0 as well.
     *
     * @param scale the scale, at least 0
     * @return {@code mae() / scale}
     * @throws IllegalArgumentException if {@code scale} is negative or {@code NaN}
     */
    public double mase(double scale) {
        if (!(scale >= 0)) {
            throw new IllegalArgumentException(
                    "The MASE scale must be at least 0, but it was " + scale + ".");
        }
        return mae / scale;
    }
}
