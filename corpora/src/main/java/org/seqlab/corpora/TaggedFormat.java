package org.seqlab.corpora;

import java.util.Locale;
import java.util.Objects;

/** The file formats {@link TaggedReader} reads. */
public enum TaggedFormat {
    /** Universal Dependencies CoNLL-U: ten tab-separated columns a word. */
    CONLLU,
    /** Column files as in CoNLL-2000/2003 and WNUT-17: a token and its tag on each line. */
    CONLL;

    /**
     * Returns the format named by {@code name}, as on a command line.
     *
     * @param name {@code "conllu"} or {@code "conll"}, in any case; not null
     * @return the format
     * @throws IllegalArgumentException if {@code name} is neither, naming it and the choices
     */
    public static TaggedFormat parse(String name) {
        Objects.requireNonNull(name, "name");
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "conllu":
                return CONLLU;
            case "conll":
                return CONLL;
            default:
                throw new IllegalArgumentException(
                        "Unknown tagged corpus format '"
                                + name
                                + "': expected one of conllu, conll.");
        }
    }

    /**
     * Returns the name {@link #parse(String)} accepts.
     *
     * @return {@code "conllu"} or {@code "conll"}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
