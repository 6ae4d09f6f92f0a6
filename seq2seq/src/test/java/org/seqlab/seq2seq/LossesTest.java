package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.seqlab.eval.CrossEntropy;

class LossesTest {

    @Test
    void crossEntropyMatchesAHandComputation() {
        float[][] logits = {{1, 2, 3}, {0, 0, 0}, {5, -1, 2}, {0.5f, 0.25f, -3}};
        int[] targets = {0, 2, 1, 1};
        float[] flat = new float[12];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(logits[i], 0, flat, i * 3, 3);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            var l = m.create(flat, new Shape(2, 2, 3));
            var t = m.create(new long[] {0, 2, 1, 1}, new Shape(2, 2));
            // log(e^1+e^2+e^3) - 1 = 2.4076059644443806 for the first row.
            double expectedSum =
                    2.4076059644443806
                            + Math.log(3)
                            + CrossEntropy.nats(logits[2], 1)
                            + CrossEntropy.nats(logits[3], 1);
            assertEquals(expectedSum, Losses.crossEntropySum(l, t).getFloat(), 1e-5);
            assertEquals(expectedSum / 4, Losses.crossEntropyMean(l, t).getFloat(), 1e-6);
            assertEquals(
                    CrossEntropy.meanNats(logits, targets),
                    Losses.crossEntropyMean(l, t).getFloat(),
                    1e-6);
        }
    }

    @Test
    void weightedCrossEntropyMatchesPytorchsDefinition() {
        float[][] logits = {{2, 0}, {0, 1}, {1, 1}};
        int[] targets = {0, 1, 1};
        float[] w = {1f, 3f};
        try (NDManager m = NDManager.newBaseManager()) {
            var l = m.create(new float[] {2, 0, 0, 1, 1, 1}, new Shape(3, 2));
            var t = m.create(new long[] {0, 1, 1});
            double expected =
                    (1 * CrossEntropy.nats(logits[0], 0)
                                    + 3 * CrossEntropy.nats(logits[1], 1)
                                    + 3 * CrossEntropy.nats(logits[2], 1))
                            / (1 + 3 + 3);
            assertEquals(
                    expected, Losses.weightedCrossEntropyMean(l, t, m.create(w)).getFloat(), 1e-6);
            assertEquals(
                    CrossEntropy.meanNats(logits, targets),
                    Losses.weightedCrossEntropyMean(l, t, m.create(new float[] {1, 1})).getFloat(),
                    1e-6);
        }
    }
}
