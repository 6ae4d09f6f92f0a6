package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }

    @Test
    void lastTenthIsValidation() {
        Split split = Split.byPosition(range(25), 0.1); // round(2.5) = 3
        assertArrayEquals(range(22), split.train());
        assertArrayEquals(new int[] {22, 23, 24}, split.valid());
    }

    @Test
    void zeroFractionKeepsEverythingForTraining() {
        Split split = Split.byPosition(range(7), 0);
        assertArrayEquals(range(7), split.train());
        assertEquals(0, split.valid().length);
    }

    @Test
    void rejectsFractionsOutsideUnitInterval() {
        for (double bad : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Split.byPosition(range(100), bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }

    @Test
    void rejectsCorpusTooShortForBothParts() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Split.byPosition(range(4), 0.1));
        assertTrue(e.getMessage().contains("4 ids"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Split.byPosition(range(1), 0.9));
        assertThrows(IllegalArgumentException.class, () -> Split.byPosition(new int[0], 0.5));
    }

    @Test
    void equalityLooksAtContents() {
        assertEquals(Split.byPosition(range(10), 0.2), Split.byPosition(range(10), 0.2));
        assertEquals(
                Split.byPosition(range(10), 0.2).hashCode(),
                Split.byPosition(range(10), 0.2).hashCode());
        assertEquals(
                "Split[train=8 ids, valid=2 ids]", Split.byPosition(range(10), 0.2).toString());
    }
}
