package org.seqlab.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointErrorsTest {

    private static final double EPS = 1e-12;

    @Test
    void computesEveryErrorByHand() {
        // errors 1, 0, 1, 2; APE over a != 0: 1, 0, 0.5; sAPE: 2/3, 0, 2, 2/3
        PointErrors e = PointErrors.of(new double[] {1, 2, 0, 4}, new double[] {2, 2, 1, 2});
        assertEquals(4, e.n());
        assertEquals(1.0, e.mae(), EPS);
        assertEquals(Math.sqrt(1.5), e.rmse(), EPS);
        assertEquals(0.5, e.mape(), EPS);
        assertEquals(5.0 / 6.0, e.smape(), EPS);
    }

    @Test
    void mapeSkipsZeroActualsAndSmapeCountsBothZeroAsZero() {
        // pair (0, 0): no APE, sAPE 0; pair (2, 1): APE 1/2, sAPE 2/3
        PointErrors e = PointErrors.of(new double[] {0, 2}, new double[] {0, 1});
        assertEquals(0.5, e.mae(), EPS);
        assertEquals(Math.sqrt(0.5), e.rmse(), EPS);
        assertEquals(0.5, e.mape(), EPS);
        assertEquals(1.0 / 3.0, e.smape(), EPS);
    }

    @Test
    void mapeIsNanWhenEveryActualIsZero() {
        // sAPE: 2 * 1 / (0 + 1) = 2 and 0 for the pair of zeros
        PointErrors e = PointErrors.of(new double[] {0, 0}, new double[] {1, 0});
        assertTrue(Double.isNaN(e.mape()));
        assertEquals(1.0, e.smape(), EPS);
        assertEquals(0.5, e.mae(), EPS);
    }

    @Test
    void perfectForecastHasNoError() {
        PointErrors e = PointErrors.of(new double[] {3, -1}, new double[] {3, -1});
        assertEquals(new PointErrors(2, 0, 0, 0, 0), e);
    }

    @Test
    void maseDividesTheMaeByTheScale() {
        PointErrors e = PointErrors.of(new double[] {1, 2, 0, 4}, new double[] {2, 2, 1, 2});
        assertEquals(0.5, e.mase(2.0), EPS);
        assertEquals(Double.POSITIVE_INFINITY, e.mase(0.0));
        assertThrows(IllegalArgumentException.class, () -> e.mase(-1.0));
        assertThrows(IllegalArgumentException.class, () -> e.mase(Double.NaN));
    }

    @Test
    void maseAgainstTheSeasonalNaiveScale() {
        double[] history = {1, 3, 2, 5, 4};
        double scale = SeasonalNaive.inSampleMae(history, 2); // (1 + 2 + 2) / 3
        double[] forecast = SeasonalNaive.forecast(history, 2, 2); // 5, 4
        PointErrors e = PointErrors.of(new double[] {6, 4}, forecast); // errors 1, 0
        assertEquals(0.5 / (5.0 / 3.0), e.mase(scale), EPS);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class, () -> PointErrors.of(new double[0], new double[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> PointErrors.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PointErrors.of(null, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> PointErrors.of(new double[1], null));
        assertThrows(IllegalArgumentException.class, () -> new PointErrors(0, 0, 0, 0, 0));
    }
}
