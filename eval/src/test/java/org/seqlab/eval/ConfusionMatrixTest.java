package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final List<String> LABELS = List.of("neg", "neu", "pos");

    @Test
    void countsGoldRowsAgainstPredictedColumns() {
        ConfusionMatrix m =
                ConfusionMatrix.of(LABELS, new int[] {0, 0, 1, 2, 2}, new int[] {0, 2, 1, 0, 2});
        assertEquals(LABELS, m.labels());
        assertEquals(3, m.size());
        assertEquals(5, m.total());
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(0, 2));
        assertEquals(0, m.count(2, 1));
        assertEquals(1, m.count(2, 0));
        assertEquals(2, m.goldCount(0));
        assertEquals(2, m.predictedCount(0));
        assertEquals(1, m.predictedCount(1));
        assertEquals(3, m.correct());
    }

    @Test
    void isImmutableAndComparesByValue() {
        List<String> labels = new ArrayList<>(List.of("a", "b"));
        ConfusionMatrix m = ConfusionMatrix.of(labels, new int[] {0, 1}, new int[] {1, 1});
        labels.set(0, "changed");
        assertEquals(List.of("a", "b"), m.labels());
        assertThrows(UnsupportedOperationException.class, () -> m.labels().set(0, "x"));
        assertEquals(m, ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {1, 1}));
        assertEquals(
                m.hashCode(),
                ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {1, 1})
                        .hashCode());
        assertNotEquals(
                m, ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0, 1}));
    }

    @Test
    void allowsNoExamples() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("only"), new int[0], new int[0]);
        assertEquals(0, m.total());
        assertEquals(0, m.count(0, 0));
    }

    @Test
    void rejectsLengthMismatchNamingBothLengths() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(LABELS, new int[] {0, 1, 2}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void rejectsIdsOutOfRangeNamingTheId() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(LABELS, new int[] {0, 7}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(LABELS, new int[] {0}, new int[] {-1}));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, new int[] {0}, new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> m.count(3, 0));
        assertThrows(IllegalArgumentException.class, () -> m.count(0, -1));
        assertThrows(IllegalArgumentException.class, () -> m.goldCount(3));
        assertThrows(IllegalArgumentException.class, () -> m.predictedCount(-1));
    }

    @Test
    void rejectsBadLabelsAndNullArrays() {
        int[] one = {0};
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(null, one, one));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(List.of(), one, one));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(List.of("a", "b", "a"), one, one));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(withNull, one, one));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(LABELS, null, one));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(LABELS, one, null));
    }
}
