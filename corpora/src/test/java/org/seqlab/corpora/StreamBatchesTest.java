package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamBatchesTest {
    private static final int[] IDS = IntStream.range(0, 26).toArray();

    @Test
    void shapesForTwentySixIdsInTwoStreams() {
        StreamBatches batches = new StreamBatches(IDS, 2, 5);
        assertEquals(2, batches.batchSize());
        assertEquals(5, batches.seqLen());
        assertEquals(13, batches.streamLength());
        assertEquals(3, batches.windowCount());
        assertEquals(24, batches.tokensPerEpoch());
        assertEquals(5, batches.window(0).length());
        assertEquals(5, batches.window(1).length());
        assertEquals(2, batches.window(2).length());
    }

    @Test
    void firstWindowWrittenOut() {
        StreamBatches.Window w = new StreamBatches(IDS, 2, 5).window(0);
        assertEquals(2, w.batch());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 13, 14, 15, 16, 17}, w.inputs());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 14, 15, 16, 17, 18}, w.targets());
    }

    @Test
    void lastWindowWrittenOut() {
        StreamBatches.Window w = new StreamBatches(IDS, 2, 5).window(2);
        assertEquals(
                new StreamBatches.Window(
                        new int[] {10, 11, 23, 24}, new int[] {11, 12, 24, 25}, 2, 2),
                w);
    }

    @Test
    void trailingRemainderIsDropped() {
        StreamBatches batches = new StreamBatches(IntStream.range(0, 29).toArray(), 3, 4);
        assertEquals(9, batches.streamLength());
        assertEquals(2, batches.windowCount());
        assertArrayEquals(
                new int[] {4, 5, 6, 7, 13, 14, 15, 16, 22, 23, 24, 25}, batches.window(1).inputs());
        assertArrayEquals(
                new int[] {5, 6, 7, 8, 14, 15, 16, 17, 23, 24, 25, 26},
                batches.window(1).targets());
    }

    @Test
    void windowsCarryStateAlongEachStream() {
        int[] ids = IntStream.range(0, 1000).map(i -> i * 7 + 3).toArray(); // all distinct
        for (int batchSize : new int[] {1, 3, 7}) {
            for (int seqLen : new int[] {1, 4, 35, 500}) {
                StreamBatches batches = new StreamBatches(ids, batchSize, seqLen);
                int length = batches.streamLength();
                long targetCount = 0;
                for (int b = 0; b < batchSize; b++) {
                    int[] inputs = new int[0];
                    int[] targets = new int[0];
                    for (int k = 0; k < batches.windowCount(); k++) {
                        StreamBatches.Window w = batches.window(k);
                        inputs = concat(inputs, row(w.inputs(), b, w.length()));
                        targets = concat(targets, row(w.targets(), b, w.length()));
                        targetCount += w.length();
                    }
                    int[] stream = Arrays.copyOfRange(ids, b * length, (b + 1) * length);
                    assertArrayEquals(Arrays.copyOf(stream, length - 1), inputs);
                    assertArrayEquals(Arrays.copyOfRange(stream, 1, length), targets);
                }
                assertEquals(batches.tokensPerEpoch(), targetCount);
            }
        }
    }

    private static int[] row(int[] flat, int b, int length) {
        return Arrays.copyOfRange(flat, b * length, (b + 1) * length);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void rejectsCorpusShorterThanOneWindow() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new StreamBatches(new int[7], 4, 5));
        assertTrue(e.getMessage().contains("7 tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 8"), e.getMessage());
        new StreamBatches(new int[8], 4, 5); // exactly enough
    }

    @Test
    void rejectsBadSizesAndWindowIndices() {
        assertThrows(IllegalArgumentException.class, () -> new StreamBatches(IDS, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new StreamBatches(IDS, 2, 0));
        StreamBatches batches = new StreamBatches(IDS, 2, 5);
        assertThrows(IllegalArgumentException.class, () -> batches.window(-1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> batches.window(3));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void windowChecksItsShape() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StreamBatches.Window(new int[3], new int[4], 2, 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StreamBatches.Window(new int[0], new int[0], 0, 2));
    }
}
