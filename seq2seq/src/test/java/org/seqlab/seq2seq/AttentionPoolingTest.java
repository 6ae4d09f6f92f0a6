package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttentionPoolingTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void weightsSumToOneOverRealTokensAndAreZeroOnPadding() {
        NamedParameters params = new NamedParameters(manager, 3);
        AttentionPooling pool = new AttentionPooling(params, "att", 4);
        assertEquals(new Shape(4), params.get("att.w").getShape());
        NDArray seq = manager.randomUniform(-1, 1, new Shape(3, 5, 4));
        seq.set(new NDIndex("0, 2:, :"), 1e30f);
        NDArray mask = Masks.lengthMask(manager, manager.create(new long[] {2, 5, 1}), 5);
        float[] w = pool.weights(seq, mask).toFloatArray();
        long[] lengths = {2, 5, 1};
        for (int b = 0; b < 3; b++) {
            double sum = 0;
            for (int t = 0; t < 5; t++) {
                float a = w[b * 5 + t];
                if (t < lengths[b]) {
                    sum += a;
                } else {
                    assertEquals(0f, a, "row " + b + " position " + t);
                }
            }
            assertEquals(1.0, sum, 1e-6, "row " + b);
        }
    }

    @Test
    void poolIsTheSoftmaxWeightedSumByHand() {
        NamedParameters params = new NamedParameters(manager, 1);
        AttentionPooling pool = new AttentionPooling(params, "att", 2);
        params.get("att.w").set(new float[] {1f, -1f});
        NDArray seq =
                manager.create(
                        new float[] {1, 0, 0, 1, Float.POSITIVE_INFINITY, 7}, new Shape(1, 3, 2));
        NDArray mask = Masks.lengthMask(manager, manager.create(new long[] {2}), 3);
        // Scores 1 and -1; weights e/(e+1/e) and (1/e)/(e+1/e).
        double a0 = Math.exp(1) / (Math.exp(1) + Math.exp(-1));
        double a1 = 1 - a0;
        assertArrayEquals(
                new float[] {(float) a0, (float) a1, 0f},
                pool.weights(seq, mask).toFloatArray(),
                1e-6f);
        assertArrayEquals(
                new float[] {(float) a0, (float) a1}, pool.pool(seq, mask).toFloatArray(), 1e-6f);
    }

    @Test
    void gradientReachesTheScoringVector() {
        NamedParameters params = new NamedParameters(manager, 2);
        AttentionPooling pool = new AttentionPooling(params, "att", 3);
        NDArray seq = manager.randomUniform(-1, 1, new Shape(2, 4, 3));
        NDArray mask = Masks.lengthMask(manager, manager.create(new long[] {3, 4}), 4);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray out = pool.pool(seq, mask);
            gc.backward(out.mul(out).sum());
        }
        float[] grad = params.get("att.w").getGradient().toFloatArray();
        double norm = 0;
        for (float g : grad) {
            norm += g * g;
        }
        assertEquals(true, norm > 0 && Double.isFinite(norm), "gradient norm " + norm);
    }

    @Test
    void rejectsBadSizes() {
        NamedParameters params = new NamedParameters(manager, 1);
        assertThrows(IllegalArgumentException.class, () -> new AttentionPooling(params, "a", 0));
        AttentionPooling pool = new AttentionPooling(params, "b", 2);
        NDArray mask = Masks.lengthMask(manager, manager.create(new long[] {1}), 2);
        assertThrows(
                IllegalArgumentException.class,
                () -> pool.weights(manager.zeros(new Shape(1, 2, 3)), mask));
    }
}
