package org.seqlab.seq2seq;

import java.util.Locale;

/**
 * The recurrent cell of a {@link RecurrentStack}.
 *
 * <p>All but {@link #LSTM_PEEPHOLE} run as one libtorch fused kernel per sequence; the peephole
 * LSTM has no fused kernel and runs {@link PeepholeLstm}'s step in a time loop.
 */
public enum CellType {
    /** Elman RNN, {@code h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}. */
    RNN_TANH("rnn-tanh", 1, false),
    /** Elman RNN with a rectifier, {@code h_t = relu(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}. */
    RNN_RELU("rnn-relu", 1, false),
    /** Long short-term memory: four gates (i, f, g, o) and a cell state. */
    LSTM("lstm", 4, true),
    /** Gated recurrent unit: three gates (r, z, n) and no cell state. */
    GRU("gru", 3, false),
    /**
     * LSTM whose gates also see the cell state through diagonal peephole weights (Gers and
     * Schmidhuber); see {@link PeepholeLstm} for the equations.
     */
    LSTM_PEEPHOLE("lstm-peephole", 4, true);

    /** The command-line names of every cell, for help texts. */
    public static final String NAMES = "rnn-tanh, rnn-relu, lstm, gru or lstm-peephole";

    private final String id;
    private final int gates;
    private final boolean cellState;

    CellType(String id, int gates, boolean cellState) {
        this.id = id;
        this.gates = gates;
        this.cellState = cellState;
    }

    /** Returns the number of gate blocks stacked in each weight matrix. */
    public int gates() {
        return gates;
    }

    /** Returns whether the state carries an LSTM cell state c besides h. */
    public boolean hasCellState() {
        return cellState;
    }

    /** Returns whether libtorch runs this cell as one fused kernel per sequence. */
    public boolean fused() {
        return this != LSTM_PEEPHOLE;
    }

    /**
     * Parses a cell name ({@code rnn-tanh}, {@code rnn-relu}, {@code lstm}, {@code gru}, {@code
     * lstm-peephole}), ignoring case; underscores may stand for hyphens.
     *
     * @throws IllegalArgumentException naming the value and the choices when it is none of them
     */
    public static CellType parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CellType c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "Unknown cell type '" + name + "'; expected " + NAMES + ".");
    }

    /** Returns the lower-case name used on the command line and in manifests. */
    public String id() {
        return id;
    }
}
