package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class WeightAverageTest {

    private static final float DECAY = 0.9f;

    /** Weights after updates 1, 2, 3 and 100 (the last one where the decay cap applies). */
    private static final float[][] W = {{2f, -1f}, {4f, 0f}, {-2f, 3f}, {1f, 1f}};

    private static final long[] T = {1, 2, 3, 100};

    private static void set(NDArray target, float[] values) {
        NamedParameters.assign(target, target.getManager().create(values));
    }

    /** The average by hand: a = d a + (1 - d) w with d = min(decay, (1 + t) / (10 + t)). */
    private static double[] expected(float[] start) {
        double[] a = {start[0], start[1]};
        for (int u = 0; u < T.length; u++) {
            double d = Math.min(DECAY, (1.0 + T[u]) / (10.0 + T[u]));
            for (int i = 0; i < a.length; i++) {
                a[i] = d * a[i] + (1 - d) * W[u][i];
            }
        }
        return a;
    }

    private static void train(NDArray w, WeightAverage avg) {
        for (int u = 0; u < T.length; u++) {
            set(w, W[u]);
            avg.update(T[u]);
        }
    }

    @Test
    void theAverageFollowsTheHandComputationAndSwappingTwiceRestoresTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            float[] start = {1f, -1f};
            NDArray w = p.add("w", m.create(start));
            NDArray fixed = p.add("fixed", m.create(new float[] {0.5f}));
            try (WeightAverage avg = new WeightAverage(p, DECAY)) {
                train(w, avg);
                float[] trained = w.toFloatArray();
                assertArrayEquals(W[W.length - 1], trained);

                avg.swap();
                double[] a = expected(start);
                float[] swapped = w.toFloatArray();
                assertEquals(a[0], swapped[0], 1e-6);
                assertEquals(a[1], swapped[1], 1e-6);
                assertArrayEquals(new float[] {0.5f}, fixed.toFloatArray(), "constant stays");

                avg.swap();
                assertArrayEquals(trained, w.toFloatArray());
                avg.swap();
                assertArrayEquals(swapped, w.toFloatArray());
            }
        }
    }

    @Test
    void stateAndRestoreRoundTripTheAverages() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            NDArray w = p.add("w", m.create(new float[] {1f, -1f}));
            try (WeightAverage trained = new WeightAverage(p, DECAY);
                    WeightAverage fresh = new WeightAverage(p, DECAY)) {
                train(w, trained);
                NDList state = trained.state();
                assertEquals(1, state.size());
                assertEquals("average.w", state.get(0).getName());

                fresh.restore(state);
                fresh.swap();
                float[] viaFresh = w.toFloatArray();
                fresh.swap();
                trained.swap();
                assertArrayEquals(w.toFloatArray(), viaFresh);
                trained.swap();

                NDArray other = m.create(new float[] {7f});
                other.setName("carried");
                NDList mixed = new NDList(other, state.get(0));
                NDList rest = WeightAverage.withoutAverages(mixed);
                assertEquals(1, rest.size());
                assertEquals("carried", rest.get(0).getName());

                IllegalStateException e =
                        assertThrows(IllegalStateException.class, () -> fresh.restore(rest));
                assertTrue(e.getMessage().contains("'w'"), e.getMessage());
            }
        }
    }

    @Test
    void rejectsADecayOutsideZeroToOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            p.add("w", m.create(new float[] {1f}));
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage(p, 1f));
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage(p, 0f));
        }
    }
}
