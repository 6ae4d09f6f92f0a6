package org.seqlab.eval;

/**
 * The settings of {@link Bleu}, named after sacreBLEU's {@code BLEU(...)} arguments.
 *
 * <p>{@link #defaults()} is sacreBLEU 2.x's corpus BLEU: {@code tokenize='13a'}, {@code
 * smooth_method='exp'}, {@code max_ngram_order=4}, {@code effective_order=False}. {@link
 * #sentenceDefaults()} is its {@code sentence_bleu}: the same with {@code effective_order=True}.
 * Scores are always case-sensitive ({@code lowercase=False}); sacreBLEU's {@code force} only
 * silences a warning, so it has no counterpart.
 *
 * @param tokenizer how segments are split into words
 * @param smoothing what happens to n-gram orders without matches
 * @param smoothValue the value of {@link BleuSmoothing#FLOOR} or {@link BleuSmoothing#ADD_K}, at
 *     least 0; ignored (and kept as NaN) for the other methods
 * @param maxNgramOrder the largest n-gram order, at least 1 (sacreBLEU: 4)
 * @param effectiveOrder whether orders that the hypotheses do not reach are left out of the
 *     geometric mean instead of making the score 0; sacreBLEU recommends it for sentence BLEU
 */
public record BleuConfig(
        BleuTokenizer tokenizer,
        BleuSmoothing smoothing,
        double smoothValue,
        int maxNgramOrder,
        boolean effectiveOrder) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if the tokenizer or smoothing is null, {@code maxNgramOrder}
     *     is below 1, or a smoothing method that takes a value gets a negative or non-finite one
     */
    public BleuConfig {
        if (tokenizer == null || smoothing == null) {
            throw new IllegalArgumentException("The BLEU tokenizer and smoothing must be given.");
        }
        if (maxNgramOrder < 1) {
            throw new IllegalArgumentException(
                    "The maximum n-gram order must be at least 1, but was " + maxNgramOrder + ".");
        }
        if (smoothing.takesValue()) {
            if (!(smoothValue >= 0 && Double.isFinite(smoothValue))) {
                throw new IllegalArgumentException(
                        "The "
                                + smoothing.signature()
                                + " smoothing value must be a finite number of at least 0, but was "
                                + smoothValue
                                + ".");
            }
        } else {
            smoothValue = Double.NaN;
        }
    }

    /**
     * Returns sacreBLEU 2.x's corpus BLEU settings: 13a, exp smoothing, order 4, no effective
     * order.
     *
     * @return the settings behind the signature {@code case:mixed|eff:no|tok:13a|smooth:exp}
     */
    public static BleuConfig defaults() {
        return new BleuConfig(BleuTokenizer.MTEVAL_13A, BleuSmoothing.EXP, Double.NaN, 4, false);
    }

    /**
     * Returns sacreBLEU 2.x's {@code sentence_bleu} settings: the defaults with effective order.
     *
     * @return the settings behind the signature {@code case:mixed|eff:yes|tok:13a|smooth:exp}
     */
    public static BleuConfig sentenceDefaults() {
        return defaults().withEffectiveOrder(true);
    }

    /**
     * Returns a copy with another tokenizer.
     *
     * @param value the tokenizer
     * @return the new settings
     */
    public BleuConfig withTokenizer(BleuTokenizer value) {
        return new BleuConfig(value, smoothing, smoothValue, maxNgramOrder, effectiveOrder);
    }

    /**
     * Returns a copy with another smoothing method and sacreBLEU's default value for it.
     *
     * @param method the smoothing method
     * @return the new settings
     * @throws IllegalArgumentException if {@code method} is null
     */
    public BleuConfig withSmoothing(BleuSmoothing method) {
        if (method == null) {
            throw new IllegalArgumentException("The BLEU smoothing method must be given.");
        }
        return withSmoothing(method, method.defaultValue());
    }

    /**
     * Returns a copy with another smoothing method and value.
     *
     * @param method the smoothing method
     * @param value its value; ignored for methods without one
     * @return the new settings
     */
    public BleuConfig withSmoothing(BleuSmoothing method, double value) {
        return new BleuConfig(tokenizer, method, value, maxNgramOrder, effectiveOrder);
    }

    /**
     * Returns a copy with another maximum n-gram order.
     *
     * @param value the largest n-gram order, at least 1
     * @return the new settings
     */
    public BleuConfig withMaxNgramOrder(int value) {
        return new BleuConfig(tokenizer, smoothing, smoothValue, value, effectiveOrder);
    }

    /**
     * Returns a copy with effective order switched on or off.
     *
     * @param value whether to use effective order
     * @return the new settings
     */
    public BleuConfig withEffectiveOrder(boolean value) {
        return new BleuConfig(tokenizer, smoothing, smoothValue, maxNgramOrder, value);
    }

    /**
     * Returns the settings part of sacreBLEU's BLEU signature.
     *
     * @return for example {@code case:mixed|eff:no|tok:13a|smooth:exp} or {@code
     *     case:mixed|eff:yes|tok:none|smooth:floor[0.01]}
     */
    String signatureFields() {
        String smooth = smoothing.signature();
        if (smoothing.takesValue()) {
            smooth += "[" + PythonText.fixed(smoothValue, 2) + "]";
        }
        return "case:mixed|eff:"
                + (effectiveOrder ? "yes" : "no")
                + "|tok:"
                + tokenizer.signature()
                + "|smooth:"
                + smooth;
    }
}
