package org.seqlab.corpora;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sequence of token ids divided into a training part and a validation part.
 *
 * <p>The arrays are not copied, so that corpora of tens of millions of ids are not duplicated;
 * callers must not modify them. {@link #equals}, {@link #hashCode} and {@link #toString} look at
 * the arrays' contents, and {@code toString} prints only their sizes.
 *
 * @param train the ids to train on; not null
 * @param valid the ids to validate on; not null, may be empty
 */
public record Split(int[] train, int[] valid) {

    /** Checks that both parts are present. */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
    }

    /**
     * Splits ids by position: the last {@code round(n * validFraction)} ids are the validation part
     * and the rest the training part.
     *
     * <p>The split is deterministic and keeps the order of the ids, so that a language model is
     * validated on text that follows its training text. A fraction of 0 gives an empty validation
     * part. The returned arrays are fresh copies.
     *
     * @param ids the whole corpus; not null
     * @param validFraction the share of ids to validate on, in [0, 1)
     * @return the split
     * @throws IllegalArgumentException if {@code validFraction} is outside [0, 1) or NaN, or if it
     *     is positive and the corpus is too short for both parts to be non-empty
     */
    public static Split byPosition(int[] ids, double validFraction) {
        Objects.requireNonNull(ids, "ids");
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new IllegalArgumentException(
                    "The validation fraction must be in [0, 1), but it is " + validFraction + ".");
        }
        int n = ids.length;
        int validSize = (int) Math.round(n * validFraction);
        if (validFraction > 0 && (validSize < 1 || validSize >= n)) {
            throw new IllegalArgumentException(
                    "The corpus has "
                            + n
                            + " ids, too few to split with validation fraction "
                            + validFraction
                            + " into a non-empty training part and a non-empty validation part"
                            + " (it would give "
                            + validSize
                            + " validation ids).");
        }
        int trainSize = n - validSize;
        return new Split(
                Arrays.copyOfRange(ids, 0, trainSize), Arrays.copyOfRange(ids, trainSize, n));
    }

    /** Two splits are equal when their parts have equal contents. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Split other
                && Arrays.equals(train, other.train)
                && Arrays.equals(valid, other.valid);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(valid);
    }

    /** Returns the sizes of the parts, for example {@code Split[train=900 ids, valid=100 ids]}. */
    @Override
    public String toString() {
        return "Split[train=" + train.length + " ids, valid=" + valid.length + " ids]";
    }
}
