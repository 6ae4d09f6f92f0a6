package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * The hidden state of a recurrent stack, shaped {@code (layers * directions, batch, hidden)}.
 *
 * <p>As the state of a search ({@link DecodingState}) its rows are the batch axis, axis 1.
 *
 * @param hidden the hidden state h
 * @param cell the LSTM cell state c, or {@code null} for a GRU
 */
public record RecurrentState(NDArray hidden, NDArray cell) implements DecodingState, AutoCloseable {

    /** Validates that the hidden state is present. */
    public RecurrentState {
        if (hidden == null) {
            throw new IllegalArgumentException("A recurrent state needs a hidden array.");
        }
    }

    /**
     * Returns a copy cut from the autograd graph and owned by {@code manager}, for carrying the
     * state into the next window of truncated back-propagation through time.
     */
    public RecurrentState detach(NDManager manager) {
        NDArray h = hidden.stopGradient();
        h.attach(manager);
        NDArray c = null;
        if (cell != null) {
            c = cell.stopGradient();
            c.attach(manager);
        }
        return new RecurrentState(h, c);
    }

    /**
     * Returns the state of batch rows {@code rows} (int64 {@code (M)}), in that order, as new
     * arrays {@code (layers * directions, M, hidden)}.
     */
    @Override
    public RecurrentState select(NDArray rows) {
        NDIndex index = new NDIndex().addAllDim().addIndices("{}", rows);
        return new RecurrentState(hidden.get(index), cell == null ? null : cell.get(index));
    }

    /** Moves both arrays to {@code manager}, so that they are freed when it closes. */
    @Override
    public void attach(NDManager manager) {
        hidden.attach(manager);
        if (cell != null) {
            cell.attach(manager);
        }
    }

    /** Returns the arrays as a list named {@code h} and {@code c}, for checkpoints. */
    public NDList toList() {
        hidden.setName("h");
        NDList list = new NDList(hidden);
        if (cell != null) {
            cell.setName("c");
            list.add(cell);
        }
        return list;
    }

    /** Rebuilds a state from {@link #toList()}'s output. */
    public static RecurrentState fromList(NDList list) {
        return new RecurrentState(list.get("h"), list.contains("c") ? list.get("c") : null);
    }

    @Override
    public void close() {
        hidden.close();
        if (cell != null) {
            cell.close();
        }
    }
}
