package org.seqlab.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Python {@code str} operations that sacreBLEU relies on, with Python's semantics rather
 * than Java's.
 *
 * <p>Python's {@code str.split()}, {@code str.rstrip()} and {@code str.isspace()} treat exactly
 * these code points as whitespace: U+0009..U+000D, U+001C..U+001F, U+0020, U+0085, U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. Java's {@link
 * Character#isWhitespace(char)} leaves out the no-break spaces (U+00A0, U+2007, U+202F) and U+0085,
 * so it would tokenize differently. All of them are in the Basic Multilingual Plane, so a surrogate
 * is never whitespace and the scans below may go {@code char} by {@code char}.
 */
final class PythonText {

    private PythonText() {}

    /** Returns whether {@code c} is whitespace for Python's {@code str.isspace()}. */
    static boolean isSpace(char c) {
        if (c <= 0x20) {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /**
     * Splits like Python's {@code line.split()}: runs of whitespace separate words, and leading or
     * trailing whitespace gives no empty words.
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(line.substring(start, i));
            }
        }
        return words;
    }

    /** Returns Python's {@code ''.join(line.split())}: the line with all whitespace removed. */
    static String removeSpaces(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && !isSpace(line.charAt(i))) {
            i++;
        }
        if (i == n) {
            return line;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(line, 0, i);
        for (; i < n; i++) {
            char c = line.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns Python's {@code line.rstrip()}: the line without trailing whitespace. */
    static String rstrip(String line) {
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * Formats like Python's {@code f"{value:.{digits}f}"}: the exact binary value rounded half to
     * even, which is what Python does and Java's {@code %.2f} does not always do.
     */
    static String fixed(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "nan" : (value > 0 ? "inf" : "-inf");
        }
        String text =
                new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative number that rounds to zero: -0.001 -> "-0.00".
        if ((value < 0 || (value == 0 && 1 / value < 0)) && !text.startsWith("-")) {
            text = "-" + text;
        }
        return text;
    }
}
