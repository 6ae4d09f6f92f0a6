package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Builds padding masks from sequence lengths.
 *
 * <p>DJL's {@code NDArray.sequenceMask} is not implemented by the PyTorch engine, so masks are
 * built here from the lengths read on the Java side, which also lets every length be checked.
 */
public final class Masks {

    private Masks() {}

    /**
     * Returns a boolean mask {@code (B, maxLen)} that is true exactly where {@code t < lengths[b]}.
     *
     * <p>The mask has {@link DataType#BOOLEAN} dtype; use {@code toType(DataType.FLOAT32, false)}
     * for a 0/1 float mask.
     *
     * @param manager owner of the returned mask
     * @param lengths integer lengths {@code (B)}, each in {@code [1, maxLen]}
     * @param maxLen number of time steps {@code T}, at least 1
     * @throws IllegalArgumentException when {@code lengths} is not 1-D, or naming the first length
     *     that is not in {@code [1, maxLen]}
     */
    public static NDArray lengthMask(NDManager manager, NDArray lengths, long maxLen) {
        return lengthMask(manager, lengthsOf(lengths, maxLen), maxLen);
    }

    /** Returns the boolean mask {@code (B, maxLen)} for lengths already checked. */
    static NDArray lengthMask(NDManager manager, long[] values, long maxLen) {
        int t = Math.toIntExact(maxLen);
        boolean[] mask = new boolean[Math.multiplyExact(values.length, t)];
        for (int b = 0; b < values.length; b++) {
            for (int s = 0; s < values[b]; s++) {
                mask[b * t + s] = true;
            }
        }
        return manager.create(mask, new Shape(values.length, maxLen));
    }

    /**
     * Reads {@code lengths} into Java and checks each is in {@code [1, maxLen]}.
     *
     * @throws IllegalArgumentException naming the first bad length or the bad shape
     */
    static long[] lengthsOf(NDArray lengths, long maxLen) {
        if (maxLen < 1) {
            throw new IllegalArgumentException(
                    "The maximum length must be at least 1; got " + maxLen + ".");
        }
        if (lengths.getShape().dimension() != 1) {
            throw new IllegalArgumentException(
                    "Lengths must be a 1-D array (batch); got shape " + lengths.getShape() + ".");
        }
        DataType type = lengths.getDataType();
        if (!type.isInteger()) {
            throw new IllegalArgumentException("Lengths must be integers; got dtype " + type + ".");
        }
        long[] values =
                type == DataType.INT64
                        ? lengths.toLongArray()
                        : lengths.toType(DataType.INT64, false).toLongArray();
        for (int b = 0; b < values.length; b++) {
            if (values[b] < 1 || values[b] > maxLen) {
                throw new IllegalArgumentException(
                        "Length "
                                + values[b]
                                + " of sequence "
                                + b
                                + " is not in [1, "
                                + maxLen
                                + "].");
            }
        }
        return values;
    }
}
