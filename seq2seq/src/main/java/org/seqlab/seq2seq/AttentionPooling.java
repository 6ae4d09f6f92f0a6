package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;

/**
 * Pools a padded batch {@code (B, T, H)} into {@code (B, H)} by a softmax over time of the scores
 * {@code seq · w}, with a learned vector {@code w}.
 *
 * <p>The vector is registered as {@code <prefix>.w} (shape {@code (H)}, uniform in {@code
 * [-1/sqrt(H), 1/sqrt(H)]}). There is no bias: a constant added to every score cancels in the
 * softmax. Padded positions get a score of minus infinity, so their weight is exactly 0 and their
 * values never reach the output. Each row needs at least one real position.
 */
public final class AttentionPooling {

    private final NDArray w;
    private final int hidden;

    /**
     * Creates the scoring vector in {@code params}.
     *
     * @param hidden size {@code H} of each position's vector, at least 1
     * @throws IllegalArgumentException naming {@code hidden} when it is below 1
     */
    public AttentionPooling(NamedParameters params, String prefix, int hidden) {
        if (hidden < 1) {
            throw new IllegalArgumentException(
                    "Attention pooling needs a hidden size >= 1; got " + hidden + ".");
        }
        this.hidden = hidden;
        this.w = params.uniform(prefix + ".w", new Shape(hidden), 1.0 / Math.sqrt(hidden));
    }

    /**
     * Returns the attention weights {@code (B, T)}: each row sums to 1 over the real positions and
     * is exactly 0 on padded ones.
     *
     * @param seq {@code (B, T, H)}
     * @param mask {@code (B, T)}, true (non-zero) on real positions
     * @throws IllegalArgumentException when the shapes do not match
     */
    public NDArray weights(NDArray seq, NDArray mask) {
        MaskedPooling.checkShapes(seq, mask);
        if (seq.getShape().get(2) != hidden) {
            throw new IllegalArgumentException(
                    "Expected vectors of size "
                            + hidden
                            + " for attention pooling, got shape "
                            + seq.getShape()
                            + ".");
        }
        NDArray scores = seq.matMul(w.reshape(hidden, 1)).squeeze(2);
        NDArray keep = MaskedPooling.expand(scores.expandDims(2), mask).squeeze(2);
        NDArray masked =
                NDArrays.where(keep, scores, seq.getManager().create(Float.NEGATIVE_INFINITY));
        return masked.softmax(1);
    }

    /**
     * Returns {@code Σ_t weights[b, t] · seq[b, t]}, {@code (B, H)}; padded values are zeroed
     * first, so even infinite padding is ignored.
     *
     * @throws IllegalArgumentException when the shapes do not match
     */
    public NDArray pool(NDArray seq, NDArray mask) {
        NDArray a = weights(seq, mask);
        NDArray real =
                NDArrays.where(MaskedPooling.expand(seq, mask), seq, seq.getManager().create(0f));
        return a.expandDims(1).matMul(real).squeeze(1);
    }

    /** Returns the learned scoring vector {@code (H)}. */
    public NDArray vector() {
        return w;
    }
}
