package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** Loss functions over logits; all reduce in float32 on the model's device. */
public final class Losses {

    private Losses() {}

    /**
     * Returns the summed cross-entropy in nats of {@code targets} under {@code logits}.
     *
     * @param logits {@code (..., V)} unnormalized scores
     * @param targets int64 ids with the shape of {@code logits} minus its last axis
     * @return a scalar: the sum over all positions of {@code logsumexp(logits) - logits[target]}
     */
    public static NDArray crossEntropySum(NDArray logits, NDArray targets) {
        long classes = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray flat = logits.reshape(-1, classes).logSoftmax(1);
        NDArray picked = flat.get(new NDIndex().addAllDim().addPickDim(targets.reshape(-1, 1)));
        return picked.sum().neg();
    }

    /**
     * Returns the class-weighted mean cross-entropy: {@code sum_i w[y_i] * nll_i / sum_i w[y_i]},
     * as PyTorch's {@code cross_entropy(weight=...)}.
     *
     * @param logits {@code (B, C)}
     * @param targets int64 {@code (B)}
     * @param classWeights float32 {@code (C)}
     */
    public static NDArray weightedCrossEntropyMean(
            NDArray logits, NDArray targets, NDArray classWeights) {
        NDArray nll =
                logits.logSoftmax(1)
                        .get(new NDIndex().addAllDim().addPickDim(targets.reshape(-1, 1)))
                        .reshape(-1)
                        .neg();
        NDArray w = classWeights.get(targets);
        return nll.mul(w).sum().div(w.sum());
    }

    /** Returns the mean cross-entropy in nats per position. */
    public static NDArray crossEntropyMean(NDArray logits, NDArray targets) {
        return crossEntropySum(logits, targets).div(targets.size());
    }

    /** A masked sequence loss: the sum over real positions and how many there were. */
    public record SequenceLoss(NDArray sum, long tokens) {

        /** Returns the mean per real position (the sum when there are none, i.e. zero). */
        public NDArray mean() {
            return tokens == 0 ? sum : sum.div(tokens);
        }
    }

    /**
     * Returns the cross-entropy of {@code targets} under {@code logits} summed over the real
     * positions only (padding contributes nothing, whatever its logits or targets), with optional
     * label smoothing: each position's loss is {@code (1 - eps) * nll + eps * mean_v(-log p_v)}.
     *
     * @param logits {@code (B, T, V)}
     * @param targets int64 {@code (B, T)}; ids at padded positions must still be valid ids
     * @param mask boolean {@code (B, T)}, true at real positions
     * @param smoothing {@code eps} in [0, 1)
     * @throws IllegalArgumentException when {@code smoothing} is out of range
     */
    public static SequenceLoss sequenceCrossEntropy(
            NDArray logits, NDArray targets, NDArray mask, float smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException(
                    "Label smoothing must be in [0, 1); got " + smoothing + ".");
        }
        long classes = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logp = logits.reshape(-1, classes).logSoftmax(1);
        NDArray nll =
                logp.get(new NDIndex().addAllDim().addPickDim(targets.reshape(-1, 1)))
                        .reshape(-1)
                        .neg();
        NDArray loss = nll;
        if (smoothing > 0) {
            NDArray uniform = logp.mean(new int[] {1}).neg();
            loss = nll.mul(1 - smoothing).add(uniform.mul(smoothing));
        }
        NDArray keep = mask.reshape(-1);
        long tokens = keep.toType(ai.djl.ndarray.types.DataType.INT64, false).sum().getLong();
        NDArray kept = ai.djl.ndarray.NDArrays.where(keep, loss, loss.getManager().create(0f));
        return new SequenceLoss(kept.sum(), tokens);
    }
}
