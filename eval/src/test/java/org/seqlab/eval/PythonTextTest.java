package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code str.split()}, {@code rstrip()} and {@code f"{x:.Nf}"}, as sacreBLEU sees them.
 */
class PythonTextTest {

    @Test
    void splitsOnPythonWhitespaceOnly() {
        // Python: "a\u00a0b\x1cc\u200bd \u3000 e\x85".split() == ['a', 'b', 'c\u200bd', 'e']
        assertEquals(
                List.of("a", "b", "c\u200bd", "e"),
                PythonText.split("a\u00a0b\u001cc\u200bd \u3000 e\u0085"));
        assertEquals(List.of(), PythonText.split(" \t\n "));
        assertEquals("ab\u200bc", PythonText.removeSpaces(" a\u2007b\u200bc\u2029"));
        assertEquals(" a b", PythonText.rstrip(" a b\u00a0\u202f\n"));
    }

    @Test
    void fixedRoundsTheBinaryValueHalfToEven() {
        // Python: f"{0.125:.2f}" == "0.12", f"{0.375:.2f}" == "0.38", f"{2.675:.2f}" == "2.67"
        // (2.675 is stored as 2.67499...), f"{-0.001:.2f}" == "-0.00"; Java's %.2f gives 0.13.
        assertEquals("0.12", PythonText.fixed(0.125, 2));
        assertEquals("0.38", PythonText.fixed(0.375, 2));
        assertEquals("2.67", PythonText.fixed(2.675, 2));
        assertEquals("-0.00", PythonText.fixed(-0.001, 2));
        assertEquals("48.53", PythonText.fixed(48.530827009929865, 2));
        assertEquals("100.0", PythonText.fixed(100.0, 1));
    }
}
