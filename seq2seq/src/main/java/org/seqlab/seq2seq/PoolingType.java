package org.seqlab.seq2seq;

/** How {@link SequenceEncoder} turns per-position states {@code (B, T, H)} into one vector. */
public enum PoolingType {
    /** Element-wise maximum over the real positions: {@code (B, H)}. */
    MAX,
    /** Mean over the real positions: {@code (B, H)}. */
    MEAN,
    /** {@link #MAX} and {@link #MEAN} concatenated: {@code (B, 2H)}. */
    MAX_MEAN,
    /**
     * Softmax-weighted sum with a learned scoring vector ({@link AttentionPooling}): {@code (B,
     * H)}.
     */
    ATTENTION;

    /** Returns the pooled size for per-position states of size {@code hidden}. */
    public int outputSize(int hidden) {
        return this == MAX_MEAN ? 2 * hidden : hidden;
    }
}
