package org.seqlab.eval;

/**
 * How {@link Bleu} handles an n-gram order without matches, as sacreBLEU's {@code smooth_method}
 * (after Chen and Cherry, "A Systematic Comparison of Smoothing Techniques for Sentence-Level
 * BLEU", WMT 2014).
 */
public enum BleuSmoothing {
    /** {@code none}: a zero precision makes the score 0. */
    NONE("none", Double.NaN),
    /**
     * {@code floor} (method 1): a zero match count counts as the smoothing value, 0.1 by default.
     */
    FLOOR("floor", 0.1),
    /**
     * {@code add-k} (method 2): the smoothing value, 1 by default, is added to the match and total
     * counts of every order above 1.
     */
    ADD_K("add-k", 1.0),
    /**
     * {@code exp} (method 3, the NIST smoothing of {@code mteval-v13a.pl}), sacreBLEU's default:
     * the k-th order without matches gets precision {@code 1 / (2^k * total)}.
     */
    EXP("exp", Double.NaN);

    private final String signature;
    private final double defaultValue;

    BleuSmoothing(String signature, double defaultValue) {
        this.signature = signature;
        this.defaultValue = defaultValue;
    }

    /**
     * Returns sacreBLEU's name for the method.
     *
     * @return {@code none}, {@code floor}, {@code add-k} or {@code exp}
     */
    public String signature() {
        return signature;
    }

    /**
     * Returns whether the method takes a smoothing value.
     *
     * @return true for {@link #FLOOR} and {@link #ADD_K}
     */
    public boolean takesValue() {
        return !Double.isNaN(defaultValue);
    }

    /**
     * Returns sacreBLEU's default smoothing value for the method.
     *
     * @return 0.1 for {@link #FLOOR}, 1 for {@link #ADD_K}, NaN for the methods without a value
     */
    public double defaultValue() {
        return defaultValue;
    }
}
