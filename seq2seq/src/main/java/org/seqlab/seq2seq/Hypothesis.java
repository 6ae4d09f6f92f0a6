package org.seqlab.seq2seq;

/**
 * One finished output of a search.
 *
 * <p>{@code tokens} never contains the end token: a hypothesis that ended by choosing it has its
 * log-probability in {@code logProb} and counts it in the length that {@code score} divides by, but
 * does not list it. One that reached the maximum length ended there, without it.
 *
 * @param tokens the output token ids, end token excluded
 * @param logProb the sum of the log-probabilities of the tokens and, when it ended with one, of the
 *     end token
 * @param score {@code logProb / length^alpha}, length counting the tokens and the end token if
 *     chosen, the value the n-best list is sorted by (see {@link SearchOptions#lengthPenalty()})
 * @param attention one row of source attention weights per token of {@code tokens}: row {@code i}
 *     is what the step that scored token {@code i} returned (the weights of the step that chose the
 *     end token are not kept); {@code null} when the step returns no attention
 */
public record Hypothesis(int[] tokens, double logProb, double score, float[][] attention) {

    /** Checks that the tokens are present and that attention, if any, has one row per token. */
    public Hypothesis {
        if (tokens == null) {
            throw new IllegalArgumentException("A hypothesis needs a token array.");
        }
        if (attention != null && attention.length != tokens.length) {
            throw new IllegalArgumentException(
                    "A hypothesis needs one attention row per token; got "
                            + attention.length
                            + " rows for "
                            + tokens.length
                            + " tokens.");
        }
    }
}
