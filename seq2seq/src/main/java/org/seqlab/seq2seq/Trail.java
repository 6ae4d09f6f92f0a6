package org.seqlab.seq2seq;

/**
 * The tokens a hypothesis has chosen so far, as a shared linked list (last token first): beams that
 * branch from one prefix share it, so extending a hypothesis costs one node.
 */
final class Trail {

    private final int token;
    private final float[] attention;
    private final Trail previous;
    private final int length;

    private Trail(int token, float[] attention, Trail previous) {
        this.token = token;
        this.attention = attention;
        this.previous = previous;
        this.length = previous == null ? 1 : previous.length + 1;
    }

    /** Returns {@code trail} (null when empty) extended by {@code token} and its attention row. */
    static Trail extend(Trail trail, int token, float[] attention) {
        return new Trail(token, attention, trail);
    }

    /** Returns the number of tokens of {@code trail} (null when empty). */
    static int length(Trail trail) {
        return trail == null ? 0 : trail.length;
    }

    /**
     * Returns the finished hypothesis.
     *
     * @param ended whether it chose the end token (counted in the length, not listed)
     * @param withAttention whether to collect the attention rows (the step returned them)
     */
    static Hypothesis finish(
            Trail trail,
            double logProb,
            boolean ended,
            boolean withAttention,
            SearchOptions options) {
        int n = length(trail);
        int[] tokens = new int[n];
        float[][] attention = withAttention ? new float[n][] : null;
        Trail t = trail;
        for (int i = n - 1; i >= 0; i--) {
            tokens[i] = t.token;
            if (attention != null) {
                attention[i] = t.attention;
            }
            t = t.previous;
        }
        return new Hypothesis(
                tokens, logProb, options.score(logProb, n + (ended ? 1 : 0)), attention);
    }
}
