package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MasksTest {

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
    void maskIsTrueExactlyBeforeEachLength() {
        NDArray mask = Masks.lengthMask(manager, manager.create(new long[] {2, 4, 1}), 4);
        assertEquals(DataType.BOOLEAN, mask.getDataType());
        assertEquals(new Shape(3, 4), mask.getShape());
        assertArrayEquals(
                new boolean[] {
                    true, true, false, false, true, true, true, true, true, false, false, false
                },
                mask.toBooleanArray());
    }

    @Test
    void acceptsInt32Lengths() {
        NDArray mask = Masks.lengthMask(manager, manager.create(new int[] {1, 2}), 2);
        assertArrayEquals(new boolean[] {true, false, true, true}, mask.toBooleanArray());
    }

    @Test
    void rejectsLengthsOutOfRangeNamingThem() {
        IllegalArgumentException zero =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Masks.lengthMask(manager, manager.create(new long[] {2, 0}), 3));
        assertTrue(zero.getMessage().contains("Length 0 of sequence 1"), zero.getMessage());
        IllegalArgumentException tooLong =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Masks.lengthMask(manager, manager.create(new long[] {5}), 3));
        assertTrue(tooLong.getMessage().contains("Length 5"), tooLong.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Masks.lengthMask(manager, manager.create(new float[] {1f}), 3));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        Masks.lengthMask(
                                manager, manager.create(new long[] {1, 1}, new Shape(1, 2)), 3));
    }
}
