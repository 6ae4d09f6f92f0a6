package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seqlab.tokenizers.Vocabulary;

class VectorAlignmentTest {

    /** 2000 words x 50 values drawn from N(0.3, 2.0). */
    private static WordVectors gaussian() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> words = new ArrayList<>();
        int n = 2000;
        int dim = 50;
        float[] m = new float[n * dim];
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
        }
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (0.3 + 2.0 * random.nextGaussian());
        }
        words.set(0, "the");
        words.set(1, "paris");
        return WordVectors.of(words, m, dim, VectorFormat.GLOVE);
    }

    @Test
    void exactLowercaseAndMissingRowsWithCoverage() {
        WordVectors v = gaussian();
        Vocabulary vocab = Vocabulary.of(List.of("the", "Paris", "w5", "nowhere", "THE"));
        Aligned lower = VectorAlignment.align(v, vocab, UnknownInit.ZEROS, 1, true);
        float[][] w = lower.weights();
        assertEquals(9, w.length);
        assertEquals(50, w[0].length);
        assertArrayEquals(v.vector("the"), w[4], 0f);
        assertArrayEquals(v.vector("paris"), w[5], 0f);
        assertArrayEquals(v.vector("w5"), w[6], 0f);
        assertArrayEquals(new float[50], w[7], 0f);
        assertArrayEquals(v.vector("the"), w[8], 0f);
        for (int id = 0; id < 4; id++) {
            assertArrayEquals(new float[50], w[id], 0f);
        }
        assertEquals(new Coverage(5, 2, 2, 1), lower.coverage());
        Aligned exactOnly = VectorAlignment.align(v, vocab, UnknownInit.ZEROS, 1, false);
        assertEquals(new Coverage(5, 2, 0, 3), exactOnly.coverage());
        assertArrayEquals(new float[50], exactOnly.weights()[5], 0f);
    }

    @Test
    void randomRowsFollowTheMatrixMeanAndStdAndPadStaysZero() {
        WordVectors v = gaussian();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            unknown.add("unknown" + i);
        }
        Vocabulary vocab = Vocabulary.of(unknown);
        Aligned a = VectorAlignment.align(v, vocab, UnknownInit.RANDOM, 42, false);
        assertArrayEquals(new float[50], a.weights()[Vocabulary.PAD_ID], 0f);
        assertNotEquals(0f, a.weights()[Vocabulary.UNK_ID][0]);
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int id = 1; id < vocab.size(); id++) {
            for (float x : a.weights()[id]) {
                sum += x;
                squares += x * x;
                count++;
            }
        }
        double mean = sum / count;
        double std = Math.sqrt(squares / count - mean * mean);
        double[] expected = VectorAlignment.meanAndStd(v.matrix());
        assertEquals(0.3, expected[0], 0.02);
        assertEquals(2.0, expected[1], 0.02);
        assertEquals(expected[0], mean, 0.02);
        assertEquals(expected[1], std, 0.02);
        assertEquals(new Coverage(1000, 0, 0, 1000), a.coverage());
        Aligned again = VectorAlignment.align(v, vocab, UnknownInit.RANDOM, 42, false);
        assertArrayEquals(a.weights()[7], again.weights()[7], 0f);
        Aligned other = VectorAlignment.align(v, vocab, UnknownInit.RANDOM, 43, false);
        assertNotEquals(a.weights()[7][0], other.weights()[7][0]);
    }

    @Test
    void coverageSummary() {
        Coverage c = new Coverage(30000, 27000, 360, 2640);
        assertEquals(0.912, c.fraction(), 1e-9);
        assertEquals(
                "coverage 91.2% of 30000 (27000 exact, 360 via lowercase, 2640 missing)",
                c.toString());
        assertEquals(0.0, new Coverage(0, 0, 0, 0).fraction());
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Coverage(10, 5, 5, 5));
    }
}
