package org.seqlab.tokenizers;

import java.util.Objects;

/**
 * A piece of text together with its position in the text it was cut from.
 *
 * <p>{@code start} and {@code end} are UTF-16 {@code char} offsets (as used by {@link
 * String#substring(int, int)}), {@code start} inclusive and {@code end} exclusive. For tokenizers
 * that do not normalize, {@code original.substring(start, end).equals(text)} holds.
 *
 * @param text the token's text; never null
 * @param start the offset of the token's first char in the original text; at least 0
 * @param end the offset just past the token's last char; at least {@code start}
 */
public record Token(String text, int start, int end) {

    /**
     * Creates a token, checking its offsets.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code start} is negative or {@code end < start}
     */
    public Token {
        Objects.requireNonNull(text, "The token text must not be null.");
        if (start < 0) {
            throw new IllegalArgumentException(
                    "The token start offset must be at least 0, but was " + start + ".");
        }
        if (end < start) {
            throw new IllegalArgumentException(
                    "The token end offset must be at least the start offset "
                            + start
                            + ", but was "
                            + end
                            + ".");
        }
    }

    /**
     * Returns the number of chars the token spans in the original text.
     *
     * @return {@code end - start}
     */
    public int length() {
        return end - start;
    }
}
