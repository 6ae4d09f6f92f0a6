package org.seqlab.embeddings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.seqlab.tokenizers.Vocabulary;

/** Builds vocabularies from pretrained word vectors. */
public final class VectorVocabularies {

    private VectorVocabularies() {}

    /**
     * Returns the specials followed by the vector words in file order.
     *
     * <p>Vector words that equal a special token are skipped (the special keeps its fixed id).
     *
     * @param v the vectors
     * @param maxSize the largest vocabulary size including the 4 specials; 0 or less for all words
     * @return the vocabulary
     * @throws IllegalArgumentException if {@code 1 <= maxSize <= 4}
     */
    public static Vocabulary fromVectors(WordVectors v, int maxSize) {
        Objects.requireNonNull(v, "The vectors must not be null.");
        int specials = Vocabulary.SPECIALS.size();
        if (maxSize > 0 && maxSize <= specials) {
            throw new IllegalArgumentException(
                    "The maximum vocabulary size must be greater than "
                            + specials
                            + " (the number of special tokens), or 0 or less for all words, but"
                            + " was "
                            + maxSize
                            + ".");
        }
        int limit = maxSize > 0 ? maxSize - specials : Integer.MAX_VALUE;
        List<String> tokens = new ArrayList<>(Math.min(limit, v.size()));
        for (int i = 0; i < v.size() && tokens.size() < limit; i++) {
            String word = v.word(i);
            if (!Vocabulary.SPECIALS.contains(word)) {
                tokens.add(word);
            }
        }
        return Vocabulary.of(tokens);
    }

    /**
     * Returns the vocabulary of the corpus words that also have a vector, built with {@link
     * Vocabulary#build} (count descending, then word; cut to {@code maxSize}).
     *
     * @param counts corpus word counts
     * @param v the vectors
     * @param minFrequency the smallest count a word needs, at least 1
     * @param maxSize the largest size including the specials; 0 or less for unlimited
     * @param lowercaseFallback whether a word also counts as covered when its lowercase form has a
     *     vector
     * @return the vocabulary
     * @throws IllegalArgumentException as {@link Vocabulary#build} does
     */
    public static Vocabulary intersect(
            Map<String, Long> counts,
            WordVectors v,
            int minFrequency,
            int maxSize,
            boolean lowercaseFallback) {
        Objects.requireNonNull(counts, "The word counts must not be null.");
        Objects.requireNonNull(v, "The vectors must not be null.");
        Map<String, Long> kept = new HashMap<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String word = Objects.requireNonNull(e.getKey(), "A word in the counts is null.");
            if (v.lookup(word, lowercaseFallback) >= 0) {
                kept.put(word, e.getValue());
            }
        }
        return Vocabulary.build(kept, minFrequency, maxSize);
    }
}
