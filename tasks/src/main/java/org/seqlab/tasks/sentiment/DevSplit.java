package org.seqlab.tasks.sentiment;

import java.util.Locale;
import org.seqlab.corpora.LabeledCorpus;

/** How the dev set is taken from the training data when no {@code --dev} is given. */
public enum DevSplit {
    /** A seeded random share of each label. */
    RANDOM,
    /**
     * The last share of each label in file order: for data stored by subject (aclImdb keeps one
     * movie's reviews together), a dev set of mostly unseen subjects, like a test set.
     */
    TAIL;

    /** Parses {@code random} or {@code tail}. */
    public static DevSplit parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> RANDOM;
            case "tail" -> TAIL;
            default ->
                    throw new IllegalArgumentException(
                            "--dev-split must be random or tail; got '" + s + "'.");
        };
    }

    /** Splits {@code corpus} by this policy. */
    LabeledCorpus.DevSplit apply(LabeledCorpus corpus, double fraction, long seed) {
        return this == RANDOM ? corpus.dev(fraction, seed) : corpus.devTail(fraction);
    }
}
