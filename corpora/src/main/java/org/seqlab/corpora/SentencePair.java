package org.seqlab.corpora;

import java.util.Objects;

/**
 * One sentence and its translation, such as a line of a parallel TSV file.
 *
 * @param source the sentence to translate; not null
 * @param target its translation; not null
 * @param line the one-based line of the file it was read from, or 0 when it was not read from a
 *     file
 */
public record SentencePair(String source, String target, long line) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public SentencePair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (line < 0) {
            throw new IllegalArgumentException(
                    "A line number must be 0 (unknown) or more, but it is " + line + ".");
        }
    }
}
