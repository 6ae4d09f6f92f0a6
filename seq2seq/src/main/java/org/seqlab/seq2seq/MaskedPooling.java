package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Pools a padded batch of sequences {@code (B, T, H)} over time so that padded positions never
 * influence the result.
 *
 * <p>Every method takes a mask {@code (B, T)} (boolean, or any numeric dtype where non-zero means a
 * real position, as built by {@link Masks#lengthMask}) and requires at least one real position per
 * row. Padded values are replaced, not multiplied, so even infinite or NaN padding is ignored. All
 * operations are differentiable with respect to {@code seq}.
 */
public final class MaskedPooling {

    private MaskedPooling() {}

    /**
     * Returns the element-wise maximum over the real positions, {@code (B, H)}.
     *
     * @throws IllegalArgumentException when the shapes do not match
     */
    public static NDArray max(NDArray seq, NDArray mask) {
        NDArray keep = expand(seq, mask);
        NDArray filled =
                NDArrays.where(keep, seq, seq.getManager().create(Float.NEGATIVE_INFINITY));
        return filled.max(new int[] {1});
    }

    /**
     * Returns the mean over the real positions, {@code (B, H)}: the sum of the real values divided
     * by the number of real positions of each row.
     *
     * @throws IllegalArgumentException when the shapes do not match
     */
    public static NDArray mean(NDArray seq, NDArray mask) {
        NDArray keep = expand(seq, mask);
        NDArray zeroed = NDArrays.where(keep, seq, seq.getManager().create(0f));
        NDArray counts = toBoolean(mask).toType(seq.getDataType(), false).sum(new int[] {1}, true);
        return zeroed.sum(new int[] {1}).div(counts);
    }

    /**
     * Returns {@code [max, mean]} concatenated on the last axis, {@code (B, 2H)}.
     *
     * @throws IllegalArgumentException when the shapes do not match
     */
    public static NDArray maxMean(NDArray seq, NDArray mask) {
        return max(seq, mask).concat(mean(seq, mask), 1);
    }

    /**
     * Returns {@code mask} as a boolean {@code (B, T, H)} array matching {@code seq}.
     *
     * @throws IllegalArgumentException when {@code seq} is not 3-D or the mask is not its first two
     *     dimensions
     */
    static NDArray expand(NDArray seq, NDArray mask) {
        checkShapes(seq, mask);
        return toBoolean(mask).expandDims(2).broadcast(seq.getShape());
    }

    /** Checks that {@code seq} is {@code (B, T, H)} and {@code mask} is {@code (B, T)}. */
    static void checkShapes(NDArray seq, NDArray mask) {
        Shape s = seq.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException(
                    "Expected a sequence batch (batch, time, hidden), got shape " + s + ".");
        }
        Shape expected = new Shape(s.get(0), s.get(1));
        if (!mask.getShape().equals(expected)) {
            throw new IllegalArgumentException(
                    "Expected a mask of shape "
                            + expected
                            + " for sequences "
                            + s
                            + ", got "
                            + mask.getShape()
                            + ".");
        }
    }

    private static NDArray toBoolean(NDArray mask) {
        return mask.getDataType() == DataType.BOOLEAN ? mask : mask.neq(0);
    }
}
