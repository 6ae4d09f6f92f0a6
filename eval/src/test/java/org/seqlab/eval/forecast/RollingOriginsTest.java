package org.seqlab.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RollingOriginsTest {

    @Test
    void stepsWhileTheHorizonFits() {
        // 25 + 3 > 25, so 25 is not an origin
        assertArrayEquals(new int[] {10, 15, 20}, RollingOrigins.origins(10, 5, 3, 25));
        assertArrayEquals(new int[] {10, 15, 20}, RollingOrigins.origins(10, 5, 3, 27));
        assertArrayEquals(new int[] {10, 15, 20, 25}, RollingOrigins.origins(10, 5, 3, 28));
    }

    @Test
    void lastHorizonMayEndExactlyAtTheSize() {
        assertArrayEquals(new int[] {0, 2, 4}, RollingOrigins.origins(0, 2, 2, 6));
    }

    @Test
    void emptyWhenTheFirstHorizonDoesNotFit() {
        assertArrayEquals(new int[0], RollingOrigins.origins(5, 1, 3, 7));
        assertArrayEquals(new int[0], RollingOrigins.origins(0, 1, 1, 0));
    }

    @Test
    void doesNotOverflowNearTheIntRange() {
        int max = Integer.MAX_VALUE;
        assertArrayEquals(new int[] {max - 1}, RollingOrigins.origins(max - 1, 1000, 1, max));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> RollingOrigins.origins(0, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RollingOrigins.origins(0, 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> RollingOrigins.origins(-1, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> RollingOrigins.origins(0, 1, 1, -1));
    }
}
