package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * Runs a unidirectional {@link RecurrentStack} one time step at a time, for generation.
 *
 * <p>libtorch's fused {@code torch::lstm} has a fixed cost per call of a few milliseconds on a CPU,
 * which a training window of 100 steps hides but a single token does not. This class computes the
 * same equations with a handful of ops per layer; for an LSTM (plain or peephole) and an Elman RNN,
 * the input and recurrent products are one matrix product over {@code [x, h]} with the weights
 * {@code [W_ih | W_hh]} concatenated once at construction. The peephole LSTM's step is {@link
 * PeepholeLstm#step}, the one its training loop runs. Results equal {@link RecurrentStack#forward}
 * within float rounding (tested).
 */
public final class StepDecoder implements AutoCloseable {

    private final NDManager manager;
    private final CellType cell;
    private final int layers;
    private final NDArray[] weights;
    private final NDArray[] biases;
    private final NDArray[] recurrentWeights;
    private final NDArray[] recurrentBiases;
    private final NDList[] peepholes;
    private final long[] gateSplit;
    private final NDIndex cellGate;

    StepDecoder(
            RecurrentStack stack, NDList stackWeights, NDList stackPeepholes, NDManager parent) {
        if (stack.directions() != 1) {
            throw new IllegalArgumentException("Step decoding needs a unidirectional stack.");
        }
        this.manager = parent.newSubManager();
        this.cell = stack.cell();
        this.layers = stack.layers();
        int hidden = stack.hiddenSize();
        this.gateSplit = new long[] {2L * hidden};
        this.cellGate = new NDIndex().addAllDim().addSliceDim(2L * hidden, 3L * hidden);
        weights = new NDArray[layers];
        biases = new NDArray[layers];
        recurrentWeights = new NDArray[layers];
        recurrentBiases = new NDArray[layers];
        peepholes = new NDList[layers];
        for (int k = 0; k < layers; k++) {
            NDArray wih = stackWeights.get(4 * k);
            NDArray whh = stackWeights.get(4 * k + 1);
            NDArray bih = stackWeights.get(4 * k + 2);
            NDArray bhh = stackWeights.get(4 * k + 3);
            if (cell != CellType.GRU) {
                // the sums land in the weights' manager: keep their detached copies, free them
                try (NDArray w = wih.concat(whh, 1);
                        NDArray b = bih.add(bhh)) {
                    weights[k] = w.stopGradient();
                    biases[k] = b.stopGradient();
                }
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
            if (cell == CellType.LSTM_PEEPHOLE) {
                NDArray p = stackPeepholes.get(k).stopGradient();
                p.attach(manager);
                peepholes[k] = PeepholeLstm.split(p);
            }
        }
    }

    /**
     * The result of one step.
     *
     * @param output the top layer's new hidden state {@code (B, hidden)}, the step's output
     * @param state the state after the step
     */
    public record Step(NDArray output, RecurrentState state) {}

    /**
     * Advances every sequence of the batch by one step.
     *
     * <p>Generation runs this a few thousand times a second, and DJL's bookkeeping per operator (a
     * Java object, a manager entry, a native handle to free) costs as much as the small operators
     * themselves. So the gates are cut apart with {@code split} and a prebuilt {@link NDIndex}
     * rather than with string indices ({@code get(":, 0:512")}, parsed anew on every call), and the
     * elementwise products and sums write into arrays of this step that are not read again ({@code
     * muli}, {@code addi}) instead of making new ones. Each operator computes the same values
     * either way, in the same order.
     *
     * @param input {@code (B, inputSize)}
     * @param state the state before the step (never null)
     * @return the top layer's output and the state after the step
     */
    public Step step(NDArray input, RecurrentState state) {
        // Detached, so that nothing here is recorded for autograd even on a thread where
        // libtorch's grad mode is on (it is per thread): the in-place operators below would fail
        // on recorded views, and inference needs no gradients.
        NDArray x = input.stopGradient();
        NDList hs = new NDList(layers);
        NDList cs = new NDList(layers);
        NDArray hiddenState = state.hidden().stopGradient();
        NDArray cellState = state.cell() == null ? null : state.cell().stopGradient();
        for (int k = 0; k < layers; k++) {
            NDArray h = hiddenState.get(hiddenState.getManager(), k);
            NDArray c = cellState == null ? null : cellState.get(cellState.getManager(), k);
            // Every cell but the GRU: one product over [x, h] with [W_ih | W_hh] and b_ih + b_hh.
            NDArray z =
                    cell == CellType.GRU
                            ? null
                            : Linear.linear(x.concat(h, 1), weights[k], biases[k])
                                    .singletonOrThrow();
            switch (cell) {
                case LSTM -> {
                    NDList s = FusedKernels.sigmoid(z).split(4, 1); // i, f, (g), o
                    NDArray g = z.get(cellGate).tanh();
                    c = s.get(1).muli(c).addi(s.get(0).muli(g));
                    x = s.get(3).muli(c.tanh());
                }
                case LSTM_PEEPHOLE -> {
                    NDList next = PeepholeLstm.step(z, c, peepholes[k]);
                    x = next.get(0);
                    c = next.get(1);
                }
                case RNN_TANH -> x = z.tanh();
                case RNN_RELU -> x = Activation.relu(z);
                case GRU -> {
                    NDArray gi = Linear.linear(x, weights[k], biases[k]).singletonOrThrow();
                    NDArray gh =
                            Linear.linear(h, recurrentWeights[k], recurrentBiases[k])
                                    .singletonOrThrow();
                    NDList giParts = gi.split(gateSplit, 1); // rz, n
                    NDList ghParts = gh.split(gateSplit, 1);
                    NDList rz =
                            FusedKernels.sigmoid(giParts.get(0).addi(ghParts.get(0))).split(2, 1);
                    NDArray n = giParts.get(1).addi(rz.get(0).muli(ghParts.get(1))).tanh();
                    x = n.addi(h.sub(n).muli(rz.get(1)));
                }
            }
            if (c != null) {
                cs.add(c);
            }
            hs.add(x);
        }
        RecurrentState next =
                new RecurrentState(
                        NDArrays.stack(hs, 0), cell.hasCellState() ? NDArrays.stack(cs, 0) : null);
        return new Step(x, next);
    }

    @Override
    public void close() {
        manager.close();
    }
}
