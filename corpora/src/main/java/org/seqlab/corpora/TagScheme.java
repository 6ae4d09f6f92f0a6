package org.seqlab.corpora;

import java.util.Locale;
import java.util.Objects;

/**
 * How tags mark chunks (entities) in a sequence of tags; {@link TagSchemes} converts between them.
 *
 * <p>Every scheme uses {@code O} for a token outside any chunk and a prefix and a type, such as
 * {@code B-PER}, for a token in a chunk; the type is everything after the first hyphen.
 */
public enum TagScheme {
    /**
     * IOB1 (CoNLL-2003 as released): {@code I-X} for every token of a chunk, except that {@code
     * B-X} starts a chunk that directly follows another chunk of the same type X.
     */
    IOB1,
    /** IOB2, also called BIO: {@code B-X} on the first token of every chunk, {@code I-X} after. */
    IOB2,
    /**
     * BIOES, also called IOBES: {@code S-X} for a one-token chunk; otherwise {@code B-X}, then
     * {@code I-X}, and {@code E-X} on the last token.
     */
    BIOES;

    /**
     * Returns the scheme named by {@code name}, as on a command line.
     *
     * @param name {@code iob1}, {@code iob2}, {@code bio}, {@code bioes} or {@code iobes}, in any
     *     case; not null
     * @return the scheme
     * @throws IllegalArgumentException if {@code name} is none of these, naming it and the choices
     */
    public static TagScheme parse(String name) {
        Objects.requireNonNull(name, "name");
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "iob1":
                return IOB1;
            case "iob2":
            case "bio":
                return IOB2;
            case "bioes":
            case "iobes":
                return BIOES;
            default:
                throw new IllegalArgumentException(
                        "Unknown tag scheme '"
                                + name
                                + "': expected one of iob1, iob2 (or bio), bioes (or iobes).");
        }
    }

    /**
     * Returns whether a tag of this scheme may have the prefix {@code prefix}.
     *
     * @param prefix the character before the hyphen
     * @return {@code B} or {@code I} for every scheme, {@code E} or {@code S} for BIOES
     */
    boolean allows(char prefix) {
        return prefix == 'B' || prefix == 'I' || this == BIOES && (prefix == 'E' || prefix == 'S');
    }
}
