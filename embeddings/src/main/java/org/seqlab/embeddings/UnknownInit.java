package org.seqlab.embeddings;

/** How {@link VectorAlignment#align} fills the rows of vocabulary words that have no vector. */
public enum UnknownInit {
    /** Seeded normal draws with the pretrained matrix's overall mean and standard deviation. */
    RANDOM,
    /** All zeros. */
    ZEROS
}
