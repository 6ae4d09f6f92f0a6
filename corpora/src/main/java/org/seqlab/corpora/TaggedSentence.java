package org.seqlab.corpora;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of a tagging corpus: its words and one tag per word.
 *
 * <p>For CoNLL-U the words are the syntactic words (the lines with an integer ID) and {@link
 * #multiWordTokens()} records the surface tokens that span several of them, for display; column
 * files have no multi-word tokens. Instances are immutable and thread-safe.
 *
 * @param words the words, in order; not null, without null elements
 * @param tags the tag of each word; not null, without null elements, as many as {@code words}
 * @param multiWordTokens the multi-word tokens, in order, not overlapping and within {@code words};
 *     not null, empty for column files
 * @param line the one-based line of the file where the sentence's first token line is, or 0 for a
 *     sentence not read from a file
 */
public record TaggedSentence(
        List<String> words, List<String> tags, List<MultiWordToken> multiWordTokens, long line) {

    /**
     * Copies the lists and checks that they fit together.
     *
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if the sizes of {@code words} and {@code tags} differ, a
     *     multi-word token reaches past the last word or overlaps the one before it, or {@code
     *     line} is negative
     */
    public TaggedSentence {
        words = List.copyOf(Objects.requireNonNull(words, "words"));
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        multiWordTokens = List.copyOf(Objects.requireNonNull(multiWordTokens, "multiWordTokens"));
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException(
                    "A sentence needs one tag per word, but it has "
                            + words.size()
                            + " words and "
                            + tags.size()
                            + " tags.");
        }
        int next = 0;
        for (MultiWordToken token : multiWordTokens) {
            if (token.first() < next || token.last() >= words.size()) {
                throw new IllegalArgumentException(
                        "The multi-word token '"
                                + token.form()
                                + "' (words "
                                + token.first()
                                + " to "
                                + token.last()
                                + ") overlaps the one before it or reaches past the "
                                + words.size()
                                + " words.");
            }
            next = token.last() + 1;
        }
        if (line < 0) {
            throw new IllegalArgumentException(
                    "The line of a sentence must be 0 (none) or more, but it is " + line + ".");
        }
    }

    /**
     * Creates a sentence not read from a file, without multi-word tokens.
     *
     * @param words the words
     * @param tags the tag of each word
     * @throws IllegalArgumentException if the sizes differ
     */
    public TaggedSentence(List<String> words, List<String> tags) {
        this(words, tags, List.of(), 0);
    }

    /**
     * Returns the number of words.
     *
     * @return the size of {@link #words()}
     */
    public int size() {
        return words.size();
    }
}
