package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeepholeLstmTest {

    private static final int B = 2;
    private static final int T = 4;
    private static final int IN = 3;
    private static final int H = 3;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void zeroPeepholeWeightsGiveTheFusedLstm(boolean bidirectional) {
        NamedParameters params = new NamedParameters(manager, 11);
        RecurrentStack peephole =
                new RecurrentStack(params, "p", CellType.LSTM_PEEPHOLE, IN, H, 2, bidirectional, 0);
        RecurrentStack lstm =
                new RecurrentStack(params, "l", CellType.LSTM, IN, H, 2, bidirectional, 0);
        for (String name : params.names()) {
            if (name.startsWith("p.")) {
                NDArray target = params.get(name);
                if (name.endsWith(".peephole")) {
                    NamedParameters.assign(target, manager.zeros(target.getShape()));
                } else {
                    NamedParameters.assign(target, params.get("l." + name.substring(2)));
                }
            }
        }
        NDArray x = manager.randomUniform(-2, 2, new Shape(B, 7, IN));
        RecurrentState start = lstm.zeroState(manager, B);
        start =
                new RecurrentState(
                        manager.randomUniform(-1, 1, start.hidden().getShape()),
                        manager.randomUniform(-1, 1, start.cell().getShape()));
        RecurrentStack.Output a = peephole.forward(x, start, false);
        RecurrentStack.Output b = lstm.forward(x, start, false);
        assertArrayEquals(b.sequence().toFloatArray(), a.sequence().toFloatArray(), 1e-5f);
        assertArrayEquals(
                b.state().hidden().toFloatArray(), a.state().hidden().toFloatArray(), 1e-5f);
        assertArrayEquals(b.state().cell().toFloatArray(), a.state().cell().toFloatArray(), 1e-5f);
    }

    @Test
    void peepholeWeightsChangeTheOutput() {
        NamedParameters params = new NamedParameters(manager, 12);
        RecurrentStack stack =
                new RecurrentStack(params, "p", CellType.LSTM_PEEPHOLE, IN, H, 1, false, 0);
        NDArray x = manager.randomUniform(-2, 2, new Shape(B, 5, IN));
        float[] before = stack.forward(x, null, false).sequence().toFloatArray();
        NDArray p = params.get("p.l0.peephole");
        NamedParameters.assign(p, p.mul(3));
        float[] after = stack.forward(x, null, false).sequence().toFloatArray();
        double largest = 0;
        for (int i = 0; i < before.length; i++) {
            largest = Math.max(largest, Math.abs(before[i] - after[i]));
        }
        assertTrue(largest > 1e-3, "peephole weights had no effect: " + largest);
    }

    /**
     * Back-propagation through the time loop against central finite differences, in float64, for
     * every weight of a two-layer stack (the peepholes included) and the initial state.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        NDList weights = new NDList();
        NDList peepholes = new NDList();
        long seed = 1;
        for (int k = 0; k < 2; k++) {
            int in = k == 0 ? IN : H;
            weights.add(random(new Shape(4 * H, in), seed++));
            weights.add(random(new Shape(4 * H, H), seed++));
            weights.add(random(new Shape(4 * H), seed++));
            weights.add(random(new Shape(4 * H), seed++));
            peepholes.add(random(new Shape(3 * H), seed++));
        }
        NDArray x = random(new Shape(B, T, IN), seed++).mul(2);
        NDArray h0 = random(new Shape(2, B, H), seed++);
        NDArray c0 = random(new Shape(2, B, H), seed++);
        // A loss that weighs every output and final state differently.
        NDArray ry = random(new Shape(B, T, H), seed++);
        NDArray rh = random(new Shape(2, B, H), seed++);
        NDArray rc = random(new Shape(2, B, H), seed);
        NDList all = new NDList();
        all.addAll(weights);
        all.addAll(peepholes);
        all.add(h0);
        all.add(c0);
        for (NDArray a : all) {
            a.setRequiresGradient(true);
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss(x, h0, c0, weights, peepholes, ry, rh, rc));
        }
        double eps = 1e-6;
        int checked = 0;
        for (NDArray a : all) {
            double[] analytic = a.getGradient().toDoubleArray();
            double[] values = a.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                double[] plus = values.clone();
                plus[i] += eps;
                double[] minus = values.clone();
                minus[i] -= eps;
                double up = withValues(a, plus, x, h0, c0, weights, peepholes, ry, rh, rc);
                double down = withValues(a, minus, x, h0, c0, weights, peepholes, ry, rh, rc);
                double numeric = (up - down) / (2 * eps);
                double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
                assertEquals(
                        0,
                        Math.abs(numeric - analytic[i]) / scale,
                        1e-6,
                        "gradient entry " + i + " of an array shaped " + a.getShape());
                checked++;
            }
        }
        int layer0 = 4 * H * IN + 4 * H * H + 8 * H;
        int layer1 = 8 * H * H + 8 * H;
        assertEquals(layer0 + layer1 + 2 * 3 * H + 2 * 2 * B * H, checked);
    }

    private double withValues(
            NDArray target,
            double[] values,
            NDArray x,
            NDArray h0,
            NDArray c0,
            NDList weights,
            NDList peepholes,
            NDArray ry,
            NDArray rh,
            NDArray rc) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray replacement = sub.create(values, target.getShape());
            NDList w = replace(weights, target, replacement);
            NDList p = replace(peepholes, target, replacement);
            NDArray h = h0 == target ? replacement : h0;
            NDArray c = c0 == target ? replacement : c0;
            return loss(x, h, c, w, p, ry, rh, rc).getDouble();
        }
    }

    private static NDList replace(NDList list, NDArray target, NDArray replacement) {
        NDList out = new NDList();
        for (NDArray a : list) {
            out.add(a == target ? replacement : a);
        }
        return out;
    }

    private static NDArray loss(
            NDArray x,
            NDArray h0,
            NDArray c0,
            NDList weights,
            NDList peepholes,
            NDArray ry,
            NDArray rh,
            NDArray rc) {
        NDList out =
                Unrolled.forward(
                        CellType.LSTM_PEEPHOLE,
                        x,
                        h0,
                        c0,
                        weights,
                        peepholes,
                        2,
                        0f,
                        false,
                        false,
                        "peephole");
        return out.get(0).mul(ry).sum().add(out.get(1).mul(rh).sum()).add(out.get(2).mul(rc).sum());
    }

    private NDArray random(Shape shape, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] v = new double[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        NDArray a = manager.create(v, shape);
        assertEquals(DataType.FLOAT64, a.getDataType());
        return a;
    }
}
