package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    private static WordVectors small() {
        return WordVectors.of(
                List.of("Paris", "paris", "Berlin", "rome"),
                new float[] {1, 2, 3, 4, 5, 6, 7, 8},
                2,
                VectorFormat.WORD2VEC_TEXT);
    }

    @Test
    void accessorsAndLookup() {
        WordVectors v = small();
        assertEquals(4, v.size());
        assertEquals(2, v.dim());
        assertEquals(VectorFormat.WORD2VEC_TEXT, v.format());
        assertEquals("Berlin", v.word(2));
        assertEquals(1, v.index("paris"));
        assertEquals(-1, v.index("berlin"));
        assertEquals(2, v.lookup("Berlin", false));
        assertEquals(-1, v.lookup("ROME", false));
        assertEquals(3, v.lookup("ROME", true));
        assertEquals(0, v.lookup("Paris", true));
        assertArrayEquals(new float[] {5, 6}, v.vector("Berlin"), 0f);
        assertNull(v.vector("Madrid"));
        float[] dst = new float[5];
        v.copyVector(3, dst, 3);
        assertArrayEquals(new float[] {0, 0, 0, 7, 8}, dst, 0f);
        assertThrows(IllegalArgumentException.class, () -> v.copyVector(0, dst, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> v.vector(4));
        assertThrows(UnsupportedOperationException.class, () -> v.words().add("x"));
    }

    @Test
    void vectorsAreCopiesAndTheInputMatrixIsCopied() {
        float[] m = {1, 2};
        WordVectors v = WordVectors.of(List.of("a"), m, 2, VectorFormat.GLOVE);
        m[0] = 99;
        v.vector(0)[1] = 99;
        assertArrayEquals(new float[] {1, 2}, v.vector(0), 0f);
    }

    @Test
    void ofValidatesSizesAndUniqueness() {
        IllegalArgumentException size =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                WordVectors.of(
                                        List.of("a", "b"), new float[3], 2, VectorFormat.GLOVE));
        assertTrue(size.getMessage().contains("holds 3"), size.getMessage());
        IllegalArgumentException dup =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                WordVectors.of(
                                        List.of("a", "b", "a"),
                                        new float[3],
                                        1,
                                        VectorFormat.GLOVE));
        assertTrue(
                dup.getMessage().contains("\"a\" appears twice, at indices 0 and 2"),
                dup.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> WordVectors.of(List.of(), new float[0], 0, VectorFormat.GLOVE));
        assertThrows(
                IllegalArgumentException.class,
                () -> WordVectors.of(List.of(""), new float[1], 1, VectorFormat.GLOVE));
        assertThrows(
                NullPointerException.class,
                () ->
                        WordVectors.of(
                                java.util.Arrays.asList("a", null),
                                new float[2],
                                1,
                                VectorFormat.GLOVE));
    }

    @Test
    void manyWordsIndexCorrectly() {
        List<String> words = new ArrayList<>();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
        }
        float[] m = new float[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        WordVectors v = WordVectors.of(words, m, 1, VectorFormat.GLOVE);
        for (int i = 0; i < n; i++) {
            assertEquals(i, v.index("w" + i));
            assertEquals(i, v.vector(i)[0], 0f);
        }
        assertEquals(-1, v.index("w" + n));
    }

    @Test
    void formatIds() {
        assertEquals("glove", VectorFormat.GLOVE.id());
        assertEquals("word2vec", VectorFormat.WORD2VEC_TEXT.id());
        assertEquals("word2vec-bin", VectorFormat.WORD2VEC_BINARY.id());
        assertEquals("fasttext", VectorFormat.FASTTEXT.id());
    }
}
