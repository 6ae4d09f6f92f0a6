package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Sets the gradients of a=[1,2] and b=[2] to 3a-ish values via loss = sum(c * w). */
    private static NamedParameters withGradients(NDManager m, float[] ga, float[] gb) {
        NamedParameters p = new NamedParameters(m, 1);
        NDArray a = p.add("a", m.create(new float[] {1, 2}));
        NDArray b = p.add("b", m.create(new float[] {2}));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = a.mul(m.create(ga)).sum().add(b.mul(m.create(gb)).sum());
            gc.backward(loss);
        }
        return p;
    }

    @Test
    void scalesAllGradientsToTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            // gradients (3, 4) and (12): global norm sqrt(9 + 16 + 144) = 13
            NamedParameters p = withGradients(m, new float[] {3, 4}, new float[] {12});
            double norm = GradientClipping.clipGlobalNorm(p, 6.5);
            assertEquals(13.0, norm, 1e-5);
            double scale = 6.5 / (13 + 1e-6);
            assertArrayEquals(
                    new float[] {(float) (3 * scale), (float) (4 * scale)},
                    p.get("a").getGradient().toFloatArray(),
                    1e-5f);
            assertArrayEquals(
                    new float[] {(float) (12 * scale)},
                    p.get("b").getGradient().toFloatArray(),
                    1e-5f);
            assertEquals(6.5, GradientClipping.clipGlobalNorm(p, 100), 1e-4);
        }
    }

    @Test
    void leavesSmallGradientsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = withGradients(m, new float[] {3, 4}, new float[] {12});
            assertEquals(13.0, GradientClipping.clipGlobalNorm(p, 20), 1e-5);
            assertArrayEquals(new float[] {3, 4}, p.get("a").getGradient().toFloatArray());
            assertEquals(13.0, GradientClipping.clipGlobalNorm(p, 0), 1e-5);
        }
    }
}
