package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorWriterTest {

    @TempDir Path dir;

    /** Random words (some non-ASCII) and awkward floats: tiny, huge, negative zero, subnormal. */
    private static WordVectors sample() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 200;
        int dim = 7;
        List<String> words = new ArrayList<>();
        float[] m = new float[n * dim];
        for (int i = 0; i < n; i++) {
            words.add((i % 3 == 0 ? "wörd" : "w") + i);
            for (int j = 0; j < dim; j++) {
                m[i * dim + j] =
                        (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-8, 8)));
            }
        }
        m[0] = -0f;
        m[1] = Float.MIN_VALUE;
        m[2] = Float.MAX_VALUE;
        m[3] = 1.0000001f;
        m[4] = 2.6336e-05f;
        return WordVectors.of(words, m, dim, VectorFormat.GLOVE);
    }

    private static void assertSameVectors(WordVectors expected, WordVectors actual) {
        assertEquals(expected.words(), actual.words());
        assertEquals(expected.dim(), actual.dim());
        for (int i = 0; i < expected.size(); i++) {
            float[] e = expected.vector(i);
            float[] a = actual.vector(i);
            for (int j = 0; j < e.length; j++) {
                assertEquals(
                        Float.floatToRawIntBits(e[j]),
                        Float.floatToRawIntBits(a[j]),
                        expected.word(i) + "[" + j + "]");
            }
        }
    }

    @Test
    void gloveRoundTripsExactly() throws Exception {
        WordVectors v = sample();
        for (String name : List.of("out.txt", "out.txt.gz")) {
            Path file = dir.resolve(name);
            VectorWriter.writeGlove(v, file);
            WordVectors back = VectorReader.read(file);
            assertEquals(VectorFormat.GLOVE, back.format());
            assertSameVectors(v, back);
        }
        assertEquals(0x1f, Files.readAllBytes(dir.resolve("out.txt.gz"))[0]);
        assertTrue(Files.readString(dir.resolve("out.txt")).startsWith("wörd0 -0.0 1.4E-45 "));
    }

    @Test
    void word2VecBinaryRoundTripsExactly() throws Exception {
        WordVectors v = sample();
        for (String name : List.of("out.bin", "out.bin.gz")) {
            Path file = dir.resolve(name);
            VectorWriter.writeWord2VecBinary(v, file);
            WordVectors back = VectorReader.read(file);
            assertEquals(VectorFormat.WORD2VEC_BINARY, back.format());
            assertSameVectors(v, back);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("out.bin"));
        int record = "wörd0 ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 7 * 4;
        assertEquals('\n', bytes["200 7\n".length() + record]);
    }

    @Test
    void readWriteReadTheRealGoogleNewsSampleBothWays() throws Exception {
        Path bin = RealData.googleNewsBinary();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(bin));
        WordVectors original = VectorReader.read(bin);
        Path asText = dir.resolve("gn.txt");
        VectorWriter.writeGlove(original, asText);
        WordVectors text = VectorReader.read(asText);
        assertSameVectors(original, text);
        Path asBinary = dir.resolve("gn.bin.gz");
        VectorWriter.writeWord2VecBinary(text, asBinary);
        assertSameVectors(original, VectorReader.read(asBinary));
    }

    @Test
    void unwritableWordsAndEmptyVectorsAreRejected() {
        WordVectors spaced =
                WordVectors.of(List.of("new york"), new float[] {1, 2}, 2, VectorFormat.GLOVE);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VectorWriter.writeWord2VecBinary(spaced, dir.resolve("x.bin")));
        assertTrue(e.getMessage().contains("\"new york\""), e.getMessage());
        assertTrue(e.getMessage().contains("a space"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.bin")));
        WordVectors lineBreak =
                WordVectors.of(List.of("a\nb"), new float[] {1}, 1, VectorFormat.GLOVE);
        assertThrows(
                IllegalArgumentException.class,
                () -> VectorWriter.writeGlove(lineBreak, dir.resolve("x.txt")));
        WordVectors numeric =
                WordVectors.of(List.of("route 66"), new float[] {1}, 1, VectorFormat.GLOVE);
        IllegalArgumentException number =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VectorWriter.writeGlove(numeric, dir.resolve("x.txt")));
        assertTrue(number.getMessage().contains("end in a number"), number.getMessage());
        WordVectors empty = WordVectors.of(List.of(), new float[0], 3, VectorFormat.GLOVE);
        assertThrows(
                IllegalArgumentException.class,
                () -> VectorWriter.writeGlove(empty, dir.resolve("e.txt")));
    }

    @Test
    void gloveWordWithSpacesRoundTrips() throws Exception {
        WordVectors v =
                WordVectors.of(
                        List.of("new york", ". . ."),
                        new float[] {1, 2, 3, 4},
                        2,
                        VectorFormat.GLOVE);
        Path file = dir.resolve("spaces.txt");
        VectorWriter.writeGlove(v, file);
        assertSameVectors(v, VectorReader.read(file));
    }
}
