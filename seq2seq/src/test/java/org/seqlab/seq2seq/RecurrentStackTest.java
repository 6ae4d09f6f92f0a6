package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecurrentStackTest {

    private static final int B = 2;
    private static final int T = 3;
    private static final int IN = 3;
    private static final int H = 4;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void oneLstmStepMatchesTheEquationsWithFixedWeights() {
        NamedParameters params = new NamedParameters(manager, 1);
        RecurrentStack stack = new RecurrentStack(params, "rnn", CellType.LSTM, 2, 2, 1, false, 0);
        // Hand-chosen weights: every gate row gets its own simple pattern.
        params.get("rnn.l0.w_ih")
                .set(
                        new float[] {
                            0.1f, 0.2f, -0.1f, 0.3f, 0.5f, -0.5f, 0.2f, 0.2f,
                            0.4f, 0.1f, -0.3f, 0.6f, 0.0f, 0.1f, 0.7f, -0.2f
                        });
        params.get("rnn.l0.w_hh")
                .set(
                        new float[] {
                            0.0f, 0.1f, 0.2f, 0.0f, -0.1f, 0.1f, 0.3f, 0.2f,
                            0.1f, 0.1f, 0.0f, -0.2f, 0.2f, 0.0f, 0.1f, 0.3f
                        });
        params.get("rnn.l0.b_ih").set(new float[] {0.1f, 0, 0, 0.2f, 0, -0.1f, 0, 0});
        params.get("rnn.l0.b_hh").set(new float[] {0, 0.1f, 0, 0, 0.3f, 0, 0, 0});
        NDArray x = manager.create(new float[] {1.0f, -2.0f}, new Shape(1, 1, 2));
        NDArray h0 = manager.create(new float[] {0.5f, -0.5f}, new Shape(1, 1, 2));
        NDArray c0 = manager.create(new float[] {0.2f, 0.1f}, new Shape(1, 1, 2));
        RecurrentStack.Output out = stack.forward(x, new RecurrentState(h0, c0), false);
        // Worked by hand from i,f,g,o = sigma/tanh(W_ih x + b_ih + W_hh h + b_hh).
        double i0 = ReferenceRnn.sigmoid(0.1 - 0.4 + 0.1 + (0.0 - 0.05) + 0);
        double i1 = ReferenceRnn.sigmoid(-0.1 - 0.6 + 0 + (0.1 - 0.0) + 0.1);
        double f0 = ReferenceRnn.sigmoid(0.5 + 1.0 + 0 + (-0.05 - 0.05) + 0);
        double f1 = ReferenceRnn.sigmoid(0.2 - 0.4 + 0.2 + (0.15 - 0.1) + 0);
        double g0 = Math.tanh(0.4 - 0.2 + 0 + (0.05 - 0.05) + 0.3);
        double g1 = Math.tanh(-0.3 - 1.2 - 0.1 + (0.0 + 0.1) + 0);
        double o0 = ReferenceRnn.sigmoid(0.0 - 0.2 + 0 + (0.1 - 0.0));
        double o1 = ReferenceRnn.sigmoid(0.7 + 0.4 + 0 + (0.05 - 0.15));
        double c0n = f0 * 0.2 + i0 * g0;
        double c1n = f1 * 0.1 + i1 * g1;
        float[] expectedH = {(float) (o0 * Math.tanh(c0n)), (float) (o1 * Math.tanh(c1n))};
        assertArrayEquals(expectedH, out.sequence().toFloatArray(), 1e-6f);
        assertArrayEquals(expectedH, out.state().hidden().toFloatArray(), 1e-6f);
        assertArrayEquals(
                new float[] {(float) c0n, (float) c1n}, out.state().cell().toFloatArray(), 1e-6f);
    }

    static Stream<Arguments> everyCellBothWays() {
        return Arrays.stream(CellType.values())
                .flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    @ParameterizedTest
    @MethodSource("everyCellBothWays")
    void stackMatchesReferenceOverSequences(CellType cell, boolean bidirectional) {
        NamedParameters params = new NamedParameters(manager, 42);
        RecurrentStack stack = new RecurrentStack(params, "rnn", cell, IN, H, 2, bidirectional, 0);
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[B * T * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        RecurrentStack.Output out =
                stack.forward(manager.create(x, new Shape(B, T, IN)), null, false);
        int dirs = bidirectional ? 2 : 1;
        assertEquals(new Shape(B, T, H * dirs), out.sequence().getShape());
        float[] actual = out.sequence().toFloatArray();
        float[] expected = reference(params, cell, x, dirs);
        assertArrayEquals(expected, actual, 1e-5f);
    }

    /** Runs the reference layer by layer; returns outputs (B, T, H*dirs) of the top layer. */
    private static float[] reference(NamedParameters p, CellType cell, float[] x, int dirs) {
        double[][][] input = new double[B][T][];
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                input[b][t] = new double[IN];
                for (int j = 0; j < IN; j++) {
                    input[b][t][j] = x[(b * T + t) * IN + j];
                }
            }
        }
        for (int layer = 0; layer < 2; layer++) {
            double[][][] output = new double[B][T][H * dirs];
            for (int d = 0; d < dirs; d++) {
                String base = "rnn.l" + layer + (d == 1 ? ".reverse" : "");
                float[] wih = p.get(base + ".w_ih").toFloatArray();
                float[] whh = p.get(base + ".w_hh").toFloatArray();
                float[] bih = p.get(base + ".b_ih").toFloatArray();
                float[] bhh = p.get(base + ".b_hh").toFloatArray();
                float[] peep = peephole(p, base, cell);
                for (int b = 0; b < B; b++) {
                    double[] h = new double[H];
                    double[] c = new double[H];
                    for (int s = 0; s < T; s++) {
                        int t = d == 0 ? s : T - 1 - s;
                        ReferenceRnn.step(cell, input[b][t], h, c, wih, whh, bih, bhh, peep);
                        System.arraycopy(h, 0, output[b][t], d * H, H);
                    }
                }
            }
            input = output;
        }
        float[] flat = new float[B * T * H * dirs];
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                for (int k = 0; k < H * dirs; k++) {
                    flat[(b * T + t) * H * dirs + k] = (float) input[b][t][k];
                }
            }
        }
        return flat;
    }

    /** Returns the peephole weights of a layer, or null when the cell has none. */
    static float[] peephole(NamedParameters p, String base, CellType cell) {
        return cell == CellType.LSTM_PEEPHOLE ? p.get(base + ".peephole").toFloatArray() : null;
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void carriedStateContinuesASequenceExactly(CellType cell) {
        NamedParameters params = new NamedParameters(manager, 3);
        RecurrentStack stack = new RecurrentStack(params, "rnn", cell, IN, H, 2, false, 0);
        NDArray x = manager.randomUniform(-1, 1, new Shape(B, 6, IN));
        float[] whole = stack.forward(x, null, false).sequence().toFloatArray();
        RecurrentStack.Output first = stack.forward(x.get(":, 0:4, :"), null, false);
        RecurrentStack.Output second = stack.forward(x.get(":, 4:6, :"), first.state(), false);
        float[] tail = second.sequence().toFloatArray();
        float[] expectedTail = new float[B * 2 * H];
        for (int b = 0; b < B; b++) {
            System.arraycopy(whole, (b * 6 + 4) * H, expectedTail, b * 2 * H, 2 * H);
        }
        assertArrayEquals(expectedTail, tail, 1e-6f);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void stepDecoderMatchesTheWholeSequenceStepByStep(CellType cell) {
        NamedParameters params = new NamedParameters(manager, 8);
        RecurrentStack stack = new RecurrentStack(params, "rnn", cell, IN, H, 3, false, 0);
        NDArray x = manager.randomUniform(-1, 1, new Shape(B, 5, IN));
        RecurrentStack.Output whole = stack.forward(x, null, false);
        try (StepDecoder decoder = stack.stepDecoder(manager)) {
            RecurrentState state = stack.zeroState(manager, B);
            for (int t = 0; t < 5; t++) {
                StepDecoder.Step step = decoder.step(x.get(":, {}, :", t), state);
                state = step.state();
                assertArrayEquals(
                        state.hidden().get(2).toFloatArray(), step.output().toFloatArray());
                assertArrayEquals(
                        whole.sequence().get(":, {}, :", t).toFloatArray(),
                        state.hidden().get(2).toFloatArray(),
                        1e-5f,
                        "step " + t);
            }
            assertArrayEquals(
                    whole.state().hidden().toFloatArray(), state.hidden().toFloatArray(), 1e-5f);
            assertEquals(cell.hasCellState(), state.cell() != null);
            if (cell.hasCellState()) {
                assertArrayEquals(
                        whole.state().cell().toFloatArray(), state.cell().toFloatArray(), 1e-5f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyCellBothWays")
    void probesLeaveTheOutputsAsTheyAreAndMeasureDlDh(CellType cell, boolean bidirectional) {
        NamedParameters params = new NamedParameters(manager, 4);
        RecurrentStack stack = new RecurrentStack(params, "rnn", cell, IN, H, 2, bidirectional, 0);
        NamedParameters data = new NamedParameters(manager, 9);
        NDArray x = data.uniform("x", new Shape(B, 5, IN), 1);
        float[] fused = stack.forward(x, null, false).sequence().toFloatArray();
        NDArray r = data.uniform("r", new Shape(B, H * stack.directions()), 1);
        try (GradientProbes probes = GradientProbes.open(manager);
                ai.djl.training.GradientCollector gc =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray out = stack.forward(x, null, false).sequence();
            assertArrayEquals(fused, out.toFloatArray(), 1e-5f);
            // The loss reads the top layer's output at step 2 only.
            gc.backward(out.get(":, 2, :").mul(r).sum());
            java.util.Map<String, double[]> norms = probes.norms();
            String top = "rnn.l1";
            assertEquals(bidirectional ? 4 : 2, norms.size(), norms.keySet().toString());
            double[] forward = norms.get(top);
            assertEquals(5, forward.length);
            // dL/dh_2 of the top forward layer is r's forward half; later steps do not reach back.
            double expected = Math.sqrt(r.get(":, 0:" + H).square().sum().getFloat());
            assertEquals(expected, forward[2], 1e-4);
            assertEquals(0, forward[3], 0);
            assertEquals(0, forward[4], 0);
            if (cell != CellType.RNN_RELU) { // a rectifier may stop a gradient dead
                assertTrue(norms.get("rnn.l0")[0] > 0, "the loss reaches layer 0's first step");
            }
            if (bidirectional) {
                double[] reverse = norms.get(top + ".reverse");
                assertEquals(0, reverse[0] + reverse[1], 0, "the reverse layer reads 4..0");
                assertTrue(reverse[4] > 0);
            }
        }
    }

    @Test
    void aStackRunOncePerTokenGetsOneCurveSpanningItsSteps() {
        NamedParameters params = new NamedParameters(manager, 4);
        RecurrentStack stack = new RecurrentStack(params, "dec", CellType.GRU, IN, H, 1, false, 0);
        NamedParameters data = new NamedParameters(manager, 9);
        NDArray x = data.uniform("x", new Shape(B, 3, IN), 1);
        try (GradientProbes probes = GradientProbes.open(manager);
                ai.djl.training.GradientCollector gc =
                        ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            RecurrentState state = null;
            NDArray last = null;
            for (int t = 0; t < 3; t++) {
                RecurrentStack.Output o =
                        stack.forward(x.get(":, {}:{}, :", t, t + 1), state, false);
                state = o.state();
                last = o.sequence();
            }
            gc.backward(last.sum());
            double[] curve = probes.norms().get("dec.l0");
            assertEquals(1, probes.norms().size());
            assertEquals(3, curve.length);
            assertTrue(curve[0] > 0 && curve[2] > 0, java.util.Arrays.toString(curve));
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyCellSurvivesASaveAndLoad(
            CellType cell, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        NamedParameters params = new NamedParameters(manager, 6);
        RecurrentStack stack = new RecurrentStack(params, "rnn", cell, IN, H, 2, true, 0);
        java.nio.file.Path file = dir.resolve("stack.safetensors");
        params.save(file);
        NamedParameters loaded = NamedParameters.forLoading(manager);
        RecurrentStack again = new RecurrentStack(loaded, "rnn", cell, IN, H, 2, true, 0);
        loaded.load(file);
        assertEquals(params.names(), loaded.names());
        NDArray x = manager.randomUniform(-1, 1, new Shape(B, 4, IN));
        assertArrayEquals(
                stack.forward(x, null, false).sequence().toFloatArray(),
                again.forward(x, null, false).sequence().toFloatArray());
    }

    @Test
    void rejectsBadSizesAndInputs() {
        NamedParameters params = new NamedParameters(manager, 1);
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecurrentStack(params, "a", CellType.GRU, 3, 0, 1, false, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecurrentStack(params, "b", CellType.GRU, 3, 4, 1, false, 1.0f));
        RecurrentStack stack = new RecurrentStack(params, "c", CellType.GRU, 3, 4, 1, false, 0);
        assertThrows(
                IllegalArgumentException.class,
                () -> stack.forward(manager.zeros(new Shape(1, 2, 5)), null, false));
    }
}
