package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrfConstraintsTest {

    @Test
    void iob2ForbidsInsideWithoutItsBeginning() {
        CrfConstraints c = CrfConstraints.iob2(List.of("O", "B-X", "I-X", "B-Y", "I-Y"));
        assertTrue(c.allows(new int[] {0, 1, 2, 2, 0, 3, 4}));
        assertEquals(false, c.allows(new int[] {2}));
        assertEquals(false, c.allows(new int[] {0, 2}));
        assertEquals(false, c.allows(new int[] {1, 4}));
        assertEquals(false, c.allows(new int[] {3, 2}));
        assertTrue(CrfConstraints.none(2).isNone());
        assertEquals(false, c.isNone());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new CrfConstraints(
                                new boolean[2][2], new boolean[] {true, true}, new boolean[2]));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new CrfConstraints(
                                new boolean[2][3],
                                new boolean[] {true, true},
                                new boolean[] {true, true}));
    }

    @Test
    void copiesItsArraysInAndOut() {
        boolean[][] allowed = {{true, true}, {true, true}};
        boolean[] start = {true, true};
        CrfConstraints c = new CrfConstraints(allowed, start, new boolean[] {true, true});
        allowed[0][1] = false;
        start[0] = false;
        c.allowed()[1][0] = false;
        assertTrue(c.isNone());
        assertEquals(CrfConstraints.none(2), c);
    }
}
