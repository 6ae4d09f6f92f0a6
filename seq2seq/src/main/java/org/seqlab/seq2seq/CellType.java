package org.seqlab.seq2seq;

import java.util.Locale;

/** The recurrent cell of a {@link RecurrentStack}. */
public enum CellType {
    /** Long short-term memory: four gates (i, f, g, o) and a cell state. */
    LSTM(4),
    /** Gated recurrent unit: three gates (r, z, n) and no cell state. */
    GRU(3);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    /** Returns the number of gate blocks stacked in each weight matrix. */
    public int gates() {
        return gates;
    }

    /**
     * Parses {@code lstm} or {@code gru}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static CellType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown cell type '" + name + "'; expected lstm or gru.", e);
        }
    }

    /** Returns the lower-case name used on the command line and in manifests. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
