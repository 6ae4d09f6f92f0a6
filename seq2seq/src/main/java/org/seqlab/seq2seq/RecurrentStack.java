package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A stack of recurrent layers of one {@link CellType}: Elman RNNs (tanh or ReLU), LSTMs and GRUs
 * run by libtorch's fused kernels, one call per sequence; peephole LSTMs by {@link PeepholeLstm}'s
 * time loop.
 *
 * <p>Parameters are named {@code <prefix>.l<k>[.reverse].{w_ih,w_hh,b_ih,b_hh}} and passed to
 * {@code torch::rnn_tanh}/{@code rnn_relu}/{@code lstm}/{@code gru} in the order they require: per
 * layer, per direction, {@code w_ih, w_hh, b_ih, b_hh}. (DJL's own blocks order them by type first,
 * which is wrong for bidirectional stacks; this class is correct for both.) Gate order is
 * PyTorch's: LSTM {@code i, f, g, o}; GRU {@code r, z, n}. A peephole LSTM adds {@code
 * <prefix>.l<k>[.reverse].peephole} {@code (3H)}: {@code w_ci, w_cf, w_co}. Inputs are batch-first
 * {@code (B, T, input)}.
 */
public final class RecurrentStack {

    private final CellType cell;
    private final String prefix;
    private final int inputSize;
    private final int hidden;
    private final int layers;
    private final boolean bidirectional;
    private final float dropout;
    private final NDList weights = new NDList();
    private final NDList peepholes = new NDList();

    /**
     * Creates the stack's parameters in {@code params}, initialized uniformly in {@code
     * [-1/sqrt(hidden), 1/sqrt(hidden)]} as PyTorch does.
     *
     * @param dropout dropout between layers (not after the last), in [0, 1)
     */
    public RecurrentStack(
            NamedParameters params,
            String prefix,
            CellType cell,
            int inputSize,
            int hidden,
            int layers,
            boolean bidirectional,
            float dropout) {
        if (inputSize < 1 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException(
                    "A recurrent stack needs input size, hidden size and"
                            + " layers >= 1; got "
                            + inputSize
                            + ", "
                            + hidden
                            + ", "
                            + layers
                            + ".");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Dropout must be in [0, 1); got " + dropout + ".");
        }
        this.cell = cell;
        this.prefix = prefix;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
        this.dropout = dropout;
        double bound = 1.0 / Math.sqrt(hidden);
        long gateRows = (long) cell.gates() * hidden;
        for (int k = 0; k < layers; k++) {
            long in = k == 0 ? inputSize : (long) hidden * directions();
            for (int d = 0; d < directions(); d++) {
                String base = prefix + ".l" + k + (d == 1 ? ".reverse" : "");
                weights.add(params.uniform(base + ".w_ih", new Shape(gateRows, in), bound));
                weights.add(params.uniform(base + ".w_hh", new Shape(gateRows, hidden), bound));
                weights.add(params.uniform(base + ".b_ih", new Shape(gateRows), bound));
                weights.add(params.uniform(base + ".b_hh", new Shape(gateRows), bound));
                if (cell == CellType.LSTM_PEEPHOLE) {
                    peepholes.add(
                            params.uniform(base + ".peephole", new Shape(3L * hidden), bound));
                }
            }
        }
    }

    /** Returns 2 for a bidirectional stack, else 1. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Returns the size of each output vector: {@code hidden * directions()}. */
    public int outputSize() {
        return hidden * directions();
    }

    /** Returns a zero state for {@code batch} sequences, owned by {@code manager}. */
    public RecurrentState zeroState(NDManager manager, long batch) {
        Shape shape = new Shape((long) layers * directions(), batch, hidden);
        return new RecurrentState(
                manager.zeros(shape), cell.hasCellState() ? manager.zeros(shape) : null);
    }

    /** The output sequence and final state of one call. */
    public record Output(NDArray sequence, RecurrentState state) {}

    /**
     * Runs the stack over a whole batch of sequences in one fused call.
     *
     * @param input {@code (B, T, inputSize)}
     * @param state initial state, or {@code null} for zeros
     * @param training whether inter-layer dropout is active
     * @return outputs {@code (B, T, outputSize())} and the final state
     */
    public Output forward(NDArray input, RecurrentState state, boolean training) {
        if (input.getShape().dimension() != 3 || input.getShape().get(2) != inputSize) {
            throw new IllegalArgumentException(
                    "Expected input (batch, time, "
                            + inputSize
                            + "), got "
                            + input.getShape()
                            + ".");
        }
        RecurrentState s =
                state != null ? state : zeroState(input.getManager(), input.getShape().get(0));
        NDList out;
        if (!cell.fused() || GradientProbes.active() != null) {
            out =
                    Unrolled.forward(
                            cell,
                            input,
                            s.hidden(),
                            s.cell(),
                            weights,
                            peepholes,
                            layers,
                            dropout,
                            training,
                            bidirectional,
                            prefix);
        } else if (cell == CellType.LSTM) {
            out =
                    FusedKernels.lstm(
                            input,
                            s.hidden(),
                            s.cell(),
                            weights,
                            layers,
                            dropout,
                            training,
                            bidirectional);
        } else if (cell == CellType.GRU) {
            out =
                    FusedKernels.gru(
                            input, s.hidden(), weights, layers, dropout, training, bidirectional);
        } else {
            out =
                    FusedKernels.rnn(
                            input,
                            s.hidden(),
                            weights,
                            cell == CellType.RNN_RELU,
                            layers,
                            dropout,
                            training,
                            bidirectional);
        }
        return new Output(
                out.get(0),
                new RecurrentState(out.get(1), cell.hasCellState() ? out.get(2) : null));
    }

    /** Returns a decoder that advances this (unidirectional) stack one step per call. */
    public StepDecoder stepDecoder(NDManager manager) {
        return new StepDecoder(this, weights, peepholes, manager);
    }

    /** Returns the number of layers. */
    public int layers() {
        return layers;
    }

    /** Returns the hidden size of each layer and direction. */
    public int hiddenSize() {
        return hidden;
    }

    /** Returns the cell type. */
    public CellType cell() {
        return cell;
    }
}
