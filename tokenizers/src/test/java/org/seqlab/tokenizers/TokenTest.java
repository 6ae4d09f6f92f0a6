package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenTest {

    @Test
    void acceptsValidOffsets() {
        Token t = new Token("ab", 3, 5);
        assertEquals("ab", t.text());
        assertEquals(2, t.length());
        assertEquals(0, new Token("", 0, 0).length());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(NullPointerException.class, () -> new Token(null, 0, 0));
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> new Token("a", -1, 0));
        assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
        IllegalArgumentException reversed =
                assertThrows(IllegalArgumentException.class, () -> new Token("a", 4, 2));
        assertTrue(reversed.getMessage().contains("2"), reversed.getMessage());
    }
}
