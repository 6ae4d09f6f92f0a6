package org.seqlab.seq2seq;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.RNN;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that reaches libtorch's fused operators through DJL's engine-internal {@code
 * NDArrayEx}: the RNN, LSTM and GRU kernels (DJL's public blocks pass their weights in the wrong
 * order for bidirectional stacks), the sigmoid, and the fused Adam update. Nothing else in seqlab
 * imports DJL's internal packages.
 *
 * <p>Before the first fused LSTM on a device, the kernel is checked once against the LSTM equations
 * on a tiny fixed input. libtorch runs CPU LSTMs through oneDNN, whose AVX-512 kernels return wrong
 * values on some processors (seen on AMD Zen 5: errors of 10% and more, while GRU and every other
 * operator are right). The check turns such silent garbage into an error that says what to do:
 * start the JVM with {@code ONEDNN_MAX_CPU_ISA=AVX2_VNNI} in its environment ({@code bin/seqlab}
 * and the test build set it).
 */
final class FusedKernels {

    /** The environment variable that caps oneDNN's instruction set. */
    static final String ONEDNN_ISA = "ONEDNN_MAX_CPU_ISA";

    private static final Set<Device> CHECKED = ConcurrentHashMap.newKeySet();

    private FusedKernels() {}

    /** libtorch's {@code torch::lstm}, batch-first, weights per layer and direction. */
    static NDList lstm(
            NDArray input,
            NDArray h,
            NDArray c,
            NDList weights,
            int layers,
            float dropout,
            boolean training,
            boolean bidirectional) {
        checkLstm(input.getDevice());
        return rawLstm(input, h, c, weights, layers, dropout, training, bidirectional);
    }

    private static NDList rawLstm(
            NDArray input,
            NDArray h,
            NDArray c,
            NDList weights,
            int layers,
            float dropout,
            boolean training,
            boolean bidirectional) {
        return ex(input)
                .lstm(
                        input,
                        new NDList(h, c),
                        weights,
                        true,
                        layers,
                        dropout,
                        training,
                        bidirectional,
                        true);
    }

    /** libtorch's {@code torch::gru}, batch-first, weights per layer and direction. */
    static NDList gru(
            NDArray input,
            NDArray h,
            NDList weights,
            int layers,
            float dropout,
            boolean training,
            boolean bidirectional) {
        return ex(input)
                .gru(input, h, weights, true, layers, dropout, training, bidirectional, true);
    }

    /** libtorch's {@code torch::rnn_tanh} or {@code rnn_relu}, batch-first, weights as for GRU. */
    static NDList rnn(
            NDArray input,
            NDArray h,
            NDList weights,
            boolean relu,
            int layers,
            float dropout,
            boolean training,
            boolean bidirectional) {
        return ex(input)
                .rnn(
                        input,
                        h,
                        weights,
                        true,
                        layers,
                        relu ? RNN.Activation.RELU : RNN.Activation.TANH,
                        dropout,
                        training,
                        bidirectional,
                        true);
    }

    /** The logistic function, elementwise. */
    static NDArray sigmoid(NDArray x) {
        return ex(x).sigmoid();
    }

    /** libtorch's fused Adam/AdamW update of {@code w} in place. */
    static void adamUpdate(
            NDArray w,
            NDArray grad,
            NDArray mean,
            NDArray variance,
            float lr,
            float corrected,
            float weightDecay,
            float beta1,
            float beta2,
            float epsilon) {
        ex(w).adamUpdate(
                        new NDList(w, grad, mean, variance),
                        new NDList(w),
                        lr,
                        corrected,
                        weightDecay,
                        1f,
                        -1f,
                        beta1,
                        beta2,
                        epsilon,
                        false,
                        weightDecay > 0);
    }

    private static NDArrayEx ex(NDArray a) {
        return a.getNDArrayInternal();
    }

    /**
     * Checks the fused LSTM on {@code device} once per JVM.
     *
     * @throws IllegalStateException when the kernel's output differs from the equations
     */
    static void checkLstm(Device device) {
        if (CHECKED.contains(device)) {
            return;
        }
        double error = lstmError(device);
        if (!(error < 1e-4)) {
            String isa = System.getenv(ONEDNN_ISA);
            throw new IllegalStateException(
                    String.format(
                            java.util.Locale.ROOT,
                            "libtorch's fused LSTM kernel gives wrong results on this processor"
                                    + " (largest error %.3g on a check against the LSTM"
                                    + " equations; %s=%s). Its oneDNN AVX-512 kernels are known to"
                                    + " fail on some CPUs: start the JVM with %s=AVX2_VNNI in the"
                                    + " environment (bin/seqlab does this).",
                            error,
                            ONEDNN_ISA,
                            isa == null ? "unset" : isa,
                            ONEDNN_ISA));
        }
        CHECKED.add(device);
    }

    /**
     * Returns the largest difference between the fused kernel and the equations on a fixed case.
     */
    static double lstmError(Device device) {
        int in = 5;
        int hidden = 8;
        int steps = 4;
        int batch = 3;
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray wih = fixed(m, new Shape(4 * hidden, in), 1);
            NDArray whh = fixed(m, new Shape(4 * hidden, hidden), 2);
            NDArray bih = fixed(m, new Shape(4 * hidden), 3);
            NDArray bhh = fixed(m, new Shape(4 * hidden), 4);
            NDArray x = fixed(m, new Shape(batch, steps, in), 5).mul(3);
            NDArray h = m.zeros(new Shape(1, batch, hidden));
            NDArray c = m.zeros(new Shape(1, batch, hidden));
            NDArray fused =
                    rawLstm(x, h, c, new NDList(wih, whh, bih, bhh), 1, 0f, false, false).get(0);
            NDArray ht = h.get(0);
            NDArray ct = c.get(0);
            double worst = 0;
            for (int t = 0; t < steps; t++) {
                NDArray gates =
                        x.get(":, {}, :", t)
                                .matMul(wih.transpose())
                                .add(bih)
                                .add(ht.matMul(whh.transpose()))
                                .add(bhh);
                NDArray s = sigmoid(gates);
                NDArray g = gates.get(":, {}:{}", 2 * hidden, 3 * hidden).tanh();
                ct =
                        s.get(":, {}:{}", hidden, 2 * hidden)
                                .mul(ct)
                                .add(s.get(":, 0:{}", hidden).mul(g));
                ht = s.get(":, {}:", 3 * hidden).mul(ct.tanh());
                float diff = fused.get(":, {}, :", t).sub(ht).abs().max().getFloat();
                worst = Math.max(worst, Float.isNaN(diff) ? Double.POSITIVE_INFINITY : diff);
            }
            return worst;
        }
    }

    /** A deterministic array of values in (-0.5, 0.5), distinct per {@code salt}. */
    private static NDArray fixed(NDManager m, Shape shape, int salt) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sin(1.7 * i + 0.3 * salt + salt * salt) * 0.5);
        }
        return m.create(v, shape);
    }
}
