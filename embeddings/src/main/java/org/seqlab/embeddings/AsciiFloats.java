package org.seqlab.embeddings;

import java.nio.charset.StandardCharsets;

/**
 * Parses ASCII decimal numbers from bytes into floats, exactly as {@link Float#parseFloat} would.
 *
 * <p>The fast path reads sign, digits, fraction and exponent into a {@code long} mantissa {@code m}
 * and a decimal exponent {@code e} without allocating. When {@code m < 2^53} and {@code |e| <= 22}
 * both {@code m} and {@code 10^|e|} are exact doubles, so one IEEE multiplication or division gives
 * the correctly rounded double (Clinger's fast path). Rounding that double to float is then correct
 * unless the double lies exactly halfway between two floats (a double-rounding trap); that case,
 * and everything else (more than 15 significant digits, large exponents, {@code NaN}, hex), falls
 * back to {@link Float#parseFloat}.
 */
final class AsciiFloats {

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private static final long MAX_EXACT = 1L << 53;

    private AsciiFloats() {}

    /**
     * Parses {@code b[start..end)} as a float.
     *
     * @return the value, equal to {@code Float.parseFloat} of the same text
     * @throws NumberFormatException if the bytes are not a number
     */
    static float parse(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        while (i < end) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                break;
            }
            anyDigit = true;
            if (m != 0 || c != 0) {
                if (++significant > 18) {
                    return slow(b, start, end);
                }
                m = m * 10 + c;
            }
            i++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end) {
                int c = b[i] - '0';
                if (c < 0 || c > 9) {
                    break;
                }
                anyDigit = true;
                if (m != 0 || c != 0) {
                    if (++significant > 18) {
                        return slow(b, start, end);
                    }
                    m = m * 10 + c;
                }
                exp10--;
                i++;
            }
        }
        if (!anyDigit) {
            return slow(b, start, end);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExp = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negativeExp = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean expDigit = false;
            while (i < end) {
                int c = b[i] - '0';
                if (c < 0 || c > 9) {
                    break;
                }
                expDigit = true;
                if (e < 100_000) {
                    e = e * 10 + c;
                }
                i++;
            }
            if (!expDigit) {
                return slow(b, start, end);
            }
            exp10 += negativeExp ? -e : e;
        }
        if (i != end) {
            return slow(b, start, end);
        }
        if (m == 0) {
            return negative ? -0f : 0f;
        }
        if (m > MAX_EXACT || exp10 < -22 || exp10 > 22) {
            return slow(b, start, end);
        }
        double d = exp10 >= 0 ? m * POWERS[exp10] : m / POWERS[-exp10];
        float f = (float) d;
        if ((double) f != d) {
            // d is never near float overflow or underflow here: 1e-22 <= d < 2^53 * 1e22.
            double other = d > f ? Math.nextUp(f) : Math.nextDown(f);
            if ((double) f + other == 2 * d) {
                return slow(b, start, end);
            }
        }
        return negative ? -f : f;
    }

    private static float slow(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] <= ' ') {
                throw new NumberFormatException("contains whitespace or a control character");
            }
        }
        return Float.parseFloat(new String(b, start, end - start, StandardCharsets.UTF_8));
    }

    /**
     * Parses a string with the fast path; the test entry point.
     *
     * @throws NumberFormatException if the text is not a number
     */
    static float parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }
}
