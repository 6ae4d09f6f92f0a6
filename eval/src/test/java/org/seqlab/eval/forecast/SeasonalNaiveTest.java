package org.seqlab.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeasonalNaiveTest {

    private static final double EPS = 1e-12;

    @Test
    void repeatsTheLastSeasonAndWrapsPastThePeriod() {
        double[] history = {1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(
                new double[] {5, 6, 7, 5, 6, 7, 5}, SeasonalNaive.forecast(history, 3, 7), 0);
        assertArrayEquals(new double[] {5, 6}, SeasonalNaive.forecast(history, 3, 2), 0);
    }

    @Test
    void periodOneRepeatsTheLastValue() {
        assertArrayEquals(
                new double[] {9, 9, 9}, SeasonalNaive.forecast(new double[] {4, 9}, 1, 3), 0);
    }

    @Test
    void historyOfExactlyOnePeriodIsEnough() {
        assertArrayEquals(
                new double[] {1, 2, 3, 1}, SeasonalNaive.forecast(new double[] {1, 2, 3}, 3, 4), 0);
        assertArrayEquals(new double[0], SeasonalNaive.forecast(new double[] {1, 2, 3}, 3, 0), 0);
    }

    @Test
    void inSampleMaeIsTheMeanSeasonalDifference() {
        double[] history = {1, 3, 2, 5, 4};
        // period 2: |2 - 1|, |5 - 3|, |4 - 2|
        assertEquals(5.0 / 3.0, SeasonalNaive.inSampleMae(history, 2), EPS);
        // period 1: |3 - 1|, |2 - 3|, |5 - 2|, |4 - 5|
        assertEquals(7.0 / 4.0, SeasonalNaive.inSampleMae(history, 1), EPS);
        // one difference: |4 - 1|
        assertEquals(3.0, SeasonalNaive.inSampleMae(history, 4), EPS);
    }

    @Test
    void aPrefixOfTheValuesGivesWhatACopyOfItGives() {
        double[] values = {1, 3, 2, 5, 4, 8, 6};
        for (int end = 3; end <= values.length; end++) {
            double[] copy = java.util.Arrays.copyOf(values, end);
            assertArrayEquals(
                    SeasonalNaive.forecast(copy, 2, 5),
                    SeasonalNaive.forecast(values, end, 2, 5),
                    0);
            assertEquals(
                    SeasonalNaive.inSampleMae(copy, 2),
                    SeasonalNaive.inSampleMae(values, end, 2),
                    EPS);
        }
        assertArrayEquals(new double[] {2, 5, 2}, SeasonalNaive.forecast(values, 4, 2, 3), 0);
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.forecast(values, 8, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.forecast(values, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.inSampleMae(values, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.inSampleMae(null, 2, 1));
    }

    @Test
    void rejectsBadArguments() {
        double[] three = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.forecast(three, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.forecast(three, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.forecast(three, 3, -1));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.forecast(null, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.inSampleMae(three, 3));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.inSampleMae(three, 0));
        assertThrows(IllegalArgumentException.class, () -> SeasonalNaive.inSampleMae(null, 1));
    }
}
