package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LengthBucketsTest {

    private static double[] lengths(int n) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = 1 + (i * 37) % 50;
        }
        return l;
    }

    @Test
    void everyExampleOnceInBatchesOfTheSize() {
        int[][] b = LengthBuckets.epoch(lengths(103), 10, 7, 0);
        assertEquals(11, b.length);
        int[] seen = new int[103];
        int small = 0;
        for (int[] batch : b) {
            assertTrue(batch.length == 10 || batch.length == 3);
            small += batch.length == 3 ? 1 : 0;
            for (int i : batch) {
                seen[i]++;
            }
        }
        assertEquals(1, small);
        int[] ones = new int[103];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, seen);
    }

    @Test
    void sameSeedAndEpochSameBatchesOtherEpochOthers() {
        double[] l = lengths(200);
        assertTrue(
                Arrays.deepEquals(
                        LengthBuckets.epoch(l, 8, 3, 2), LengthBuckets.epoch(l, 8, 3, 2)));
        assertFalse(
                Arrays.deepEquals(
                        LengthBuckets.epoch(l, 8, 3, 2), LengthBuckets.epoch(l, 8, 3, 3)));
    }

    @Test
    void aBatchHoldsSimilarLengths() {
        double[] l = lengths(500);
        for (int[] batch : LengthBuckets.epoch(l, 20, 1, 0)) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int i : batch) {
                min = Math.min(min, l[i]);
                max = Math.max(max, l[i]);
            }
            assertTrue(max * 0.9 <= min * 1.1 + 2, min + ".." + max);
        }
        assertThrows(IllegalArgumentException.class, () -> LengthBuckets.epoch(l, 0, 1, 0));
    }
}
