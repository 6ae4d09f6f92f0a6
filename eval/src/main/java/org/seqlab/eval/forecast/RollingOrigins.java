package org.seqlab.eval.forecast;

/**
 * The origins of a rolling-origin (time-series cross-validation) evaluation.
 *
 * <p>An origin is the row index of the first forecast step: a model sees the rows before it and
 * forecasts rows {@code origin .. origin + horizon - 1}.
 */
public final class RollingOrigins {

    private RollingOrigins() {}

    /**
     * Returns the origins {@code firstOrigin, firstOrigin + stride, ...} whose whole horizon fits
     * in the data, that is while {@code origin + horizon <= size}.
     *
     * @param firstOrigin the first origin, at least 0
     * @param stride the step between origins, at least 1
     * @param horizon the number of forecast steps from each origin, at least 1
     * @param size the number of rows, at least 0
     * @return the origins in ascending order; empty when even the first horizon does not fit
     * @throws IllegalArgumentException if {@code firstOrigin < 0}, {@code stride < 1}, {@code
     *     horizon < 1} or {@code size < 0}
     */
    public static int[] origins(int firstOrigin, int stride, int horizon, int size) {
        if (stride < 1 || horizon < 1) {
            throw new IllegalArgumentException(
                    "The stride and the horizon must be at least 1, but they were "
                            + stride
                            + " and "
                            + horizon
                            + ".");
        }
        if (firstOrigin < 0 || size < 0) {
            throw new IllegalArgumentException(
                    "The first origin and the size must be at least 0, but they were "
                            + firstOrigin
                            + " and "
                            + size
                            + ".");
        }
        long last = (long) size - horizon;
        if (firstOrigin > last) {
            return new int[0];
        }
        int count = (int) ((last - firstOrigin) / stride + 1);
        int[] origins = new int[count];
        for (int i = 0; i < count; i++) {
            origins[i] = firstOrigin + i * stride;
        }
        return origins;
    }
}
