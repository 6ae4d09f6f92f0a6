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
}
