package org.seqlab.eval;

/**
 * The settings of {@link ChrF}, named after sacreBLEU's {@code CHRF(...)} arguments.
 *
 * <p>{@link #defaults()} is sacreBLEU 2.x's chrF2: {@code char_order=6}, {@code word_order=0},
 * {@code beta=2}, {@code whitespace=False}, {@code eps_smoothing=False}. Scores are always
 * case-sensitive ({@code lowercase=False}).
 *
 * @param charOrder the largest character n-gram order, at least 0 (sacreBLEU: 6)
 * @param wordOrder the largest word n-gram order, at least 0; 2 gives chrF++ (sacreBLEU: 0)
 * @param beta the weight of recall over precision, at least 0 (sacreBLEU: 2)
 * @param whitespace whether whitespace is kept in character n-grams (sacreBLEU: removed)
 * @param epsSmoothing whether to average the F-scores of all orders, an order without statistics
 *     scoring about 0, as {@code chrF++.py}, Moses and NLTK do; sacreBLEU's default (false) instead
 *     averages precision and recall over the orders that both the hypotheses and the references
 *     reach ("effective order") and takes one F-score of the averages
 */
public record ChrFConfig(
        int charOrder, int wordOrder, int beta, boolean whitespace, boolean epsSmoothing) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if an order or beta is negative, or both orders are 0
     */
    public ChrFConfig {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException(
                    "chrF needs character and word n-gram orders of at least 0, one of them above"
                            + " 0, but got "
                            + charOrder
                            + " and "
                            + wordOrder
                            + ".");
        }
        if (beta < 0) {
            throw new IllegalArgumentException(
                    "The chrF beta must be at least 0, but was " + beta + ".");
        }
    }

    /**
     * Returns sacreBLEU 2.x's chrF2 settings.
     *
     * @return character order 6, word order 0, beta 2, whitespace removed, effective order
     */
    public static ChrFConfig defaults() {
        return new ChrFConfig(6, 0, 2, false, false);
    }

    /**
     * Returns sacreBLEU 2.x's chrF++ settings: the defaults with word order 2.
     *
     * @return character order 6, word order 2, beta 2, whitespace removed, effective order
     */
    public static ChrFConfig chrfPlusPlus() {
        return new ChrFConfig(6, 2, 2, false, false);
    }

    /**
     * Returns a copy with another beta.
     *
     * @param value the weight of recall over precision, at least 0
     * @return the new settings
     */
    public ChrFConfig withBeta(int value) {
        return new ChrFConfig(charOrder, wordOrder, value, whitespace, epsSmoothing);
    }

    /**
     * Returns a copy with whitespace kept in or removed from character n-grams.
     *
     * @param value whether to keep whitespace
     * @return the new settings
     */
    public ChrFConfig withWhitespace(boolean value) {
        return new ChrFConfig(charOrder, wordOrder, beta, value, epsSmoothing);
    }

    /**
     * Returns a copy with epsilon smoothing switched on or off.
     *
     * @param value whether to use epsilon smoothing instead of effective order
     * @return the new settings
     */
    public ChrFConfig withEpsSmoothing(boolean value) {
        return new ChrFConfig(charOrder, wordOrder, beta, whitespace, value);
    }

    /**
     * Returns sacreBLEU's name of the metric.
     *
     * @return {@code chrF} with beta and one {@code +} per word order, e.g. {@code chrF2} or {@code
     *     chrF2++}
     */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }

    /** Returns the settings part of sacreBLEU's chrF signature. */
    String signatureFields() {
        return "case:mixed|eff:"
                + (epsSmoothing ? "no" : "yes")
                + "|nc:"
                + charOrder
                + "|nw:"
                + wordOrder
                + "|space:"
                + (whitespace ? "yes" : "no");
    }
}
