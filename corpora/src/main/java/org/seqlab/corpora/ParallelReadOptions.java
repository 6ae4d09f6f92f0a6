package org.seqlab.corpora;

/**
 * Options for {@link ParallelReader#read(java.nio.file.Path, ParallelReadOptions)}: which direction
 * to read and which pairs to drop.
 *
 * <p>Lengths are counted in words: maximal runs of code points that are not {@link
 * Character#isWhitespace(int)} (as {@code WhitespaceTokenizer} splits), so a no-break space such as
 * the U+202F before French {@code !} does not separate words. A length filter looks at both sides
 * of a pair, after {@code reverse}.
 *
 * @param reverse swap source and target, to train the other direction
 * @param minLength drop a pair when either side has fewer words than this; 0 for no minimum
 * @param maxLength drop a pair when either side has more words than this; 0 for no maximum
 * @param maxLengthRatio drop a pair when its longer side has more than this many times the words of
 *     its shorter side; at least 1, or 0 for no limit
 * @param dedupe drop a pair whose source and target are both those of an earlier kept pair
 * @param skipBad skip malformed lines (and count them) instead of failing on the first one
 */
public record ParallelReadOptions(
        boolean reverse,
        int minLength,
        int maxLength,
        double maxLengthRatio,
        boolean dedupe,
        boolean skipBad) {

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a length is negative, {@code maxLength} is below {@code
     *     minLength}, or {@code maxLengthRatio} is neither 0 nor a finite number of at least 1
     */
    public ParallelReadOptions {
        if (minLength < 0) {
            throw new IllegalArgumentException(
                    "The minimum length must be 0 (none) or more words, but it is "
                            + minLength
                            + ".");
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException(
                    "The maximum length must be 0 (none) or more words, but it is "
                            + maxLength
                            + ".");
        }
        if (maxLength > 0 && maxLength < minLength) {
            throw new IllegalArgumentException(
                    "The maximum length ("
                            + maxLength
                            + " words) must not be below the minimum length ("
                            + minLength
                            + " words).");
        }
        if (maxLengthRatio != 0 && !(maxLengthRatio >= 1 && Double.isFinite(maxLengthRatio))) {
            throw new IllegalArgumentException(
                    "The maximum length ratio must be 0 (none) or a finite number of at least 1,"
                            + " but it is "
                            + maxLengthRatio
                            + ".");
        }
    }

    /**
     * Returns the default options, which keep the file as it is: no reversal, no filters, no
     * deduplication, and a malformed line is an error.
     *
     * @return {@code new ParallelReadOptions(false, 0, 0, 0, false, false)}
     */
    public static ParallelReadOptions defaults() {
        return new ParallelReadOptions(false, 0, 0, 0, false, false);
    }

    /**
     * Returns these options with {@code reverse} replaced.
     *
     * @param value whether to swap source and target
     * @return the new options
     */
    public ParallelReadOptions withReverse(boolean value) {
        return new ParallelReadOptions(
                value, minLength, maxLength, maxLengthRatio, dedupe, skipBad);
    }

    /**
     * Returns these options with both length limits replaced.
     *
     * @param min the minimum words a side, 0 for none
     * @param max the maximum words a side, 0 for none
     * @return the new options
     * @throws IllegalArgumentException as the constructor describes
     */
    public ParallelReadOptions withLengths(int min, int max) {
        return new ParallelReadOptions(reverse, min, max, maxLengthRatio, dedupe, skipBad);
    }

    /**
     * Returns these options with {@code maxLengthRatio} replaced.
     *
     * @param value the ratio, at least 1, or 0 for none
     * @return the new options
     * @throws IllegalArgumentException as the constructor describes
     */
    public ParallelReadOptions withMaxLengthRatio(double value) {
        return new ParallelReadOptions(reverse, minLength, maxLength, value, dedupe, skipBad);
    }

    /**
     * Returns these options with {@code dedupe} replaced.
     *
     * @param value whether to drop repeated pairs
     * @return the new options
     */
    public ParallelReadOptions withDedupe(boolean value) {
        return new ParallelReadOptions(
                reverse, minLength, maxLength, maxLengthRatio, value, skipBad);
    }

    /**
     * Returns these options with {@code skipBad} replaced.
     *
     * @param value whether to skip malformed lines instead of failing
     * @return the new options
     */
    public ParallelReadOptions withSkipBad(boolean value) {
        return new ParallelReadOptions(
                reverse, minLength, maxLength, maxLengthRatio, dedupe, value);
    }
}
