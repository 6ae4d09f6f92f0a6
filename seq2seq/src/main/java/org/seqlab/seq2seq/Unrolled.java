package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * A recurrent stack as an explicit loop over time steps, one differentiable step per cell type,
 * with the argument and state layout of libtorch's fused kernels: the only path of the peephole
 * LSTM, and the path of every cell while {@link GradientProbes} are open (the fused kernels keep
 * the hidden states of past steps out of reach). The input products {@code W_ih x_t + b_ih} of all
 * steps are one matrix product before the loop.
 */
final class Unrolled {

    private Unrolled() {}

    /**
     * Runs the stack.
     *
     * @param c0 the initial cell state for cells that have one, else ignored
     * @param peepholes per layer and direction one {@code (3H)} vector (peephole LSTM only)
     * @param name the stack's parameter prefix, naming its layers for the probes
     * @return the top layer's outputs {@code (B, T, H * directions)}, the final h and, for cells
     *     with a cell state, the final c
     */
    static NDList forward(
            CellType cell,
            NDArray input,
            NDArray h0,
            NDArray c0,
            NDList weights,
            NDList peepholes,
            int layers,
            float dropout,
            boolean training,
            boolean bidirectional,
            String name) {
        GradientProbes probes = GradientProbes.active();
        int directions = bidirectional ? 2 : 1;
        NDArray x = input;
        NDList hs = new NDList();
        NDList cs = new NDList();
        for (int k = 0; k < layers; k++) {
            if (k > 0 && training && dropout > 0) {
                x = Dropout.dropout(x, dropout, true).singletonOrThrow();
            }
            NDList outputs = new NDList(directions);
            for (int d = 0; d < directions; d++) {
                int j = k * directions + d;
                String layer = name + ".l" + k + (d == 1 ? ".reverse" : "");
                NDArray in = d == 1 ? x.flip(1) : x;
                if (d == 1 && probes != null) {
                    probes.reversed(layer);
                }
                NDList r =
                        layer(
                                cell,
                                in,
                                h0.get(j),
                                cell.hasCellState() ? c0.get(j) : null,
                                weights.subNDList(4 * j, 4 * j + 4),
                                cell == CellType.LSTM_PEEPHOLE
                                        ? PeepholeLstm.split(peepholes.get(j))
                                        : null,
                                probes,
                                layer);
                outputs.add(d == 1 ? r.get(0).flip(1) : r.get(0));
                hs.add(r.get(1));
                if (cell.hasCellState()) {
                    cs.add(r.get(2));
                }
            }
            x = directions == 1 ? outputs.get(0) : outputs.get(0).concat(outputs.get(1), 2);
        }
        NDList out = new NDList(x, NDArrays.stack(hs, 0));
        if (cell.hasCellState()) {
            out.add(NDArrays.stack(cs, 0));
        }
        return out;
    }

    private static NDList layer(
            CellType cell,
            NDArray x,
            NDArray h,
            NDArray c,
            NDList w,
            NDList peepholes,
            GradientProbes probes,
            String layer) {
        long steps = x.getShape().get(1);
        NDArray inputs = Linear.linear(x, w.get(0), w.get(2)).singletonOrThrow(); // (B,T,G*H)
        NDArray recurrent = w.get(1).transpose();
        NDArray recurrentBias = w.get(3);
        // One split, not an index per step: the backward pass of split is one concatenation,
        // while each indexed step's would scatter into a zero array the size of the whole window.
        NDList perStep = inputs.split(steps, 1);
        NDList outputs = new NDList(Math.toIntExact(steps));
        for (int t = 0; t < steps; t++) {
            NDArray xt = perStep.get(t).squeeze(1);
            NDArray ht = h.matMul(recurrent).add(recurrentBias);
            switch (cell) {
                case LSTM, LSTM_PEEPHOLE -> {
                    NDList next =
                            cell == CellType.LSTM
                                    ? lstmStep(xt.add(ht), c)
                                    : PeepholeLstm.step(xt.add(ht), c, peepholes);
                    h = next.get(0);
                    c = next.get(1);
                }
                case GRU -> h = gruStep(xt, ht, h);
                case RNN_TANH -> h = xt.add(ht).tanh();
                case RNN_RELU -> h = Activation.relu(xt.add(ht));
            }
            if (probes != null) {
                h = h.add(probes.probe(layer, h.getShape()));
            }
            outputs.add(h);
        }
        NDList out = new NDList(NDArrays.stack(outputs, 1), h);
        if (c != null) {
            out.add(c);
        }
        return out;
    }

    /** One LSTM step from the summed pre-activations {@code (B, 4H)}, gates i, f, g, o. */
    private static NDList lstmStep(NDArray z, NDArray c) {
        NDList g = z.split(4, 1);
        NDArray next =
                FusedKernels.sigmoid(g.get(1))
                        .mul(c)
                        .add(FusedKernels.sigmoid(g.get(0)).mul(g.get(2).tanh()));
        return new NDList(FusedKernels.sigmoid(g.get(3)).mul(next.tanh()), next);
    }

    /**
     * One GRU step (PyTorch's equations): {@code xt = W_i x + b_i}, {@code ht = W_h h + b_h}, gates
     * r, z, n.
     */
    private static NDArray gruStep(NDArray xt, NDArray ht, NDArray h) {
        NDList gi = xt.split(3, 1);
        NDList gh = ht.split(3, 1);
        NDArray r = FusedKernels.sigmoid(gi.get(0).add(gh.get(0)));
        NDArray z = FusedKernels.sigmoid(gi.get(1).add(gh.get(1)));
        NDArray n = gi.get(2).add(r.mul(gh.get(2))).tanh();
        return n.add(z.mul(h.sub(n)));
    }
}
