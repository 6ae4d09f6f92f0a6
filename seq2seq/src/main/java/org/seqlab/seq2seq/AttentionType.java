package org.seqlab.seq2seq;

import java.util.Locale;

/** How an {@link Attention} scores a query against each source position. */
public enum AttentionType {
    /** Additive (Bahdanau et al. 2015): {@code v · tanh(W_q q + W_k h)}. */
    BAHDANAU,
    /** Luong et al. 2015, dot: {@code q · h}; the query and key sizes must be equal. */
    LUONG_DOT,
    /** Luong et al. 2015, general: {@code q · W h}. */
    LUONG_GENERAL;

    /**
     * Parses {@code bahdanau}, {@code luong-dot} or {@code luong-general} (case and {@code
     * -}/{@code _} ignored).
     *
     * @throws IllegalArgumentException naming the value when it is none of them
     */
    public static AttentionType parse(String name) {
        try {
            return valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown attention '"
                            + name
                            + "'; expected bahdanau, luong-dot or luong-general.",
                    e);
        }
    }

    /** Returns the name used on the command line: {@code bahdanau}, {@code luong-dot}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
