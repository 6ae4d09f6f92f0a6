package org.seqlab.tokenizers;

import java.util.Objects;

/**
 * One byte-pair merge rule: wherever {@code left} is directly followed by {@code right} inside a
 * pre-token, the two become the single piece {@code left + right}.
 *
 * @param left the left piece; never null or empty
 * @param right the right piece; never null or empty
 */
record BpeMerge(String left, String right) {

    BpeMerge {
        Objects.requireNonNull(left, "The left piece of a merge must not be null.");
        Objects.requireNonNull(right, "The right piece of a merge must not be null.");
    }

    /** Returns the piece the merge produces. */
    String merged() {
        return left + right;
    }
}
