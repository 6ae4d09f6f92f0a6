package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.seqlab.io.AtomicFiles;

/**
 * Adam (or AdamW) whose moments and step count belong to seqlab, so a run can be checkpointed and
 * resumed exactly; DJL's {@code Adam} keeps them private.
 *
 * <p>Each step calls libtorch's fused Adam kernel on the owned moment arrays, then zeroes the
 * gradients. The update is {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr
 * sqrt(1-b2^t)/(1-b1^t) m / (sqrt(v) + eps)}.
 */
public final class AdamOptimizer implements AutoCloseable {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final NDManager manager;
    private final List<NDArray> weights;
    private final NDArray[] means;
    private final NDArray[] variances;
    private long steps;

    /**
     * Creates zeroed state for {@code params}.
     *
     * @param weightDecay decoupled (AdamW) weight decay; 0 for plain Adam
     */
    public AdamOptimizer(
            NamedParameters params, float beta1, float beta2, float epsilon, float weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
            throw new IllegalArgumentException(
                    "Adam needs 0 <= beta < 1 and epsilon > 0; got beta1="
                            + beta1
                            + ", beta2="
                            + beta2
                            + ", epsilon="
                            + epsilon
                            + ".");
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException(
                    "Weight decay must be >= 0; got " + weightDecay + ".");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.manager = params.manager().newSubManager();
        this.weights = params.trainable();
        this.means = new NDArray[weights.size()];
        this.variances = new NDArray[weights.size()];
        List<String> names = params.trainableNames();
        for (int i = 0; i < weights.size(); i++) {
            means[i] = manager.zeros(weights.get(i).getShape());
            means[i].setName("m." + names.get(i));
            variances[i] = manager.zeros(weights.get(i).getShape());
            variances[i].setName("v." + names.get(i));
        }
    }

    /** Creates Adam with the usual defaults: betas 0.9 and 0.999, epsilon 1e-8. */
    public static AdamOptimizer defaults(NamedParameters params, float weightDecay) {
        return new AdamOptimizer(params, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    /** Applies one update with learning rate {@code lr} and zeroes the gradients. */
    public void step(float lr) {
        steps++;
        double corrected =
                lr * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        for (int i = 0; i < means.length; i++) {
            NDArray w = weights.get(i);
            try (NDArray g = w.getGradient()) {
                FusedKernels.adamUpdate(
                        w,
                        g,
                        means[i],
                        variances[i],
                        lr,
                        (float) corrected,
                        weightDecay,
                        beta1,
                        beta2,
                        epsilon);
            }
        }
    }

    /** Returns the number of updates applied so far. */
    public long steps() {
        return steps;
    }

    /** Saves moments and the step count (as a one-element array) to a safetensors file. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(
                file,
                out -> {
                    NDList list = new NDList();
                    for (int i = 0; i < means.length; i++) {
                        list.add(means[i]);
                        list.add(variances[i]);
                    }
                    NDArray count = manager.create(new long[] {steps});
                    count.setName("steps");
                    list.add(count);
                    list.encode(out, NDList.Encoding.SAFETENSORS);
                    count.close();
                });
    }

    /** Restores what {@link #save} wrote; the parameter set must match. */
    public void load(Path file) throws IOException {
        try (NDManager scratch = manager.newSubManager();
                var in =
                        new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
            NDList list;
            try {
                list = NDList.decode(scratch, in);
            } catch (RuntimeException e) {
                throw new IOException(file + ": unreadable optimizer state", e);
            }
            for (int i = 0; i < means.length; i++) {
                copy(list, means[i], file);
                copy(list, variances[i], file);
            }
            if (!list.contains("steps")) {
                throw new IOException(file + ": optimizer state lacks its step count");
            }
            steps = list.get("steps").getLong();
        }
    }

    private static void copy(NDList list, NDArray target, Path file) throws IOException {
        if (!list.contains(target.getName())
                || !list.get(target.getName()).getShape().equals(target.getShape())) {
            throw new IOException(
                    file
                            + ": optimizer state lacks '"
                            + target.getName()
                            + "' of shape "
                            + target.getShape());
        }
        NamedParameters.assign(target, list.get(target.getName()));
    }

    @Override
    public void close() {
        manager.close();
    }
}
