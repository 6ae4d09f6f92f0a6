package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceEncoderTest {

    private static final int V = 11;
    private static final int E = 3;
    private static final int H = 4;

    /** Token id used only as padding, never in a real position. */
    private static final long PAD = 10;

    /** Real tokens of four sequences of different lengths. */
    private static final long[][] SEQUENCES = {{1, 2, 3}, {4, 5, 6, 7, 8}, {9, 1}, {3, 3, 2, 1, 5}};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static Stream<Arguments> everyConfiguration() {
        List<Arguments> all = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                for (PoolingType pooling : PoolingType.values()) {
                    all.add(Arguments.of(cell, bidirectional, pooling));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyConfiguration")
    void paddingNeverChangesTheEncoding(CellType cell, boolean bidirectional, PoolingType pooling) {
        NamedParameters params = new NamedParameters(manager, 17);
        SequenceEncoder encoder =
                new SequenceEncoder(params, "enc", cell, V, E, H, 2, bidirectional, 0.3f, pooling);
        int t = 7; // longer than every sequence, so every row has padding
        NDArray batch = encoder.encode(padded(t), lengths(), false);
        assertEquals(new Shape(SEQUENCES.length, encoder.outputSize()), batch.getShape());
        int expectedSize = H * (bidirectional ? 2 : 1) * (pooling == PoolingType.MAX_MEAN ? 2 : 1);
        assertEquals(expectedSize, encoder.outputSize());
        for (int b = 0; b < SEQUENCES.length; b++) {
            long[] s = SEQUENCES[b];
            NDArray alone =
                    encoder.encode(
                            manager.create(s, new Shape(1, s.length)),
                            manager.create(new long[] {s.length}),
                            false);
            assertArrayEquals(
                    alone.toFloatArray(), batch.get(b).toFloatArray(), 1e-5f, "sequence " + b);
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void eachDirectionMatchesAHandRunOverItsOwnTokens(CellType cell) {
        NamedParameters params = new NamedParameters(manager, 5);
        SequenceEncoder encoder =
                new SequenceEncoder(params, "enc", cell, V, E, H, 1, true, 0, PoolingType.MEAN);
        int t = 6;
        float[] states = encoder.states(padded(t), lengths(), false).toFloatArray();
        float[] emb = encoder.embeddingWeight().toFloatArray();
        for (int b = 0; b < SEQUENCES.length; b++) {
            long[] s = SEQUENCES[b];
            for (int d = 0; d < 2; d++) {
                String base = "enc.rnn.l0." + (d == 0 ? "fwd" : "bwd") + ".l0";
                float[] wih = params.get(base + ".w_ih").toFloatArray();
                float[] whh = params.get(base + ".w_hh").toFloatArray();
                float[] bih = params.get(base + ".b_ih").toFloatArray();
                float[] bhh = params.get(base + ".b_hh").toFloatArray();
                float[] peep = RecurrentStackTest.peephole(params, base, cell);
                double[] h = new double[H];
                double[] c = new double[H];
                for (int step = 0; step < s.length; step++) {
                    // The backward direction reads the real tokens last to first.
                    int pos = d == 0 ? step : s.length - 1 - step;
                    double[] x = new double[E];
                    for (int j = 0; j < E; j++) {
                        x[j] = emb[(int) s[pos] * E + j];
                    }
                    ReferenceRnn.step(cell, x, h, c, wih, whh, bih, bhh, peep);
                    for (int k = 0; k < H; k++) {
                        float actual = states[(b * t + pos) * 2 * H + d * H + k];
                        assertEquals(h[k], actual, 1e-5, "seq " + b + " dir " + d + " pos " + pos);
                    }
                }
                for (int pos = s.length; pos < t; pos++) {
                    for (int k = 0; k < 2 * H; k++) {
                        assertEquals(0f, states[(b * t + pos) * 2 * H + k], "padding " + pos);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void unpaddedSequenceMatchesTheBidirectionalStack(CellType cell) {
        NamedParameters params = new NamedParameters(manager, 9);
        SequenceEncoder encoder =
                new SequenceEncoder(params, "enc", cell, V, E, H, 3, true, 0, PoolingType.MAX);
        NamedParameters refParams = new NamedParameters(manager, 1);
        RecurrentStack fused = new RecurrentStack(refParams, "ref", cell, E, H, 3, true, 0);
        for (int k = 0; k < 3; k++) {
            for (String w : new String[] {"w_ih", "w_hh", "b_ih", "b_hh", "peephole"}) {
                if (w.equals("peephole") && cell != CellType.LSTM_PEEPHOLE) {
                    continue;
                }
                NamedParameters.assign(
                        refParams.get("ref.l" + k + "." + w),
                        params.get("enc.rnn.l" + k + ".fwd.l0." + w));
                NamedParameters.assign(
                        refParams.get("ref.l" + k + ".reverse." + w),
                        params.get("enc.rnn.l" + k + ".bwd.l0." + w));
            }
        }
        long[] s = SEQUENCES[1];
        NDArray ids = manager.create(s, new Shape(1, s.length));
        NDArray x =
                Embedding.embedding(ids, encoder.embeddingWeight(), SparseFormat.DENSE)
                        .singletonOrThrow();
        float[] expected = fused.forward(x, null, false).sequence().toFloatArray();
        float[] actual =
                encoder.states(ids, manager.create(new long[] {s.length}), false).toFloatArray();
        assertArrayEquals(expected, actual, 1e-5f);
    }

    @Test
    void paddingTokensGetNoGradient() {
        NamedParameters params = new NamedParameters(manager, 4);
        SequenceEncoder encoder =
                new SequenceEncoder(
                        params, "enc", CellType.LSTM, V, E, H, 2, true, 0, PoolingType.ATTENTION);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray out = encoder.encode(padded(6), lengths(), true);
            gc.backward(out.mul(out).sum());
        }
        float[] grad = encoder.embeddingWeight().getGradient().toFloatArray();
        for (int j = 0; j < E; j++) {
            assertEquals(0f, grad[(int) PAD * E + j], "padding embedding " + j);
            assertTrue(grad[E + j] != 0f, "a real token's embedding gets a gradient");
        }
    }

    @Test
    void wordDropoutDropsWholeWordsInTrainingOnly() {
        int n = 200;
        NamedParameters params = new NamedParameters(manager, 8);
        SequenceEncoder encoder =
                new SequenceEncoder(
                        params, "enc", CellType.GRU, n + 1, E, H, 1, true, 0, PoolingType.MAX_MEAN);
        long[] distinct = new long[n];
        for (int i = 0; i < n; i++) {
            distinct[i] = i + 1;
        }
        NDArray ids = manager.create(distinct, new Shape(1, n));
        NDArray len = manager.create(new long[] {n});
        assertArrayEquals(
                encoder.encode(ids, len, false).toFloatArray(),
                encoder.encode(ids, len, false, 0.9f).toFloatArray());
        assertEquals(0, droppedWords(encoder, ids, len, 0f, n));
        manager.getEngine().setRandomSeed(3);
        int dropped = droppedWords(encoder, ids, len, 0.5f, n);
        assertTrue(dropped > 60 && dropped < 140, dropped + " of " + n + " words dropped");
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(ids, len, true, 1f));
    }

    /** Returns how many of the n distinct words got no embedding gradient in one training pass. */
    private static int droppedWords(
            SequenceEncoder encoder, NDArray ids, NDArray len, float p, int n) {
        NDArray weight = encoder.embeddingWeight();
        weight.getGradient().muli(0);
        try (GradientCollector gc = ids.getManager().getEngine().newGradientCollector()) {
            NDArray out = encoder.encode(ids, len, true, p);
            gc.backward(out.sum());
        }
        float[] grad = weight.getGradient().toFloatArray();
        int zero = 0;
        for (int w = 1; w <= n; w++) {
            boolean none = true;
            for (int j = 0; j < E; j++) {
                none &= grad[w * E + j] == 0f;
            }
            zero += none ? 1 : 0;
        }
        return zero;
    }

    @Test
    void attentionWeightsAreZeroOnPadding() {
        NamedParameters params = new NamedParameters(manager, 6);
        SequenceEncoder encoder =
                new SequenceEncoder(
                        params, "enc", CellType.GRU, V, E, H, 1, true, 0, PoolingType.ATTENTION);
        float[] w = encoder.attentionWeights(padded(6), lengths()).toFloatArray();
        for (int b = 0; b < SEQUENCES.length; b++) {
            double sum = 0;
            for (int t = 0; t < 6; t++) {
                if (t < SEQUENCES[b].length) {
                    sum += w[b * 6 + t];
                } else {
                    assertEquals(0f, w[b * 6 + t]);
                }
            }
            assertEquals(1.0, sum, 1e-6);
        }
        SequenceEncoder meanEncoder =
                new SequenceEncoder(
                        params, "m", CellType.GRU, V, E, H, 1, false, 0, PoolingType.MEAN);
        assertThrows(
                IllegalStateException.class,
                () -> meanEncoder.attentionWeights(padded(6), lengths()));
    }

    @Test
    void pretrainedVectorsCanBeCopiedIntoTheEmbedding() {
        NamedParameters params = new NamedParameters(manager, 2);
        SequenceEncoder encoder =
                new SequenceEncoder(
                        params, "enc", CellType.LSTM, V, E, H, 1, false, 0, PoolingType.MAX);
        assertEquals(new Shape(V, E), encoder.embeddingWeight().getShape());
        float[][] rows = new float[V][E];
        rows[2][1] = 0.5f;
        PretrainedEmbedding.copyInto(encoder.embeddingWeight(), rows);
        assertEquals(0.5f, params.get("enc.embedding").getFloat(2, 1));
    }

    @Test
    void rejectsBadInputs() {
        NamedParameters params = new NamedParameters(manager, 1);
        SequenceEncoder encoder =
                new SequenceEncoder(
                        params, "enc", CellType.GRU, V, E, H, 1, true, 0, PoolingType.MAX);
        NDArray ids = manager.create(new long[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> encoder.encode(ids, manager.create(new long[] {3, 3, 3}), false));
        assertThrows(
                IllegalArgumentException.class,
                () -> encoder.encode(ids.flatten(), manager.create(new long[] {3}), false));
        assertThrows(
                IllegalArgumentException.class,
                () -> encoder.encode(ids, manager.create(new long[] {3, 4}), false));
        assertThrows(
                IllegalArgumentException.class,
                () -> encoder.encode(ids, manager.create(new long[] {0, 2}), false));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        encoder.encode(
                                ids.toType(DataType.FLOAT32, false),
                                manager.create(new long[] {3, 3}),
                                false));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new SequenceEncoder(
                                params, "b", CellType.GRU, 0, E, H, 1, true, 0, PoolingType.MAX));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new SequenceEncoder(
                                params, "c", CellType.GRU, V, E, H, 0, true, 0, PoolingType.MAX));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new SequenceEncoder(
                                params, "d", CellType.GRU, V, E, H, 2, true, 1f, PoolingType.MAX));
    }

    private NDArray padded(int t) {
        long[] ids = new long[SEQUENCES.length * t];
        for (int b = 0; b < SEQUENCES.length; b++) {
            for (int s = 0; s < t; s++) {
                ids[b * t + s] = s < SEQUENCES[b].length ? SEQUENCES[b][s] : PAD;
            }
        }
        return manager.create(ids, new Shape(SEQUENCES.length, t));
    }

    private NDArray lengths() {
        long[] lengths = new long[SEQUENCES.length];
        for (int b = 0; b < SEQUENCES.length; b++) {
            lengths[b] = SEQUENCES[b].length;
        }
        return manager.create(lengths);
    }
}
