package org.seqlab.corpora;

import java.util.Objects;

/**
 * A chunk (an entity) in a tag sequence: the tokens from {@code start} up to {@code end} are one
 * chunk of type {@code type}.
 *
 * @param start the zero-based index of its first token, at least 0
 * @param end the index after its last token, above {@code start}
 * @param type the chunk type, such as {@code PER}; not null or empty
 */
public record TagSpan(int start, int end, String type) {

    /**
     * Checks the bounds and the type.
     *
     * @throws IllegalArgumentException if {@code start} is negative, {@code end} is not above it,
     *     or {@code type} is null or empty
     */
    public TagSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException(
                    "A span must cover at least one token from index 0 on, but it is ["
                            + start
                            + ", "
                            + end
                            + ").");
        }
        if (Objects.requireNonNull(type, "type").isEmpty()) {
            throw new IllegalArgumentException("The type of a span must not be empty.");
        }
    }
}
