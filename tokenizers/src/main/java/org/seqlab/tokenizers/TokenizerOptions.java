package org.seqlab.tokenizers;

/**
 * Settings for {@link NormalizingTokenizer}: which normalizations to apply to each token's text,
 * and how many tokens to keep.
 *
 * <p>The normalizations run in a fixed order: NFKC, then lowercasing, then number folding (see
 * {@link NormalizingTokenizer} for the exact rules).
 *
 * @param lowercase whether to lowercase token texts ({@link java.util.Locale#ROOT})
 * @param nfkc whether to apply Unicode NFKC normalization ({@code "ﬁ"} becomes {@code "fi"},
 *     full-width {@code "１２"} becomes {@code "12"})
 * @param foldNumbers whether to replace a token that is a number by {@link
 *     NormalizingTokenizer#NUMBER}
 * @param maxLength the number of tokens to keep, the first ones; 0 keeps all
 */
public record TokenizerOptions(
        boolean lowercase, boolean nfkc, boolean foldNumbers, int maxLength) {

    private static final TokenizerOptions NONE = new TokenizerOptions(false, false, false, 0);

    /**
     * Creates options, checking {@code maxLength}.
     *
     * @throws IllegalArgumentException if {@code maxLength} is negative
     */
    public TokenizerOptions {
        if (maxLength < 0) {
            throw new IllegalArgumentException(
                    "The maximum number of tokens must be at least 0 (0 means unlimited), but was "
                            + maxLength
                            + ".");
        }
    }

    /**
     * Returns options that change nothing: no normalization and no length limit.
     *
     * @return the identity options
     */
    public static TokenizerOptions none() {
        return NONE;
    }

    /**
     * Tells whether these options change nothing.
     *
     * @return true if equal to {@link #none()}
     */
    public boolean isNone() {
        return equals(NONE);
    }
}
