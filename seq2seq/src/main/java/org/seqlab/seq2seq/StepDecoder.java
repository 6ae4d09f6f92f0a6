package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;

/**
 * Runs a unidirectional {@link RecurrentStack} one time step at a time, for generation.
 *
 * <p>libtorch's fused {@code torch::lstm} has a fixed cost per call of a few milliseconds on a CPU,
 * which a training window of 100 steps hides but a single token does not. This class computes the
 * same equations with a handful of ops per layer; for an LSTM, the input and recurrent products are
 * one matrix product over {@code [x, h]} with the weights {@code [W_ih | W_hh]} concatenated once
 * at construction. Results equal {@link RecurrentStack#forward} within float rounding (tested).
 */
public final class StepDecoder implements AutoCloseable {

    private final NDManager manager;
    private final CellType cell;
    private final int layers;
    private final int hidden;
    private final NDArray[] weights;
    private final NDArray[] biases;
    private final NDArray[] recurrentWeights;
    private final NDArray[] recurrentBiases;

    StepDecoder(RecurrentStack stack, NDList stackWeights, NDManager parent) {
        if (stack.directions() != 1) {
            throw new IllegalArgumentException("Step decoding needs a unidirectional stack.");
        }
        this.manager = parent.newSubManager();
        this.cell = stack.cell();
        this.layers = stack.layers();
        this.hidden = stack.hiddenSize();
        weights = new NDArray[layers];
        biases = new NDArray[layers];
        recurrentWeights = new NDArray[layers];
        recurrentBiases = new NDArray[layers];
        for (int k = 0; k < layers; k++) {
            NDArray wih = stackWeights.get(4 * k);
            NDArray whh = stackWeights.get(4 * k + 1);
            NDArray bih = stackWeights.get(4 * k + 2);
            NDArray bhh = stackWeights.get(4 * k + 3);
            if (cell == CellType.LSTM) {
                weights[k] = wih.concat(whh, 1).stopGradient();
                biases[k] = bih.add(bhh).stopGradient();
            } else {
                weights[k] = wih.stopGradient();
                biases[k] = bih.stopGradient();
                recurrentWeights[k] = whh.stopGradient();
                recurrentBiases[k] = bhh.stopGradient();
                recurrentWeights[k].attach(manager);
                recurrentBiases[k].attach(manager);
            }
            weights[k].attach(manager);
            biases[k].attach(manager);
        }
    }

    /**
     * Advances every sequence of the batch by one step.
     *
     * @param input {@code (B, inputSize)}
     * @param state the state before the step (never null)
     * @return the state after it; its top layer's hidden state is the step's output
     */
    public RecurrentState step(NDArray input, RecurrentState state) {
        NDArray x = input;
        NDList hs = new NDList(layers);
        NDList cs = new NDList(layers);
        for (int k = 0; k < layers; k++) {
            NDArray h = state.hidden().get(k);
            if (cell == CellType.LSTM) {
                NDArray gates =
                        Linear.linear(x.concat(h, 1), weights[k], biases[k]).singletonOrThrow();
                NDArray s = FusedKernels.sigmoid(gates);
                NDArray g = gates.get(":, {}:{}", 2 * hidden, 3 * hidden).tanh();
                NDArray c =
                        s.get(":, {}:{}", hidden, 2 * hidden)
                                .mul(state.cell().get(k))
                                .add(s.get(":, 0:{}", hidden).mul(g));
                x = s.get(":, {}:", 3 * hidden).mul(c.tanh());
                cs.add(c);
            } else {
                NDArray gi = Linear.linear(x, weights[k], biases[k]).singletonOrThrow();
                NDArray gh =
                        Linear.linear(h, recurrentWeights[k], recurrentBiases[k])
                                .singletonOrThrow();
                NDArray rz =
                        FusedKernels.sigmoid(
                                gi.get(":, 0:{}", 2 * hidden).add(gh.get(":, 0:{}", 2 * hidden)));
                NDArray r = rz.get(":, 0:{}", hidden);
                NDArray z = rz.get(":, {}:", hidden);
                NDArray n =
                        gi.get(":, {}:", 2 * hidden)
                                .add(r.mul(gh.get(":, {}:", 2 * hidden)))
                                .tanh();
                x = n.add(z.mul(h.sub(n)));
            }
            hs.add(x);
        }
        return new RecurrentState(
                NDArrays.stack(hs, 0), cell == CellType.LSTM ? NDArrays.stack(cs, 0) : null);
    }

    @Override
    public void close() {
        manager.close();
    }
}
