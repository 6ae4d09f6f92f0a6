package org.seqlab.corpora;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The sentences read from a tagging corpus, with the number of bad sentences skipped.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param sentences the sentences in file order; not null, without null elements
 * @param skipped malformed sentences skipped (only with {@link TaggedReadOptions#skipBad()}), at
 *     least 0
 * @param problems what was wrong with the first few skipped sentences, each {@code "FILE:LINE:
 *     DETAIL"}; not null, empty when nothing was skipped
 */
public record TaggedCorpus(List<TaggedSentence> sentences, int skipped, List<String> problems) {

    /** How many problems {@link TaggedReader} keeps in {@link #problems()}. */
    public static final int MAX_PROBLEMS = 10;

    /**
     * Copies the lists and checks the count.
     *
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if {@code skipped} is negative
     */
    public TaggedCorpus {
        sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (skipped < 0) {
            throw new IllegalArgumentException(
                    "The number of skipped sentences must be 0 or more, but it is "
                            + skipped
                            + ".");
        }
    }

    /**
     * Returns the number of tagged words in all sentences.
     *
     * @return the sum of {@link TaggedSentence#size()}
     */
    public long tokens() {
        long n = 0;
        for (TaggedSentence sentence : sentences) {
            n += sentence.size();
        }
        return n;
    }

    /**
     * Returns the distinct tags of all sentences.
     *
     * @return an unmodifiable list of the tags, sorted by {@link String#compareTo(String)}
     */
    public List<String> tagSet() {
        TreeSet<String> tags = new TreeSet<>();
        for (TaggedSentence sentence : sentences) {
            tags.addAll(sentence.tags());
        }
        return List.copyOf(tags);
    }
}
