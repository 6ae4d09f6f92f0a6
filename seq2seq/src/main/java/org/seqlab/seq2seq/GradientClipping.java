package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Global-norm gradient clipping, as {@code torch.nn.utils.clip_grad_norm_}: when the L2 norm of all
 * gradients together exceeds {@code maxNorm}, every gradient is scaled by {@code maxNorm / (norm +
 * 1e-6)}. (DJL's {@code optClipGrad} clamps each element instead.)
 */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Clips the gradients of {@code params} in place.
     *
     * @param maxNorm the largest allowed global norm; {@code <= 0} or infinite disables clipping
     * @return the global norm before clipping (may be NaN or infinite: the caller must check)
     */
    public static double clipGlobalNorm(NamedParameters params, double maxNorm) {
        List<NDArray> grads = new ArrayList<>();
        try (NDManager scratch = params.manager().newSubManager()) {
            for (NDArray w : params.trainable()) {
                NDArray g = w.getGradient();
                g.attach(scratch);
                grads.add(g);
            }
            NDArray total = null;
            for (NDArray g : grads) {
                NDArray sq = g.square().sum();
                total = total == null ? sq : total.addi(sq);
            }
            double norm = Math.sqrt(total.getFloat());
            if (maxNorm > 0
                    && Double.isFinite(maxNorm)
                    && norm > maxNorm
                    && Double.isFinite(norm)) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
            return norm;
        }
    }
}
