package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttentionDecoderTest {

    private static final int SV = 9;
    private static final int TV = 7;
    private static final long[][] SOURCES = {{1, 2, 3}, {4, 5, 6, 7, 8}, {2}};
    private static final long[][] TARGETS = {{1, 2, 3, 4}, {5, 6}, {1, 1, 2}};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    static Stream<Arguments> variants() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellType cell : CellType.values()) {
            for (AttentionType type : AttentionType.values()) {
                for (boolean feed : new boolean[] {false, true}) {
                    b.add(Arguments.of(cell, type, feed));
                }
            }
        }
        return b.build();
    }

    private record Net(SequenceEncoder encoder, AttentionDecoder decoder) {}

    private Net net(
            NamedParameters p, CellType cell, AttentionType type, boolean feed, int layers) {
        SequenceEncoder enc = new SequenceEncoder(p, "enc", cell, SV, 5, 4, 1, true, 0f);
        int h = type == AttentionType.LUONG_DOT ? 8 : 6;
        AttentionDecoder dec =
                new AttentionDecoder(
                        p,
                        "dec",
                        new AttentionDecoder.Spec(
                                cell, TV, h, h, layers, 8, type, feed, true, 0.3f));
        return new Net(enc, dec);
    }

    private NDArray padded(long[][] rows, long pad) {
        int t = 0;
        for (long[] r : rows) {
            t = Math.max(t, r.length);
        }
        long[] flat = new long[rows.length * t];
        java.util.Arrays.fill(flat, pad);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * t, rows[i].length);
        }
        return manager.create(flat, new Shape(rows.length, t));
    }

    private NDArray lengths(long[][] rows) {
        long[] l = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = rows[i].length;
        }
        return manager.create(l);
    }

    /** Teacher forcing over the whole target equals stepping one token at a time. */
    @ParameterizedTest
    @MethodSource("variants")
    void stepsEqualTeacherForcing(CellType cell, AttentionType type, boolean feed) {
        try (NamedParameters p = new NamedParameters(manager, 3)) {
            Net n = net(p, cell, type, feed, 2);
            SequenceEncoder.Encoding e =
                    n.encoder.encodeSequence(padded(SOURCES, 0), lengths(SOURCES), false);
            NDArray inputs = padded(TARGETS, 0);
            NDArray logits = n.decoder.logits(n.decoder.start(e), inputs, false);
            AttentionDecoder.State state = n.decoder.start(e);
            try (StepDecoder steps = n.decoder.stepDecoder(manager)) {
                for (int t = 0; t < inputs.getShape().get(1); t++) {
                    AttentionDecoder.Step s = n.decoder.step(inputs.get(":, " + t), state, steps);
                    float[] expected = logits.get(":, " + t).logSoftmax(1).toFloatArray();
                    float[] got = s.logProbs().toFloatArray();
                    assertArrayEquals(expected, got, 1e-4f, "step " + t);
                    state = s.state();
                }
            }
        }
    }

    /** A sentence's logits do not depend on the source padding or on its batch neighbours. */
    @ParameterizedTest
    @MethodSource("variants")
    void sourcePaddingChangesNothing(CellType cell, AttentionType type, boolean feed) {
        try (NamedParameters p = new NamedParameters(manager, 5)) {
            Net n = net(p, cell, type, feed, 1);
            NDArray inputs = padded(TARGETS, 0);
            NDArray batch =
                    n.decoder.logits(
                            n.decoder.start(
                                    n.encoder.encodeSequence(
                                            padded(SOURCES, 3), lengths(SOURCES), false)),
                            inputs,
                            false);
            NDArray otherPad =
                    n.decoder.logits(
                            n.decoder.start(
                                    n.encoder.encodeSequence(
                                            padded(SOURCES, 8), lengths(SOURCES), false)),
                            inputs,
                            false);
            assertArrayEquals(batch.toFloatArray(), otherPad.toFloatArray(), 1e-5f);
            for (int i = 0; i < SOURCES.length; i++) {
                long[][] one = {SOURCES[i]};
                NDArray alone =
                        n.decoder.logits(
                                n.decoder.start(
                                        n.encoder.encodeSequence(
                                                padded(one, 0), lengths(one), false)),
                                inputs.get(i + ":" + (i + 1)),
                                false);
                assertArrayEquals(
                        alone.toFloatArray(), batch.get(i + ":" + (i + 1)).toFloatArray(), 1e-5f);
            }
        }
    }

    /** libtorch's grad mode is per thread: stepping must also work where it is on. */
    @ParameterizedTest
    @MethodSource("variants")
    void stepsWorkWhereGradModeIsOn(CellType cell, AttentionType type, boolean feed) {
        try (NamedParameters p = new NamedParameters(manager, 3);
                ai.djl.training.GradientCollector gc =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            Net n = net(p, cell, type, feed, 2);
            AttentionDecoder.State state =
                    n.decoder.start(
                            n.encoder.encodeSequence(padded(SOURCES, 0), lengths(SOURCES), false));
            try (StepDecoder steps = n.decoder.stepDecoder(manager)) {
                for (int t = 0; t < 3; t++) {
                    AttentionDecoder.Step s =
                            n.decoder.step(manager.create(new long[] {1, 2, 3}), state, steps);
                    assertEquals(3, s.logProbs().getShape().get(0));
                    state = s.state();
                }
            }
        }
    }

    @Test
    void attentionWeightsAreZeroOnPaddingAndSumToOne() {
        try (NamedParameters p = new NamedParameters(manager, 7)) {
            Attention a = new Attention(p, "a", AttentionType.BAHDANAU, 3, 4, 5);
            NDArray states = manager.randomNormal(new Shape(2, 4, 4));
            NDArray mask =
                    manager.create(
                            new boolean[] {true, true, false, false, true, true, true, true},
                            new Shape(2, 4));
            Attention.Result r =
                    a.attend(manager.randomNormal(new Shape(2, 3, 3)), a.memory(states, mask));
            float[] w = r.weights().toFloatArray();
            for (int q = 0; q < 3; q++) {
                assertEquals(0f, w[q * 4 + 2]);
                assertEquals(0f, w[q * 4 + 3]);
                assertEquals(1f, w[q * 4] + w[q * 4 + 1], 1e-6f);
            }
            NDArray nan = states.duplicate();
            nan.set(new ai.djl.ndarray.index.NDIndex("0, 2:"), Float.NaN);
            Attention.Result r2 =
                    a.attend(manager.randomNormal(new Shape(2, 3, 3)), a.memory(nan, mask));
            for (float v : r2.context().toFloatArray()) {
                assertEquals(false, Float.isNaN(v));
            }
        }
    }

    @Test
    void luongDotScoresAreDotProducts() {
        try (NamedParameters p = new NamedParameters(manager, 7)) {
            Attention a = new Attention(p, "a", AttentionType.LUONG_DOT, 2, 2, 0);
            NDArray states = manager.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2));
            NDArray mask = manager.create(new boolean[] {true, true}, new Shape(1, 2));
            NDArray q = manager.create(new float[] {2, 0}, new Shape(1, 1, 2));
            float[] w = a.attend(q, a.memory(states, mask)).weights().toFloatArray();
            double e2 = Math.exp(2);
            assertEquals(e2 / (e2 + 1), w[0], 1e-6);
            assertEquals(1 / (e2 + 1), w[1], 1e-6);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new Attention(p, "b", AttentionType.LUONG_DOT, 2, 3, 0));
        }
    }

    @Test
    void finalStateOfBidirectionalEncoderIsForwardEndAndBackwardStart() {
        try (NamedParameters p = new NamedParameters(manager, 9)) {
            SequenceEncoder enc = new SequenceEncoder(p, "e", CellType.GRU, SV, 3, 2, 1, true, 0f);
            SequenceEncoder.Encoding e =
                    enc.encodeSequence(padded(SOURCES, 0), lengths(SOURCES), false);
            for (int i = 0; i < SOURCES.length; i++) {
                float[] states = e.states().get(i).toFloatArray();
                int len = SOURCES[i].length;
                float[] expected = {
                    states[(len - 1) * 4], states[(len - 1) * 4 + 1], states[2], states[3]
                };
                assertArrayEquals(expected, e.last().get(i).toFloatArray(), 0f);
            }
        }
    }

    @Test
    void sequenceLossIgnoresPaddingAndSmooths() {
        NDArray logits = manager.randomNormal(new Shape(2, 3, 4));
        NDArray targets = manager.create(new long[] {1, 2, 3, 0, 1, 2}, new Shape(2, 3));
        NDArray mask =
                manager.create(
                        new boolean[] {true, true, false, true, false, false}, new Shape(2, 3));
        Losses.SequenceLoss l = Losses.sequenceCrossEntropy(logits, targets, mask, 0.1f);
        assertEquals(3, l.tokens());
        float[] lp = logits.logSoftmax(2).toFloatArray();
        int[][] real = {{0, 0, 1}, {0, 1, 2}, {1, 0, 0}};
        double expected = 0;
        for (int[] r : real) {
            int base = (r[0] * 3 + r[1]) * 4;
            double mean = 0;
            for (int v = 0; v < 4; v++) {
                mean -= lp[base + v] / 4.0;
            }
            expected += 0.9 * -lp[base + r[2]] + 0.1 * mean;
        }
        assertEquals(expected, l.sum().getFloat(), 1e-5);
        assertEquals(expected / 3, l.mean().getFloat(), 1e-5);
    }
}
