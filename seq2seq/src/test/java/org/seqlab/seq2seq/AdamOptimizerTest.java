package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdamOptimizerTest {

    private static void gradient(NDArray w, float[] g) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(w.mul(w.getManager().create(g)).sum());
        }
    }

    @Test
    void aFrozenParameterGetsNoGradientNoStateAndNoUpdate(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            NDArray w = p.add("w", m.create(new float[] {1.0f, -1.0f}));
            NDArray frozen = p.add("frozen", m.create(new float[] {2.0f, 3.0f}));
            p.freeze("frozen");
            assertEquals(java.util.List.of("w"), p.trainableNames());
            assertEquals(java.util.List.of("w", "frozen"), p.names());
            AdamOptimizer adam = new AdamOptimizer(p, 0.9f, 0.999f, 1e-8f, 0.1f);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.mul(frozen).sum());
            }
            GradientClipping.clipGlobalNorm(p, 1.0);
            adam.step(0.1f);
            assertArrayEquals(new float[] {2.0f, 3.0f}, frozen.toFloatArray(), 0f);
            assertEquals(
                    false, java.util.Arrays.equals(new float[] {1.0f, -1.0f}, w.toFloatArray()));
            Path state = dir.resolve("adam-frozen.safetensors");
            adam.save(state);
            try (NDManager s = NDManager.newBaseManager()) {
                assertEquals(
                        3,
                        ai.djl.ndarray.NDList.decode(s, java.nio.file.Files.newInputStream(state))
                                .size(),
                        "moments of w and the step count only");
            }
        }
    }

    @Test
    void twoStepsMatchTheAdamEquations() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            NDArray w = p.add("w", m.create(new float[] {1.0f, -1.0f}));
            AdamOptimizer adam = new AdamOptimizer(p, 0.9f, 0.999f, 1e-8f, 0);
            float[][] grads = {{0.5f, -2.0f}, {0.1f, 1.0f}};
            double[] ref = {1.0, -1.0};
            double[] mo = new double[2];
            double[] ve = new double[2];
            for (int t = 1; t <= 2; t++) {
                gradient(w, grads[t - 1]);
                adam.step(0.01f);
                for (int i = 0; i < 2; i++) {
                    double g = grads[t - 1][i];
                    mo[i] = 0.9 * mo[i] + 0.1 * g;
                    ve[i] = 0.999 * ve[i] + 0.001 * g * g;
                    double mh = mo[i] / (1 - Math.pow(0.9, t));
                    double vh = ve[i] / (1 - Math.pow(0.999, t));
                    ref[i] -= 0.01 * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
            assertArrayEquals(
                    new float[] {(float) ref[0], (float) ref[1]}, w.toFloatArray(), 1e-5f);
            assertEquals(2, adam.steps());
        }
    }

    @Test
    void stateRoundTripsThroughAFile(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            NDArray w = p.add("w", m.create(new float[] {1.0f, -1.0f}));
            AdamOptimizer a = AdamOptimizer.defaults(p, 0);
            gradient(w, new float[] {0.3f, 0.7f});
            a.step(0.1f);
            a.save(dir.resolve("opt.safetensors"));
            float[] after1 = w.toFloatArray();

            // Continue the original and a restored copy by one more identical step.
            NamedParameters q = new NamedParameters(m, 1);
            NDArray v = q.add("w", m.create(after1));
            AdamOptimizer b = AdamOptimizer.defaults(q, 0);
            b.load(dir.resolve("opt.safetensors"));
            assertEquals(1, b.steps());
            gradient(w, new float[] {-0.2f, 0.4f});
            a.step(0.1f);
            gradient(v, new float[] {-0.2f, 0.4f});
            b.step(0.1f);
            assertArrayEquals(w.toFloatArray(), v.toFloatArray(), 1e-7f);
        }
    }

    @Test
    void rejectsBadSettings() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = new NamedParameters(m, 1);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new AdamOptimizer(p, 1.0f, 0.999f, 1e-8f, 0));
            assertThrows(
                    IllegalArgumentException.class, () -> new AdamOptimizer(p, 0.9f, 0.999f, 0, 0));
        }
    }
}
