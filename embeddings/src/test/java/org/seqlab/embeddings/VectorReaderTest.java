package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorReaderTest {

    private static final String GLOVE = "the 0.1 -0.2 3e-2\nof 1 2 3\ncafé -1.5 0.25 1.0E-5\n";
    private static final String WORD2VEC = "3 3\n" + GLOVE;

    @TempDir Path dir;

    private static void assertGloveContent(WordVectors v) {
        assertEquals(3, v.size());
        assertEquals(3, v.dim());
        assertEquals(List.of("the", "of", "café"), v.words());
        assertArrayEquals(new float[] {0.1f, -0.2f, 3e-2f}, v.vector("the"), 0f);
        assertArrayEquals(new float[] {1, 2, 3}, v.vector(1), 0f);
        assertArrayEquals(new float[] {-1.5f, 0.25f, 1.0e-5f}, v.vector("café"), 0f);
        assertEquals(0, v.duplicatesSkipped());
    }

    @Test
    void readsGlovePlainGzipAndZip() throws Exception {
        for (String name : List.of("v.txt", "v.txt.gz", "glove.6B.zip", "noext")) {
            Path file = Fixtures.text(dir, name, GLOVE);
            assertEquals(VectorFormat.GLOVE, VectorReader.detect(file), name);
            WordVectors v = VectorReader.read(file);
            assertEquals(VectorFormat.GLOVE, v.format(), name);
            assertGloveContent(v);
        }
    }

    @Test
    void readsWord2VecTextAndFastTextVec() throws Exception {
        Path w2v = Fixtures.text(dir, "w.txt", WORD2VEC);
        assertEquals(VectorFormat.WORD2VEC_TEXT, VectorReader.detect(w2v));
        assertGloveContent(VectorReader.read(w2v));
        Path gz = Fixtures.text(dir, "w.txt.gz", WORD2VEC);
        assertEquals(VectorFormat.WORD2VEC_TEXT, VectorReader.read(gz).format());
        for (String name : List.of("wiki.en.vec", "cc.en.300.vec.gz")) {
            // fastText writes a space after the last value of each line.
            Path vec = Fixtures.text(dir, name, WORD2VEC.replace("\n", " \n"));
            assertEquals(VectorFormat.FASTTEXT, VectorReader.detect(vec), name);
            WordVectors v = VectorReader.read(vec);
            assertEquals(VectorFormat.FASTTEXT, v.format());
            assertGloveContent(v);
        }
    }

    @Test
    void toleratesCrlfBlankLinesTabsBomAndMissingFinalNewline() throws Exception {
        String messy = "\uFEFFthe 0.1 -0.2 3e-2\r\n\r\nof\t1  2 3\n\ncafé -1.5 0.25 1.0E-5";
        assertGloveContent(VectorReader.read(Fixtures.text(dir, "messy.txt", messy)));
    }

    private static byte[] binary(boolean newlines) {
        Fixtures.Binary b = new Fixtures.Binary().header(3, 3);
        b.word("the", 0.1f, -0.2f, 3e-2f);
        if (newlines) {
            b.newline();
        }
        b.word("of", 1, 2, 3);
        if (newlines) {
            b.newline();
        }
        b.word("café", -1.5f, 0.25f, 1.0e-5f);
        if (newlines) {
            b.newline();
        }
        return b.toBytes();
    }

    @Test
    void readsWord2VecBinaryWithAndWithoutNewlinesByNameAndByContent() throws Exception {
        for (boolean newlines : new boolean[] {true, false}) {
            for (String name : List.of("v.bin", "v.bin.gz", "vectors.w2v", "vectors.dat.gz")) {
                Path file = Fixtures.bytes(dir, name, binary(newlines));
                assertEquals(VectorFormat.WORD2VEC_BINARY, VectorReader.detect(file), name);
                WordVectors v = VectorReader.read(file);
                assertEquals(VectorFormat.WORD2VEC_BINARY, v.format());
                assertGloveContent(v);
            }
        }
    }

    @Test
    void gloveWordsMayContainSpaces() throws Exception {
        String glove840 = ", 0.5 0.5\n. . . 1 2\nat name@domain.com 3 4\n- - 5 6\n";
        WordVectors v = VectorReader.read(Fixtures.text(dir, "glove.840B.300d.txt", glove840));
        assertEquals(List.of(",", ". . .", "at name@domain.com", "- -"), v.words());
        assertArrayEquals(new float[] {3, 4}, v.vector("at name@domain.com"), 0f);
        assertArrayEquals(new float[] {5, 6}, v.vector(3), 0f);
    }

    @Test
    void keepPredicateLoadsOnlyAcceptedWords() throws Exception {
        for (String name : List.of("v.txt", "w.bin")) {
            Path file =
                    name.endsWith(".bin")
                            ? Fixtures.bytes(dir, name, binary(true))
                            : Fixtures.text(dir, name, GLOVE);
            WordVectors v = VectorReader.read(file, Set.of("café", "the", "absent")::contains);
            assertEquals(List.of("the", "café"), v.words(), name);
            assertArrayEquals(new float[] {-1.5f, 0.25f, 1.0e-5f}, v.vector(1), 0f);
            assertEquals(-1, v.index("of"));
            assertEquals(0, VectorReader.read(file, w -> false).size());
        }
    }

    @Test
    void duplicatesKeepTheFirstAndAreCounted() throws Exception {
        String text = "a 1 2\nb 3 4\na 5 6\nb 7 8\na 9 9\n";
        WordVectors glove = VectorReader.read(Fixtures.text(dir, "dup.txt", text));
        assertEquals(List.of("a", "b"), glove.words());
        assertArrayEquals(new float[] {1, 2}, glove.vector("a"), 0f);
        assertEquals(3, glove.duplicatesSkipped());
        byte[] bin =
                new Fixtures.Binary()
                        .header(3, 2)
                        .word("x", 1, 2)
                        .word("y", 3, 4)
                        .word("x", 5, 6)
                        .toBytes();
        WordVectors w2v = VectorReader.read(Fixtures.bytes(dir, "dup.bin", bin));
        assertEquals(List.of("x", "y"), w2v.words());
        assertArrayEquals(new float[] {1, 2}, w2v.vector("x"), 0f);
        assertEquals(1, w2v.duplicatesSkipped());
    }

    @Test
    void realGoogleNewsBinaryEqualsItsTextTwinExactly() throws Exception {
        Path bin = RealData.googleNewsBinary();
        Path txt = RealData.googleNewsText();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.exists(bin) && java.nio.file.Files.exists(txt));
        WordVectors binary = VectorReader.read(bin);
        WordVectors text = VectorReader.read(txt);
        assertEquals(VectorFormat.WORD2VEC_BINARY, binary.format());
        assertEquals(VectorFormat.WORD2VEC_TEXT, text.format());
        assertEquals(30, binary.size());
        assertEquals(300, binary.dim());
        assertEquals(text.words(), binary.words());
        assertEquals("Morgan_Freeman", binary.word(0));
        // The text twin holds the binary floats printed with C's %f (6 decimals), so the binary
        // values rounded to 6 decimals must read as exactly the text values (delta 0).
        for (int i = 0; i < binary.size(); i++) {
            float[] b = binary.vector(i);
            float[] rounded = new float[b.length];
            for (int j = 0; j < b.length; j++) {
                rounded[j] = new BigDecimal(b[j]).setScale(6, RoundingMode.HALF_EVEN).floatValue();
                assertEquals(b[j], text.vector(i)[j], 6e-7, binary.word(i));
            }
            assertArrayEquals(text.vector(i), rounded, 0f, binary.word(i));
        }
        assertEquals(0.044423304f, binary.vector("Morgan_Freeman")[0], 0f);
        assertEquals(0.044423f, text.vector("Morgan_Freeman")[0], 0f);
    }

    @Test
    void realGloveSampleLoads() throws Exception {
        Path glove = RealData.glove();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(glove));
        assertEquals(VectorFormat.GLOVE, VectorReader.detect(glove));
        WordVectors v = VectorReader.read(glove);
        assertEquals(100_000, v.size());
        assertEquals(100, v.dim());
        assertEquals("the", v.word(0));
        assertEquals(-0.038194f, v.vector("the")[0], 0f);
        assertEquals(-0.24487f, v.vector("the")[1], 0f);
        assertEquals(0, v.duplicatesSkipped());
        List<Neighbor> answer =
                new VectorSearch(v).analogy("man", "king", "woman", 5, AnalogyMethod.ADD);
        assertEquals("queen", answer.get(0).word());
        WordVectors few = VectorReader.read(glove, Set.of("king", "queen", "zzzz")::contains);
        assertEquals(List.of("king", "queen"), few.words());
        assertArrayEquals(v.vector("queen"), few.vector("queen"), 0f);
        assertTrue(few.vector("king")[0] != 0f);
    }
}
