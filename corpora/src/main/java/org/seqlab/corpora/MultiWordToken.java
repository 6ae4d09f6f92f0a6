package org.seqlab.corpora;

import java.util.Objects;

/**
 * A CoNLL-U multi-word token: one surface form, such as {@code don't}, that the treebank splits
 * into the syntactic words {@code do} and {@code n't}, which are tagged one by one.
 *
 * <p>It is kept only to show a sentence as it was written; taggers see the words.
 *
 * @param first the zero-based index of the first word it covers, at least 0
 * @param last the zero-based index of the last word it covers, inclusive, above {@code first}
 * @param form the surface form as written; not null or empty
 */
public record MultiWordToken(int first, int last, String form) {

    /**
     * Checks the range and the form.
     *
     * @throws IllegalArgumentException if {@code first} is negative, {@code last} is not above
     *     {@code first}, or {@code form} is null or empty
     */
    public MultiWordToken {
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException(
                    "A multi-word token must cover two or more words from index 0 on, but it"
                            + " covers "
                            + first
                            + " to "
                            + last
                            + ".");
        }
        if (Objects.requireNonNull(form, "form").isEmpty()) {
            throw new IllegalArgumentException("The form of a multi-word token must not be empty.");
        }
    }
}
