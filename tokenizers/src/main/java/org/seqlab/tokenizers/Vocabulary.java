package org.seqlab.tokenizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, bidirectional mapping between token strings and dense integer ids.
 *
 * <p>Ids run from 0 to {@code size() - 1}. The four special tokens always hold the first ids:
 * {@link #PAD} is {@value #PAD_ID}, {@link #UNK} is {@value #UNK_ID}, {@link #BOS} is {@value
 * #BOS_ID} and {@link #EOS} is {@value #EOS_ID}. Every other token appears once. A token that is
 * not in the vocabulary maps to {@link #UNK_ID}.
 *
 * <p>Instances are immutable and thread-safe. Two vocabularies are equal when they hold the same
 * tokens in the same id order. {@link #save(Path)} and {@link #load(Path)} use a line-oriented
 * UTF-8 text format described on {@link #save(Path)}.
 */
public final class Vocabulary {

    /** The padding token, at id {@value #PAD_ID}. */
    public static final String PAD = "<pad>";

    /** The unknown-token token, at id {@value #UNK_ID}. */
    public static final String UNK = "<unk>";

    /** The beginning-of-sequence token, at id {@value #BOS_ID}. */
    public static final String BOS = "<bos>";

    /** The end-of-sequence token, at id {@value #EOS_ID}. */
    public static final String EOS = "<eos>";

    /** The id of {@link #PAD}. */
    public static final int PAD_ID = 0;

    /** The id of {@link #UNK}. */
    public static final int UNK_ID = 1;

    /** The id of {@link #BOS}. */
    public static final int BOS_ID = 2;

    /** The id of {@link #EOS}. */
    public static final int EOS_ID = 3;

    /** The special tokens in id order: {@code [<pad>, <unk>, <bos>, <eos>]}. */
    public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    /** Takes a complete token list (specials first, no duplicates), already checked. */
    private Vocabulary(List<String> tokens) {
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        Map<String, Integer> map = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            map.put(tokens.get(i), i);
        }
        this.ids = map;
    }

    /**
     * Builds a vocabulary from token counts.
     *
     * <p>The specials come first; then every token whose count is at least {@code minFrequency},
     * ordered by count descending and, for equal counts, by token string ascending ({@link
     * String#compareTo}), so the result does not depend on the map's iteration order. A special
     * token that appears in {@code counts} is not added twice. The list is cut so that {@code
     * size() <= maxSize}; {@code maxSize} counts the specials.
     *
     * @param counts how often each token occurred; keys and values must not be null
     * @param minFrequency the smallest count a token needs to be kept; at least 1
     * @param maxSize the largest size of the vocabulary including the specials, greater than {@code
     *     SPECIALS.size()}; 0 or less means unlimited
     * @return the vocabulary
     * @throws IllegalArgumentException if {@code minFrequency < 1} or {@code 1 <= maxSize <= 4}
     * @throws NullPointerException if {@code counts} or one of its keys or values is null
     */
    public static Vocabulary build(Map<String, Long> counts, int minFrequency, int maxSize) {
        Objects.requireNonNull(counts, "The token counts must not be null.");
        if (minFrequency < 1) {
            throw new IllegalArgumentException(
                    "The minimum frequency must be at least 1, but was " + minFrequency + ".");
        }
        if (maxSize > 0 && maxSize <= SPECIALS.size()) {
            throw new IllegalArgumentException(
                    "The maximum vocabulary size must be greater than "
                            + SPECIALS.size()
                            + " (the number of special tokens), or 0 or less for unlimited, but"
                            + " was "
                            + maxSize
                            + ".");
        }
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Objects.requireNonNull(e.getKey(), "A token in the counts must not be null.");
            Objects.requireNonNull(
                    e.getValue(), "The count of token \"" + e.getKey() + "\" must not be null.");
            if (e.getValue() >= minFrequency && !SPECIALS.contains(e.getKey())) {
                kept.add(e);
            }
        }
        kept.sort(
                Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                        .reversed()
                        .thenComparing(Map.Entry::getKey));
        int limit = maxSize > 0 ? maxSize - SPECIALS.size() : Integer.MAX_VALUE;
        List<String> all = new ArrayList<>(SPECIALS);
        for (int i = 0; i < kept.size() && i < limit; i++) {
            all.add(kept.get(i).getKey());
        }
        return new Vocabulary(all);
    }

    /**
     * Returns this vocabulary followed by the tokens of {@code counts} it lacks that occur at least
     * {@code minFrequency} times, most frequent first (ties by text), so that every existing token
     * keeps its id. Returns this vocabulary when nothing is new.
     *
     * @throws IllegalArgumentException if {@code minFrequency < 1}
     */
    public Vocabulary extend(Map<String, Long> counts, int minFrequency) {
        Map<String, Long> unseen = new java.util.HashMap<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!contains(e.getKey())) {
                unseen.put(e.getKey(), e.getValue());
            }
        }
        List<String> added = build(unseen, minFrequency, 0).tokens();
        if (added.size() == SPECIALS.size()) {
            return this;
        }
        List<String> all = new ArrayList<>(tokens());
        all.addAll(added.subList(SPECIALS.size(), added.size()));
        return new Vocabulary(all);
    }

    /**
     * Creates a vocabulary of the specials followed by the given tokens in order.
     *
     * @param tokens the non-special tokens; the first gets id {@code SPECIALS.size()}
     * @return the vocabulary
     * @throws IllegalArgumentException if a token appears twice or is one of {@link #SPECIALS}
     * @throws NullPointerException if {@code tokens} or one of its elements is null
     */
    public static Vocabulary of(List<String> tokens) {
        Objects.requireNonNull(tokens, "The token list must not be null.");
        List<String> all = new ArrayList<>(SPECIALS.size() + tokens.size());
        all.addAll(SPECIALS);
        Set<String> seen = new HashSet<>(SPECIALS);
        for (int i = 0; i < tokens.size(); i++) {
            String token = Objects.requireNonNull(tokens.get(i), "Token " + i + " is null.");
            if (SPECIALS.contains(token)) {
                throw new IllegalArgumentException(
                        "The token list must not contain the special token \""
                                + token
                                + "\" (at index "
                                + i
                                + "); specials are added automatically.");
            }
            if (!seen.add(token)) {
                throw new IllegalArgumentException(
                        "The token list contains \""
                                + token
                                + "\" twice (again at index "
                                + i
                                + ").");
            }
            all.add(token);
        }
        return new Vocabulary(all);
    }

    /**
     * Counts how often each token text occurs.
     *
     * @param tokens the tokens to count
     * @return a new mutable map from token text to count
     */
    public static Map<String, Long> count(Iterable<Token> tokens) {
        Objects.requireNonNull(tokens, "The tokens to count must not be null.");
        Map<String, Long> counts = new HashMap<>();
        for (Token token : tokens) {
            counts.merge(token.text(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Counts how often each string occurs.
     *
     * @param tokens the strings to count; elements must not be null
     * @return a new mutable map from string to count
     */
    public static Map<String, Long> countStrings(Iterable<String> tokens) {
        Objects.requireNonNull(tokens, "The strings to count must not be null.");
        Map<String, Long> counts = new HashMap<>();
        for (String token : tokens) {
            counts.merge(
                    Objects.requireNonNull(token, "A string to count is null."), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Reads a vocabulary written by {@link #save(Path)}.
     *
     * <p>Reading is strict: malformed UTF-8, a missing or bad header, a bad escape, a duplicate
     * token, a token count that differs from the header, or specials not at their fixed ids are all
     * errors.
     *
     * @param file the file to read
     * @return the vocabulary
     * @throws VocabularyFormatException if the file is not a valid vocabulary file; its message
     *     names the file and line
     * @throws IOException if the file cannot be read
     */
    public static Vocabulary load(Path file) throws IOException {
        return new Vocabulary(VocabularyFile.read(file));
    }

    /**
     * Writes this vocabulary to {@code file}, replacing it atomically where the file system allows.
     *
     * <p>The format is UTF-8 text with {@code \n} line ends. The first line is the header {@code
     * #seqlab-vocab v1 <size>}; then comes one token per line in id order, with backslash written
     * as {@code \\}, newline as {@code \n}, carriage return as {@code \r} and tab as {@code \t}.
     * The data goes to a temporary file in the same directory, which is then moved over {@code
     * file}, so readers never see a half-written file.
     *
     * @param file the file to write
     * @throws IOException if the file cannot be written, or a token holds an unpaired surrogate and
     *     so has no UTF-8 form
     */
    public void save(Path file) throws IOException {
        VocabularyFile.write(file, tokens);
    }

    /**
     * Returns the number of tokens, specials included.
     *
     * @return the size; at least {@code SPECIALS.size()}
     */
    public int size() {
        return tokens.size();
    }

    /**
     * Returns the id of {@code token}, or {@link #UNK_ID} if it is not in the vocabulary.
     *
     * @param token the token to look up
     * @return its id, in {@code [0, size())}
     */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? UNK_ID : id;
    }

    /**
     * Tells whether {@code token} has an id of its own.
     *
     * @param token the token to look up
     * @return true if the token is in the vocabulary (specials included)
     */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * Returns the token with the given id.
     *
     * @param id the id, in {@code [0, size())}
     * @return the token
     * @throws IllegalArgumentException if {@code id} is out of range
     */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException(
                    "The token id must be in [0, " + tokens.size() + "), but was " + id + ".");
        }
        return tokens.get(id);
    }

    /**
     * Returns all tokens in id order.
     *
     * @return an unmodifiable list whose index {@code i} is the token with id {@code i}
     */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * Maps tokens to ids, unknown tokens to {@link #UNK_ID}.
     *
     * @param tokens the tokens
     * @return a new array of the same length with {@code id(tokens.get(i))} at index {@code i}
     */
    public int[] encode(List<String> tokens) {
        Objects.requireNonNull(tokens, "The tokens to encode must not be null.");
        int[] result = new int[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = id(tokens.get(i));
        }
        return result;
    }

    /**
     * Maps ids to tokens.
     *
     * @param ids the ids, each in {@code [0, size())}
     * @return a new list of the same length with {@code token(ids[i])} at index {@code i}
     * @throws IllegalArgumentException if an id is out of range
     */
    public List<String> decode(int[] ids) {
        Objects.requireNonNull(ids, "The ids to decode must not be null.");
        List<String> result = new ArrayList<>(ids.length);
        for (int id : ids) {
            result.add(token(id));
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[size=" + tokens.size() + "]";
    }
}
