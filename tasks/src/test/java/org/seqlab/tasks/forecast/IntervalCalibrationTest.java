package org.seqlab.tasks.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Conformal margins: too narrow intervals widen, too wide ones narrow, to the nominal level. */
class IntervalCalibrationTest {

    @Test
    void marginsBringTheCoverageToTheNominalLevel() {
        SplittableRandom r = new SplittableRandom(5);
        int origins = 200;
        int steps = 5;
        double[][] actual = new double[origins][steps];
        double[][][] narrow = new double[origins][steps][];
        double[][][] wide = new double[origins][steps][];
        for (int i = 0; i < origins; i++) {
            for (int s = 0; s < steps; s++) {
                actual[i][s] = r.nextGaussian();
                narrow[i][s] = new double[] {-0.2, 0, 0.2};
                wide[i][s] = new double[] {-3, 0, 3};
            }
        }
        List<Double> q = List.of(0.1, 0.5, 0.9);
        IntervalCalibration n = IntervalCalibration.fit(q, narrow, actual);
        IntervalCalibration w = IntervalCalibration.fit(q, wide, actual);
        assertTrue(n.offsets()[2] > 0 && n.offsets()[0] == -n.offsets()[2], n.toJson().toString());
        assertTrue(w.offsets()[2] < 0, w.toJson().toString());
        assertEquals(0, n.offsets()[1]);
        for (IntervalCalibration c : List.of(n, w)) {
            double[][][] f = c == n ? narrow : wide;
            long in = 0;
            for (int i = 0; i < origins; i++) {
                for (int s = 0; s < steps; s++) {
                    double[] out = f[i][s].clone();
                    c.apply(out);
                    if (out[0] <= actual[i][s] && actual[i][s] <= out[2]) {
                        in++;
                    }
                }
            }
            // ceil((n + 1) * 0.8) of n = 1000 scores: 801 of 1000 values covered, ties aside.
            assertEquals(0.8, in / 1000.0, 0.002);
        }
    }

    @Test
    void jsonRoundTripAndApplyKeepsOutputsSorted() {
        IntervalCalibration c = new IntervalCalibration(new double[] {-2, 0, 2});
        IntervalCalibration back = IntervalCalibration.fromJson(c.toJson(), 3);
        assertArrayEquals(c.offsets(), back.offsets());
        // A negative margin larger than half the interval would cross the median: sorted again.
        double[] out = {9, 10, 11};
        new IntervalCalibration(new double[] {3, 0, -3}).apply(out);
        assertArrayEquals(new double[] {8, 10, 12}, out);
    }
}
