package org.seqlab.embeddings;

import java.util.Locale;

/**
 * How many vocabulary words (the special tokens not counted) found a pretrained vector.
 *
 * @param vocabulary the number of non-special vocabulary words
 * @param exact how many matched a vector exactly
 * @param lowercase how many matched only through their lowercase form
 * @param missing how many had no vector
 */
public record Coverage(int vocabulary, int exact, int lowercase, int missing) {

    /**
     * Checks that the counts add up.
     *
     * @throws IllegalArgumentException if a count is negative or {@code exact + lowercase + missing
     *     != vocabulary}
     */
    public Coverage {
        if (exact < 0
                || lowercase < 0
                || missing < 0
                || exact + lowercase + missing != vocabulary) {
            throw new IllegalArgumentException(
                    "Coverage counts must be non-negative and add up to the vocabulary size, but"
                            + " were "
                            + exact
                            + " exact + "
                            + lowercase
                            + " lowercase + "
                            + missing
                            + " missing for "
                            + vocabulary
                            + " words.");
        }
    }

    /**
     * Returns the share of words that found a vector, exactly or via lowercase.
     *
     * @return {@code (exact + lowercase) / vocabulary}, or 0 for an empty vocabulary
     */
    public double fraction() {
        return vocabulary == 0 ? 0 : (double) (exact + lowercase) / vocabulary;
    }

    /**
     * Returns a one-line summary.
     *
     * @return for example {@code coverage 91.2% of 30000 (27000 exact, 360 via lowercase, 2640
     *     missing)}
     */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "coverage %.1f%% of %d (%d exact, %d via lowercase, %d missing)",
                100 * fraction(),
                vocabulary,
                exact,
                lowercase,
                missing);
    }
}
