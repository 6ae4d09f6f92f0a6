package org.seqlab.eval;

import org.seqlab.io.Json;

/**
 * The score of a language model: mean cross-entropy in nats per token over a number of tokens.
 *
 * <p>Bits per token and perplexity are derived from the loss. When tokens are characters, bits per
 * token is the usual bits-per-character (bpc).
 *
 * @param tokens the number of tokens scored, at least 1
 * @param lossNats the mean cross-entropy in nats per token, finite and non-negative
 */
public record LanguageModelScore(long tokens, double lossNats) {

    private static final double LN_2 = Math.log(2.0);

    /**
     * Checks the arguments.
     *
     * @throws IllegalArgumentException if {@code tokens < 1} or {@code lossNats} is negative,
     *     {@code NaN} or infinite
     */
    public LanguageModelScore {
        if (tokens < 1) {
            throw new IllegalArgumentException(
                    "The token count must be at least 1, but was " + tokens + ".");
        }
        if (!Double.isFinite(lossNats) || lossNats < 0) {
            throw new IllegalArgumentException(
                    "The loss must be a finite, non-negative number of nats, but was "
                            + lossNats
                            + ".");
        }
    }

    /**
     * Creates a score from a summed loss.
     *
     * @param sumNats the cross-entropy summed over all tokens, in nats
     * @param tokens the number of tokens in the sum, at least 1
     * @return the score with loss {@code sumNats / tokens}
     * @throws IllegalArgumentException if {@code tokens < 1} or the mean is not a finite,
     *     non-negative number
     */
    public static LanguageModelScore fromSum(double sumNats, long tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException(
                    "The token count must be at least 1, but was " + tokens + ".");
        }
        return new LanguageModelScore(tokens, sumNats / tokens);
    }

    /**
     * Returns the loss in bits per token.
     *
     * @return {@code lossNats / ln 2}
     */
    public double bitsPerToken() {
        return lossNats / LN_2;
    }

    /**
     * Returns the perplexity.
     *
     * @return {@code exp(lossNats)}; may be infinite for a very large loss
     */
    public double perplexity() {
        return Math.exp(lossNats);
    }

    /**
     * Returns the score as one JSON object on one line.
     *
     * <p>The keys are, in this order: {@code tokens}, {@code loss_nats}, {@code bits_per_token},
     * {@code perplexity}. Values are plain JSON numbers; an infinite perplexity is written as
     * {@code null}.
     *
     * @return the JSON text, for example {@code
     *     {"tokens":10,"loss_nats":0.5,"bits_per_token":0.72,"perplexity":1.64}}
     */
    public String toJsonString() {
        return "{\"tokens\":"
                + tokens
                + ",\"loss_nats\":"
                + Json.number(lossNats)
                + ",\"bits_per_token\":"
                + Json.number(bitsPerToken())
                + ",\"perplexity\":"
                + Json.number(perplexity())
                + "}";
    }
}
