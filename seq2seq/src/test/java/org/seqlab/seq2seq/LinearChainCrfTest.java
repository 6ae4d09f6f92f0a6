package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearChainCrfTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Creates a CRF under "crf" and gives it random parameters in [-1, 1]. */
    private static LinearChainCrf randomCrf(
            NamedParameters params, CrfConstraints c, SplittableRandom r) {
        LinearChainCrf crf = LinearChainCrf.create(params, "crf", c);
        for (String name : List.of("crf.transitions", "crf.start", "crf.end")) {
            NDArray p = params.get(name);
            float[] v = new float[(int) p.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextDouble(-1, 1);
            }
            NamedParameters.assign(p, params.manager().create(v, p.getShape()));
        }
        return crf;
    }

    private static BruteForceCrf brute(
            NamedParameters params, PaddedTagBatch batch, int b, DataType type, CrfConstraints c) {
        int k = batch.k();
        float[] t = params.get("crf.transitions").toFloatArray();
        double[][] moves = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                moves[i][j] = t[i * k + j];
            }
        }
        return new BruteForceCrf(
                batch.sentence(b, type),
                moves,
                toDouble(params.get("crf.start").toFloatArray()),
                toDouble(params.get("crf.end").toFloatArray()),
                c);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /**
     * Checks log Z, the NLL, the best path and its score against enumeration. Float64 agrees to
     * 1e-9; float32 holds 1e-5 at these sizes (log Z below ~15, a few ulps of error per step).
     */
    private void checkAgainstBruteForce(DataType type, double tolerance, CrfConstraints c, int k) {
        SplittableRandom r = new SplittableRandom(k * 31L + (type == DataType.FLOAT32 ? 1 : 0));
        for (int steps = 1; steps <= 4; steps++) {
            long[] lengths = {steps, 1, Math.max(1, steps - 1)};
            PaddedTagBatch batch = PaddedTagBatch.random(r, k, steps, lengths);
            NamedParameters params = new NamedParameters(manager, steps);
            LinearChainCrf crf = randomCrf(params, c, r);
            NDArray e = batch.emissionArray(manager, type);
            NDArray len = manager.create(lengths);
            double[] logZ = toDouble64(crf.logPartition(e, len));
            double[] nll = toDouble64(crf.negativeLogLikelihood(e, batch.tagArray(manager), len));
            LinearChainCrf.BestPaths best = crf.decode(e, len);
            for (int b = 0; b < lengths.length; b++) {
                BruteForceCrf ref = brute(params, batch, b, type, c);
                String where = "T=" + steps + " K=" + k + " sentence " + b;
                assertEquals(ref.logPartition, logZ[b], tolerance, where);
                int[] gold = batch.gold(b);
                if (c.allows(gold)) {
                    assertEquals(ref.logPartition - ref.score(gold), nll[b], tolerance, where);
                } else {
                    // A forbidden gold path pays the penalty per forbidden move; float32 cannot
                    // hold 1e4 + x to 1e-5, so compare relative to the loss's size.
                    double expected = ref.logPartition - ref.score(gold) - forbidden(c, gold);
                    assertEquals(expected, nll[b], tolerance * Math.abs(expected), where);
                }
                assertArrayEquals(ref.best, best.paths()[b], where);
                assertEquals(ref.bestScore, best.scores()[b], tolerance, where);
            }
        }
    }

    /** Returns the total penalty of the forbidden moves of {@code path}. */
    private static double forbidden(CrfConstraints c, int[] path) {
        int moves = (c.start()[path[0]] ? 0 : 1) + (c.end()[path[path.length - 1]] ? 0 : 1);
        for (int t = 1; t < path.length; t++) {
            moves += c.allowed()[path[t - 1]][path[t]] ? 0 : 1;
        }
        return moves * (double) LinearChainCrf.FORBIDDEN;
    }

    private static double[] toDouble64(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    @Test
    void partitionNllAndBestPathMatchEnumerationInFloat64() {
        for (int k = 3; k <= 4; k++) {
            checkAgainstBruteForce(DataType.FLOAT64, 1e-9, CrfConstraints.none(k), k);
        }
    }

    @Test
    void partitionNllAndBestPathMatchEnumerationInFloat32() {
        for (int k = 3; k <= 4; k++) {
            checkAgainstBruteForce(DataType.FLOAT32, 1e-5, CrfConstraints.none(k), k);
        }
    }

    @Test
    void constrainedPartitionCountsOnlyAllowedPaths() {
        boolean[][] allowed = {{true, false, true}, {true, true, false}, {false, true, true}};
        CrfConstraints c =
                new CrfConstraints(
                        allowed,
                        new boolean[] {true, false, true},
                        new boolean[] {true, true, false});
        checkAgainstBruteForce(DataType.FLOAT64, 1e-9, c, 3);
        checkAgainstBruteForce(DataType.FLOAT32, 1e-5, c, 3);
    }

    @Test
    void viterbiNeverMakesAForbiddenMoveEvenWhenEmissionsPreferIt() {
        List<String> labels = List.of("O", "B-X", "I-X", "B-Y", "I-Y");
        CrfConstraints c = CrfConstraints.iob2(labels);
        NamedParameters params = new NamedParameters(manager, 4);
        LinearChainCrf crf = randomCrf(params, c, new SplittableRandom(4));
        // Emissions shout I-X at the start, then O, I-Y, I-X: every move they prefer is forbidden.
        double[][][] e = new double[1][4][5];
        int[] shouted = {2, 0, 4, 2};
        for (int t = 0; t < 4; t++) {
            e[0][t][shouted[t]] = 50;
        }
        PaddedTagBatch batch =
                new PaddedTagBatch(e, new long[][] {{1, 0, 3, 4}}, new long[] {4}, 5);
        NDArray emissions = batch.emissionArray(manager, DataType.FLOAT32);
        LinearChainCrf.BestPaths best = crf.decode(emissions, manager.create(new long[] {4}));
        int[] path = best.paths()[0];
        assertTrue(c.allows(path), java.util.Arrays.toString(path));
        BruteForceCrf ref = brute(params, batch, 0, DataType.FLOAT32, c);
        assertArrayEquals(ref.best, path);
        assertEquals(ref.bestScore, best.scores()[0], 1e-4);
        double logZ = crf.logPartition(emissions, manager.create(new long[] {4})).getFloat(0);
        assertEquals(ref.logPartition, logZ, 1e-4);
    }

    @Test
    void paddingChangesNeitherLossNorPathNorGetsGradient() {
        SplittableRandom r = new SplittableRandom(7);
        long[] lengths = {2, 4, 1};
        PaddedTagBatch a = PaddedTagBatch.random(r, 3, 4, lengths);
        PaddedTagBatch b = PaddedTagBatch.random(new SplittableRandom(8), 3, 4, lengths);
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < lengths[s]; t++) {
                b.emissions()[s][t] = a.emissions()[s][t].clone();
                b.tags()[s][t] = a.tags()[s][t];
            }
            for (int t = (int) lengths[s]; t < 4; t++) {
                b.emissions()[s][t][0] = Double.NaN;
                b.emissions()[s][t][1] = Double.POSITIVE_INFINITY;
            }
        }
        NamedParameters params = new NamedParameters(manager, 1);
        LinearChainCrf crf = randomCrf(params, CrfConstraints.none(3), r);
        NDArray len = manager.create(lengths);
        float[] lossA =
                crf.negativeLogLikelihood(
                                a.emissionArray(manager, DataType.FLOAT32),
                                a.tagArray(manager),
                                len)
                        .toFloatArray();
        NDArray eb = b.emissionArray(manager, DataType.FLOAT32);
        eb.setRequiresGradient(true);
        NDArray lossB;
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            lossB = crf.negativeLogLikelihood(eb, b.tagArray(manager), len);
            gc.backward(lossB.sum());
        }
        assertArrayEquals(lossA, lossB.toFloatArray(), 0f);
        float[] grad = eb.getGradient().toFloatArray();
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 4; t++) {
                for (int j = 0; j < 3; j++) {
                    float g = grad[(s * 4 + t) * 3 + j];
                    assertTrue(Float.isFinite(g), "finite gradient");
                    if (t >= lengths[s]) {
                        assertEquals(0f, g, "padding of sentence " + s + " at " + t);
                    }
                }
            }
        }
        LinearChainCrf.BestPaths pa = crf.decode(a.emissionArray(manager, DataType.FLOAT32), len);
        LinearChainCrf.BestPaths pb = crf.decode(eb, len);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(pa.paths()[s], pb.paths()[s]);
            assertEquals(lengths[s], pb.paths()[s].length);
        }
        assertArrayEquals(pa.scores(), pb.scores(), 0);
    }

    @Test
    void gradientIsExpectedMinusObservedCounts() {
        SplittableRandom r = new SplittableRandom(11);
        long[] lengths = {3, 4, 1};
        PaddedTagBatch batch = PaddedTagBatch.random(r, 3, 4, lengths);
        NamedParameters params = new NamedParameters(manager, 2);
        LinearChainCrf crf = randomCrf(params, CrfConstraints.none(3), r);
        NDArray e = batch.emissionArray(manager, DataType.FLOAT64);
        e.setRequiresGradient(true);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray loss =
                    crf.negativeLogLikelihood(e, batch.tagArray(manager), manager.create(lengths));
            gc.backward(loss.mean());
        }
        double[] grad = e.getGradient().toDoubleArray();
        double[][] moves = new double[3][3];
        for (int b = 0; b < 3; b++) {
            BruteForceCrf ref = brute(params, batch, b, DataType.FLOAT64, CrfConstraints.none(3));
            int[] gold = batch.gold(b);
            for (int t = 0; t < 4; t++) {
                for (int j = 0; j < 3; j++) {
                    double expected =
                            t < lengths[b] ? (ref.marginals[t][j] - (gold[t] == j ? 1 : 0)) / 3 : 0;
                    assertEquals(expected, grad[(b * 4 + t) * 3 + j], 1e-4, b + "," + t + "," + j);
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    moves[i][j] += ref.moveCounts[i][j] / 3;
                }
            }
            for (int t = 1; t < gold.length; t++) {
                moves[gold[t - 1]][gold[t]] -= 1.0 / 3;
            }
        }
        float[] moveGrad = params.get("crf.transitions").getGradient().toFloatArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(moves[i][j], moveGrad[i * 3 + j], 1e-4, "transition " + i + j);
            }
        }
    }

    @Test
    void savedParametersLoadIntoTheSameDecoder(@TempDir Path dir) throws IOException {
        CrfConstraints c = CrfConstraints.iob2(List.of("O", "B-X", "I-X"));
        SplittableRandom r = new SplittableRandom(5);
        NamedParameters params = new NamedParameters(manager, 5);
        LinearChainCrf crf = randomCrf(params, c, r);
        PaddedTagBatch batch = PaddedTagBatch.random(r, 3, 4, new long[] {4, 2, 3});
        NDArray e = batch.emissionArray(manager, DataType.FLOAT32);
        NDArray len = manager.create(new int[] {4, 2, 3});
        LinearChainCrf.BestPaths before = crf.decode(e, len);
        Path file = dir.resolve("crf.safetensors");
        params.save(file);

        NamedParameters loaded = new NamedParameters(manager, 99);
        LinearChainCrf.create(loaded, "crf", c);
        loaded.load(file);
        LinearChainCrf found = LinearChainCrf.find(loaded, "crf", c);
        LinearChainCrf.BestPaths after = found.decode(e, len);
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(before.paths()[b], after.paths()[b]);
        }
        assertArrayEquals(before.scores(), after.scores(), 0);
        assertEquals(3, LinearChainCrf.find(loaded, "crf").tags());
        assertThrows(IllegalArgumentException.class, () -> LinearChainCrf.find(loaded, "nope"));
        assertThrows(
                IllegalArgumentException.class,
                () -> LinearChainCrf.find(loaded, "crf", CrfConstraints.none(4)));
    }

    @Test
    void learnsTransitionsWhenEmissionsAreAmbiguous() {
        // Only the first token's emission says anything; after it the gold tag cycles 0 -> 1 -> 2
        // -> 0, so only learnt transitions can get positions 1.. right.
        int k = 3;
        int steps = 4;
        double[][][] e = new double[k][steps][k];
        long[][] y = new long[k][steps];
        for (int b = 0; b < k; b++) {
            e[b][0][b] = 2;
            for (int t = 0; t < steps; t++) {
                y[b][t] = (b + t) % k;
            }
        }
        PaddedTagBatch batch = new PaddedTagBatch(e, y, new long[] {4, 4, 3}, k);
        NamedParameters params = new NamedParameters(manager, 3);
        LinearChainCrf crf = LinearChainCrf.create(params, "crf", k);
        NDArray emissions = batch.emissionArray(manager, DataType.FLOAT32);
        NDArray tags = batch.tagArray(manager);
        NDArray len = manager.create(batch.lengths());
        try (AdamOptimizer adam = AdamOptimizer.defaults(params, 0)) {
            for (int step = 0; step < 40; step++) {
                try (NDManager m = manager.newSubManager();
                        GradientCollector gc = manager.getEngine().newGradientCollector()) {
                    NDArray x = emissions.duplicate();
                    x.attach(m);
                    gc.backward(crf.negativeLogLikelihood(x, tags, len).mean());
                }
                adam.step(0.1f);
            }
        }
        LinearChainCrf.BestPaths best = crf.decode(emissions, len);
        for (int b = 0; b < k; b++) {
            assertArrayEquals(batch.gold(b), best.paths()[b], "sentence " + b);
        }
    }

    @Test
    void rejectsBadInputNamingIt() {
        LinearChainCrf crf = LinearChainCrf.create(new NamedParameters(manager, 1), "crf", 3);
        NDArray e = manager.zeros(new Shape(2, 3, 3));
        NDArray tags = manager.zeros(new Shape(2, 3), DataType.INT64);
        IllegalArgumentException zero =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> crf.negativeLogLikelihood(e, tags, manager.create(new int[] {2, 0})));
        assertTrue(zero.getMessage().contains("Length 0 of sequence 1"), zero.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> crf.decode(e, manager.create(new long[] {4, 1})));
        assertThrows(
                IllegalArgumentException.class,
                () -> crf.decode(e, manager.create(new long[] {1, 1, 1})));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        crf.decode(
                                manager.zeros(new Shape(2, 3, 4)),
                                manager.create(new long[] {1, 1})));
        NDArray badTags = manager.create(new long[] {0, 3, 0, 0, 0, 0}, new Shape(2, 3));
        IllegalArgumentException tag =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                crf.negativeLogLikelihood(
                                        e, badTags, manager.create(new int[] {2, 1})));
        assertTrue(
                tag.getMessage().contains("Tag 3 at position 1 of sentence 0"), tag.getMessage());
    }
}
