package org.seqlab.eval.forecast;

/** Measures of interval and quantile forecasts. */
public final class Intervals {

    private Intervals() {}

    /**
     * Returns the fraction of actual values inside their interval, bounds included.
     *
     * <p>A pair counts as covered when {@code lower[i] <= actual[i] <= upper[i]}; a {@code NaN}
     * anywhere in the pair makes it not covered. An interval with {@code lower > upper} covers
     * nothing.
     *
     * @param actual the actual values
     * @param lower the lower bounds, as many as {@code actual}
     * @param upper the upper bounds, as many as {@code actual}
     * @return the covered fraction, in {@code [0, 1]}
     * @throws IllegalArgumentException if an array is {@code null} or empty, or the lengths differ
     */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        Checks.sameLength("actual", actual, "lower", lower);
        Checks.sameLength("actual", actual, "upper", upper);
        long covered = 0;
        for (int i = 0; i < actual.length; i++) {
            if (lower[i] <= actual[i] && actual[i] <= upper[i]) {
                covered++;
            }
        }
        return (double) covered / actual.length;
    }

    /**
     * Returns the mean quantile (pinball) loss of a forecast of the {@code tau} quantile.
     *
     * <p>Each pair loses {@code max(tau * (a - f), (tau - 1) * (a - f))}: a forecast below the
     * actual value costs {@code tau} per unit, one above it {@code 1 - tau}. With {@code tau = 0.5}
     * it is half the mean absolute error.
     *
     * @param actual the actual values
     * @param forecast the forecasts of the quantile, as many as {@code actual}
     * @param tau the quantile level, in {@code [0, 1]}
     * @return the mean loss, at least 0
     * @throws IllegalArgumentException if an array is {@code null} or empty, the lengths differ, or
     *     {@code tau} is outside {@code [0, 1]}
     */
    public static double pinball(double[] actual, double[] forecast, double tau) {
        Checks.sameLength("actual", actual, "forecast", forecast);
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException(
                    "The quantile level tau must be in [0, 1], but it was " + tau + ".");
        }
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            sum += Math.max(tau * e, (tau - 1) * e);
        }
        return sum / actual.length;
    }

    /**
     * Returns the mean width {@code upper - lower} of the intervals.
     *
     * @param lower the lower bounds
     * @param upper the upper bounds, as many as {@code lower}
     * @return the mean width
     * @throws IllegalArgumentException if an array is {@code null} or empty, or the lengths differ
     */
    public static double meanWidth(double[] lower, double[] upper) {
        Checks.sameLength("lower", lower, "upper", upper);
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += upper[i] - lower[i];
        }
        return sum / lower.length;
    }
}
