package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how far back in time a loss reaches: while a set of probes is open on a thread, every
 * {@link RecurrentStack} run on it goes through its unrolled time loop ({@link Unrolled}) and adds
 * a zero probe {@code p_t} to each layer's hidden state {@code h_t}. The probes change nothing
 * forward; after the backward pass each one's gradient is {@code dL/dh_t}.
 *
 * <p>Layers are named by their stack's parameter prefix, {@code rnn.l0}, {@code enc.rnn.l0.fwd.l0},
 * with {@code .reverse} for a reverse direction. A stack run several times in one step (a decoder
 * fed one token at a time) adds its probes to the same layers in the order of the runs, so that its
 * curve spans every step it decoded.
 */
public final class GradientProbes implements AutoCloseable {

    private static final ThreadLocal<GradientProbes> ACTIVE = new ThreadLocal<>();

    private final NDManager manager;
    private final Map<String, List<NDArray>> probes = new LinkedHashMap<>();
    private final java.util.Set<String> reversed = new java.util.HashSet<>();

    private GradientProbes(NDManager manager) {
        this.manager = manager;
    }

    /**
     * Opens probes on this thread, their arrays in a sub-manager of {@code parent}.
     *
     * @throws IllegalStateException when probes are already open on this thread
     */
    public static GradientProbes open(NDManager parent) {
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("Gradient probes are already open on this thread.");
        }
        GradientProbes p = new GradientProbes(parent.newSubManager());
        ACTIVE.set(p);
        return p;
    }

    /** Returns the probes open on this thread, or null. */
    static GradientProbes active() {
        return ACTIVE.get();
    }

    /** Marks {@code layer} as reading time backwards: its probes come last step first. */
    void reversed(String layer) {
        reversed.add(layer);
    }

    /** Returns a new zero probe {@code (B, H)} for the next step {@code layer} runs. */
    NDArray probe(String layer, Shape shape) {
        NDArray p = manager.zeros(shape);
        p.setRequiresGradient(true);
        probes.computeIfAbsent(layer, k -> new ArrayList<>()).add(p);
        return p;
    }

    /**
     * Returns, per layer, the norm of {@code dL/dh_t} for each time step t in input order (the L2
     * norm over the batch and the hidden units), read after the backward pass; 0 where nothing
     * reached the probe.
     */
    public Map<String, double[]> norms() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<NDArray>> e : probes.entrySet()) {
            double[] n = new double[e.getValue().size()];
            for (int t = 0; t < n.length; t++) {
                try (NDArray g = e.getValue().get(t).getGradient()) {
                    n[t] = Math.sqrt(g.square().sum().getFloat());
                }
            }
            if (reversed.contains(e.getKey())) {
                for (int i = 0, j = n.length - 1; i < j; i++, j--) {
                    double tmp = n[i];
                    n[i] = n[j];
                    n[j] = tmp;
                }
            }
            out.put(e.getKey(), n);
        }
        return out;
    }

    /** Closes the probes and frees their arrays. */
    @Override
    public void close() {
        if (ACTIVE.get() == this) {
            ACTIVE.remove();
        }
        manager.close();
    }
}
