package org.seqlab.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    private static final double EPS = 1e-12;
    private static final double[] ACTUAL = {10, 10, 10};
    // errors a - f: 2, 0, -3
    private static final double[] FORECAST = {8, 10, 13};

    @Test
    void coverageCountsBoundsAsInside() {
        double[] actual = {1, 2, 3, 4, 5};
        double[] lower = {0, 2, 3.5, 4, Double.NaN};
        double[] upper = {2, 3, 4, 4, 6};
        // inside: 1 in [0, 2], 2 in [2, 3], 4 in [4, 4]; outside: 3, and 5 against a NaN bound
        assertEquals(0.6, Intervals.coverage(actual, lower, upper), EPS);
        assertEquals(0.0, Intervals.coverage(new double[] {1}, new double[] {2}, new double[] {0}));
    }

    @Test
    void pinballAtTheLowQuantile() {
        // 0.1 * 2, 0, (0.1 - 1) * -3
        assertEquals((0.2 + 2.7) / 3, Intervals.pinball(ACTUAL, FORECAST, 0.1), EPS);
    }

    @Test
    void pinballAtTheMedianIsHalfTheMae() {
        assertEquals((1 + 1.5) / 3, Intervals.pinball(ACTUAL, FORECAST, 0.5), EPS);
        assertEquals(
                PointErrors.of(ACTUAL, FORECAST).mae() / 2,
                Intervals.pinball(ACTUAL, FORECAST, 0.5),
                EPS);
    }

    @Test
    void pinballAtTheHighQuantile() {
        // 0.9 * 2, 0, (0.9 - 1) * -3
        assertEquals((1.8 + 0.3) / 3, Intervals.pinball(ACTUAL, FORECAST, 0.9), EPS);
    }

    @Test
    void meanWidthAveragesUpperMinusLower() {
        assertEquals(2.5, Intervals.meanWidth(new double[] {0, 1}, new double[] {2, 4}), EPS);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class, () -> Intervals.pinball(ACTUAL, FORECAST, -0.1));
        assertThrows(
                IllegalArgumentException.class, () -> Intervals.pinball(ACTUAL, FORECAST, 1.1));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.pinball(ACTUAL, FORECAST, Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.pinball(ACTUAL, new double[] {1}, 0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.pinball(new double[0], new double[0], 0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.coverage(ACTUAL, new double[3], new double[2]));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.coverage(ACTUAL, null, new double[3]));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.coverage(new double[0], new double[0], new double[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> Intervals.meanWidth(new double[1], new double[2]));
    }
}
