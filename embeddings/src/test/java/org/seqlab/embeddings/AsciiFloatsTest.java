package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AsciiFloatsTest {

    private static void same(String text) {
        float expected = Float.parseFloat(text);
        float actual = AsciiFloats.parse(text);
        assertEquals(
                Float.floatToRawIntBits(expected),
                Float.floatToRawIntBits(actual),
                () -> text + ": expected " + expected + " but parsed " + actual);
    }

    @Test
    void trickyValuesEqualFloatParseFloat() {
        String[] values = {
            "1e-45",
            "1.4e-45",
            "7e-46",
            "3.4028235e38",
            "3.4028236e38",
            "3.5e38",
            "1e39",
            "-0.0",
            "0.0",
            "-0",
            "0",
            "+1",
            "2.6336e-05",
            "0.000026336",
            "1.0000001",
            "1.00000005",
            "1.0000000596046448",
            "0.1",
            "-0.038194",
            "-0.24487",
            "123456789012345678901234567890",
            "0.123456789012345678901234567890",
            "1.17549435E-38",
            "1.1754942E-38",
            "9.99999999e-1",
            "16777216",
            "16777217",
            "16777219",
            "33554435",
            "4.9e-324",
            "1E+10",
            "1e10",
            "1.5E-5",
            ".5",
            "5.",
            "-.5e1",
            "00000.00001",
            "3.40282346638528859811704183484516925440e+38",
            "0.33333334",
            "2.7182817",
            "6.02214076e23",
            "1e22",
            "1e23",
            "9007199254740993",
            "NaN",
            "-Infinity",
            "Infinity",
            "1e-400",
            "1e400",
            "0e10",
            "-0e-10",
        };
        for (String v : values) {
            same(v);
        }
    }

    @Test
    void randomFloatsInManyNotationsEqualFloatParseFloat() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f)) {
                continue;
            }
            same(Float.toString(f));
            same(Double.toString(f));
            float g = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-12, 12)));
            same(Float.toString(g));
            same(String.format(Locale.ROOT, "%.5g", g));
            same(String.format(Locale.ROOT, "%.6f", g));
            same(String.format(Locale.ROOT, "%." + random.nextInt(1, 20) + "e", (double) g));
            same(new BigDecimal(g).toPlainString());
        }
    }

    @Test
    void randomDigitStringsNearHalfwayPointsEqualFloatParseFloat() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt(0x00800000, 0x7F000000));
            BigDecimal mid =
                    new BigDecimal(f)
                            .add(new BigDecimal(Math.nextUp(f)))
                            .divide(BigDecimal.valueOf(2));
            String digits = mid.round(new java.math.MathContext(random.nextInt(8, 16))).toString();
            same(digits);
            same(mid.toString());
        }
    }

    @Test
    void nonNumbersThrow() {
        for (String bad : new String[] {"abc", "", "-", "+", ".", "1e", "1e+", "1.2.3", "1 2"}) {
            assertThrows(NumberFormatException.class, () -> AsciiFloats.parse(bad), bad);
        }
    }
}
