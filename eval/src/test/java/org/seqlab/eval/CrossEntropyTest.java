package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossEntropyTest {

    @Test
    void matchesHandComputation() {
        double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 1;
        assertEquals(2.40760596444438, expected, 1e-12);
        assertEquals(expected, CrossEntropy.nats(new float[] {1, 2, 3}, 0), 1e-9);
        assertEquals(expected - 2, CrossEntropy.nats(new float[] {1, 2, 3}, 2), 1e-9);
    }

    @Test
    void uniformLogitsGiveLogOfClassCount() {
        for (int v : new int[] {1, 2, 65, 10_000}) {
            float[] logits = new float[v];
            java.util.Arrays.fill(logits, 0.25f);
            assertEquals(Math.log(v), CrossEntropy.nats(logits, v - 1), 1e-9);
        }
    }

    @Test
    void isStableForLargeLogits() {
        assertEquals(0.0, CrossEntropy.nats(new float[] {1000, 0}, 0), 1e-12);
        assertEquals(1000.0, CrossEntropy.nats(new float[] {1000, 0}, 1), 1e-9);
        assertEquals(Math.log(2), CrossEntropy.nats(new float[] {-1000, -1000}, 1), 1e-12);
    }

    @Test
    void meanAveragesRows() {
        float[][] logits = {{1, 2, 3}, {0, 0}};
        double expected = (CrossEntropy.nats(logits[0], 1) + Math.log(2)) / 2;
        assertEquals(expected, CrossEntropy.meanNats(logits, new int[] {1, 0}), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CrossEntropy.nats(new float[] {1, 2}, 2));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> CrossEntropy.nats(new float[] {1, 2}, -1));
        assertThrows(IllegalArgumentException.class, () -> CrossEntropy.nats(new float[0], 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> CrossEntropy.nats(new float[] {Float.NaN, 0}, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> CrossEntropy.meanNats(new float[][] {{1, 2}}, new int[] {0, 1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> CrossEntropy.meanNats(new float[0][], new int[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> CrossEntropy.meanNats(new float[][] {{1, 2}}, new int[] {5}));
    }
}
