package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorSearchTest {

    /** cos(a, b) = 0.8, cos(a, c) = 0, cos(a, d) = -1; norms differ on purpose. */
    private static final WordVectors PLANE =
            WordVectors.of(
                    List.of("a", "b", "c", "d"),
                    new float[] {1, 0, 0.8f, 0.6f, 0, 2, -3, 0},
                    2,
                    VectorFormat.GLOVE);

    /** Axis 1: male (+) / female (-); axis 2: royal; axis 3: person. king - man + woman = queen. */
    private static final WordVectors ROYALS =
            WordVectors.of(
                    List.of("man", "woman", "king", "queen", "princess", "apple", "prince"),
                    new float[] {
                        1, 0, 1, -1, 0, 1, 1, 1, 1, -1, 1, 1, -1, 0.6f, 1.4f, 0, 0, -1, 1, 0.9f,
                        1.1f
                    },
                    3,
                    VectorFormat.GLOVE);

    private static String words(List<Neighbor> neighbors) {
        return neighbors.stream().map(Neighbor::word).reduce((x, y) -> x + " " + y).orElse("");
    }

    @Test
    void nearestIsCosineWithoutTheQueryWord() {
        VectorSearch search = new VectorSearch(PLANE);
        List<Neighbor> n = search.nearest("a", 3);
        assertEquals("b c d", words(n));
        assertEquals(0.8, n.get(0).similarity(), 1e-6);
        assertEquals(0.0, n.get(1).similarity(), 1e-6);
        assertEquals(-1.0, n.get(2).similarity(), 1e-6);
        assertEquals("b", words(search.nearest("a", 1)));
        assertEquals(3, search.nearest("a", 100).size());
        assertEquals("c b a", words(search.nearest("d", 3)));
    }

    @Test
    void nearestToAVectorHonoursExclusions() {
        VectorSearch search = new VectorSearch(PLANE);
        List<Neighbor> n = search.nearest(new float[] {0, 5}, 2, Set.of("c", "unknown"));
        assertEquals("b a", words(n));
        assertEquals(0.6, n.get(0).similarity(), 1e-6);
        assertEquals(0.0, n.get(1).similarity(), 1e-6);
        assertEquals("c b", words(search.nearest(new float[] {0, 1}, 2, Set.of())));
    }

    private static double cos(float[] x, double[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int j = 0; j < x.length; j++) {
            dot += x[j] * y[j];
            nx += x[j] * x[j];
            ny += y[j] * y[j];
        }
        return dot / Math.sqrt(nx * ny);
    }

    private static double[] unit(float[] x) {
        double n = 0;
        for (float v : x) {
            n += v * v;
        }
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] / Math.sqrt(n);
        }
        return out;
    }

    @Test
    void analogyAddFindsQueenWithTheExpectedCosine() {
        List<Neighbor> answers =
                new VectorSearch(ROYALS).analogy("man", "king", "woman", 4, AnalogyMethod.ADD);
        assertEquals("queen princess prince apple", words(answers));
        double[] k = unit(ROYALS.vector("king"));
        double[] m = unit(ROYALS.vector("man"));
        double[] w = unit(ROYALS.vector("woman"));
        double[] target = new double[3];
        for (int j = 0; j < 3; j++) {
            target[j] = k[j] - m[j] + w[j];
        }
        for (Neighbor n : answers) {
            assertEquals(cos(ROYALS.vector(n.word()), target), n.similarity(), 1e-6, n.word());
        }
    }

    @Test
    void analogyMulUsesShiftedCosinesAndEpsilon() {
        List<Neighbor> answers =
                new VectorSearch(ROYALS).analogy("man", "king", "woman", 4, AnalogyMethod.MUL);
        assertEquals("queen princess prince apple", words(answers));
        for (Neighbor n : answers) {
            float[] x = ROYALS.vector(n.word());
            double cb = (cos(x, unit(ROYALS.vector("king"))) + 1) / 2;
            double cc = (cos(x, unit(ROYALS.vector("woman"))) + 1) / 2;
            double ca = (cos(x, unit(ROYALS.vector("man"))) + 1) / 2;
            assertEquals(cb * cc / (ca + 0.001), n.similarity(), 1e-5, n.word());
        }
        // queen: cos with king 1/3, with woman 2/sqrt(6), with man 0.
        double queen = (1 / 3.0 + 1) / 2 * ((2 / Math.sqrt(6) + 1) / 2) / (0.5 + 0.001);
        assertEquals(queen, answers.get(0).similarity(), 1e-5);
    }

    @Test
    void badArgumentsAreRejectedWithTheValue() {
        VectorSearch search = new VectorSearch(ROYALS);
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> search.nearest("duke", 3));
        assertTrue(unknown.getMessage().contains("\"duke\""), unknown.getMessage());
        IllegalArgumentException k =
                assertThrows(IllegalArgumentException.class, () -> search.nearest("king", 0));
        assertTrue(k.getMessage().contains("was 0"), k.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> search.analogy("man", "king", "duchess", 3, AnalogyMethod.MUL));
        assertThrows(
                IllegalArgumentException.class,
                () -> search.analogy("man", "king", "woman", -1, AnalogyMethod.ADD));
        assertThrows(
                IllegalArgumentException.class,
                () -> search.nearest(new float[] {1, 2}, 3, Set.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> search.nearest(new float[] {0, 0, 0}, 3, Set.of()));
    }
}
