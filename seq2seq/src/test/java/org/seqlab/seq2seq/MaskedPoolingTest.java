package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaskedPoolingTest {

    private static final float HUGE = 1e30f;

    private NDManager manager;
    private NDArray seq;
    private NDArray mask;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        // (B=2, T=3, H=2); row 0 has length 2, row 1 length 3. Padding holds huge values.
        seq =
                manager.create(
                        new float[] {
                            1, -2, 3, -4, HUGE, HUGE, //
                            -1, 5, 0, 1, 2, -3
                        },
                        new Shape(2, 3, 2));
        mask = Masks.lengthMask(manager, manager.create(new long[] {2, 3}), 3);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void maxIgnoresPadding() {
        NDArray max = MaskedPooling.max(seq, mask);
        assertEquals(new Shape(2, 2), max.getShape());
        assertArrayEquals(new float[] {3, -2, 2, 5}, max.toFloatArray(), 0f);
    }

    @Test
    void maxIgnoresPositiveInfinityInPadding() {
        NDArray inf = seq.duplicate();
        inf.set(new NDIndex("0, 2, :"), Float.POSITIVE_INFINITY);
        assertArrayEquals(
                new float[] {3, -2, 2, 5}, MaskedPooling.max(inf, mask).toFloatArray(), 0f);
    }

    @Test
    void meanDividesTheRealSumByTheLength() {
        NDArray mean = MaskedPooling.mean(seq, mask);
        assertArrayEquals(new float[] {2f, -3f, 1f / 3, 1f}, mean.toFloatArray(), 1e-6f);
    }

    @Test
    void meanAcceptsAFloatMask() {
        NDArray mean = MaskedPooling.mean(seq, mask.toType(DataType.FLOAT32, false));
        assertArrayEquals(new float[] {2f, -3f, 1f / 3, 1f}, mean.toFloatArray(), 1e-6f);
    }

    @Test
    void maxMeanConcatenatesMaxThenMean() {
        NDArray both = MaskedPooling.maxMean(seq, mask);
        assertEquals(new Shape(2, 4), both.getShape());
        assertArrayEquals(
                new float[] {3, -2, 2f, -3f, 2, 5, 1f / 3, 1f}, both.toFloatArray(), 1e-6f);
    }

    @Test
    void rejectsMismatchedShapes() {
        NDArray wrong = Masks.lengthMask(manager, manager.create(new long[] {2, 2}), 2);
        assertThrows(IllegalArgumentException.class, () -> MaskedPooling.max(seq, wrong));
        assertThrows(
                IllegalArgumentException.class,
                () -> MaskedPooling.mean(manager.zeros(new Shape(2, 3)), mask));
    }
}
