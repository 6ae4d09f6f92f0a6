package org.seqlab.tokenizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names a tokenizer and its normalization, so that a saved model can rebuild exactly the tokenizer
 * it was trained with.
 *
 * <p>The names are:
 *
 * <ul>
 *   <li>{@code char}: {@link CharTokenizer}; {@code whitespace}: {@link WhitespaceTokenizer}
 *   <li>{@code standard}, {@code standard-html}: {@link LuceneTokenizer#standard(boolean)} without
 *       and with HTML stripping
 *   <li>{@code english}, {@code english-html}: {@link LuceneTokenizer#english(boolean)} without and
 *       with HTML stripping
 *   <li>{@code opennlp}: {@link OpenNlpTokenizer#instance()}
 *   <li>{@code bpe}: a byte-pair-encoding tokenizer loaded from {@code bpeFile}
 * </ul>
 *
 * <p>In a manifest the spec is stored as a flat string map ({@link #toMap()}, {@link
 * #fromMap(Map)}); on the command line it is written as one of the names, or {@code bpe:FILE}
 * ({@link #parse(String)}).
 *
 * @param name the tokenizer name, one of {@link #NAMES}
 * @param options the normalization applied to its tokens; {@link TokenizerOptions#none()} for none
 * @param bpeFile the merges file for {@code bpe}, as a path string; null for every other name
 */
public record TokenizerSpec(String name, TokenizerOptions options, String bpeFile) {

    /** The valid tokenizer names. */
    public static final List<String> NAMES =
            List.of(
                    "char",
                    "whitespace",
                    "standard",
                    "english",
                    "standard-html",
                    "english-html",
                    "opennlp",
                    "bpe");

    private static final String BPE = "bpe";
    private static final String BPE_PREFIX = BPE + ":";

    private static final String KEY_NAME = "name";
    private static final String KEY_LOWERCASE = "lowercase";
    private static final String KEY_NFKC = "nfkc";
    private static final String KEY_FOLD_NUMBERS = "fold_numbers";
    private static final String KEY_MAX_LENGTH = "max_length";
    private static final String KEY_BPE_FILE = "bpe_file";
    private static final List<String> KEYS =
            List.of(
                    KEY_NAME,
                    KEY_LOWERCASE,
                    KEY_NFKC,
                    KEY_FOLD_NUMBERS,
                    KEY_MAX_LENGTH,
                    KEY_BPE_FILE);

    /**
     * Creates a spec, checking that the name is known and that {@code bpeFile} is given exactly for
     * {@code bpe}.
     *
     * @throws NullPointerException if {@code name} or {@code options} is null
     * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}, or {@code
     *     bpeFile} is null or blank for {@code bpe}, or non-null for another name
     */
    public TokenizerSpec {
        Objects.requireNonNull(name, "The tokenizer name must not be null.");
        Objects.requireNonNull(options, "The tokenizer options must not be null.");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(unknownName(name));
        }
        if (name.equals(BPE) && (bpeFile == null || bpeFile.isBlank())) {
            throw new IllegalArgumentException(
                    "The bpe tokenizer needs a merges file, but the file was "
                            + (bpeFile == null ? "not given" : "\"" + bpeFile + "\"")
                            + ".");
        }
        if (!name.equals(BPE) && bpeFile != null) {
            throw new IllegalArgumentException(
                    "Only the bpe tokenizer takes a merges file, but tokenizer \""
                            + name
                            + "\" was given \""
                            + bpeFile
                            + "\".");
        }
    }

    /**
     * Parses the command-line form: one of the names other than {@code bpe}, or {@code bpe:FILE}.
     *
     * @param cli the text to parse, for example {@code english-html} or {@code bpe:merges.txt}
     * @return a spec with {@link TokenizerOptions#none()}
     * @throws NullPointerException if {@code cli} is null
     * @throws IllegalArgumentException if {@code cli} is not a valid form; the message lists them
     */
    public static TokenizerSpec parse(String cli) {
        Objects.requireNonNull(cli, "The tokenizer to parse must not be null.");
        if (cli.startsWith(BPE_PREFIX)) {
            return new TokenizerSpec(
                    BPE, TokenizerOptions.none(), cli.substring(BPE_PREFIX.length()));
        }
        if (cli.equals(BPE) || !NAMES.contains(cli)) {
            throw new IllegalArgumentException(unknownName(cli));
        }
        return new TokenizerSpec(cli, TokenizerOptions.none(), null);
    }

    /**
     * Returns a copy of this spec with other normalization options.
     *
     * @param newOptions the options of the copy
     * @return the new spec
     */
    public TokenizerSpec withOptions(TokenizerOptions newOptions) {
        return new TokenizerSpec(name, newOptions, bpeFile);
    }

    /**
     * Builds the tokenizer this spec names, wrapped in a {@link NormalizingTokenizer} unless the
     * options are {@link TokenizerOptions#none()}.
     *
     * @return the tokenizer
     * @throws UncheckedIOException if the {@code bpe} merges file cannot be read
     */
    public Tokenizer build() {
        Tokenizer base =
                switch (name) {
                    case "char" -> CharTokenizer.INSTANCE;
                    case "whitespace" -> WhitespaceTokenizer.INSTANCE;
                    case "standard" -> LuceneTokenizer.standard(false);
                    case "standard-html" -> LuceneTokenizer.standard(true);
                    case "english" -> LuceneTokenizer.english(false);
                    case "english-html" -> LuceneTokenizer.english(true);
                    case "opennlp" -> OpenNlpTokenizer.instance();
                    case BPE -> loadBpe(Path.of(bpeFile));
                    default -> throw new IllegalStateException("Unhandled tokenizer " + name + ".");
                };
        return options.isNone() ? base : new NormalizingTokenizer(base, options);
    }

    private static Tokenizer loadBpe(Path file) {
        try {
            return BpeTokenizer.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not load the bpe tokenizer from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns this spec as a flat string map for a model manifest.
     *
     * <p>Keys: {@code name}, {@code lowercase}, {@code nfkc}, {@code fold_numbers} ({@code
     * true}/{@code false}), {@code max_length} (decimal), and {@code bpe_file} only for {@code
     * bpe}. {@link #fromMap(Map)} reads it back to an equal spec.
     *
     * @return an unmodifiable map in the key order above
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(KEY_NAME, name);
        map.put(KEY_LOWERCASE, Boolean.toString(options.lowercase()));
        map.put(KEY_NFKC, Boolean.toString(options.nfkc()));
        map.put(KEY_FOLD_NUMBERS, Boolean.toString(options.foldNumbers()));
        map.put(KEY_MAX_LENGTH, Integer.toString(options.maxLength()));
        if (bpeFile != null) {
            map.put(KEY_BPE_FILE, bpeFile);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Reads a spec written by {@link #toMap()}.
     *
     * <p>{@code name} is required; a missing option key takes its {@link TokenizerOptions#none()}
     * value. Booleans must be exactly {@code true} or {@code false}, and unknown keys are errors,
     * so a typo is reported rather than ignored.
     *
     * @param map the manifest entries
     * @return the spec
     * @throws NullPointerException if {@code map} is null
     * @throws IllegalArgumentException if {@code name} is missing, a key is unknown, or a value is
     *     malformed or invalid
     */
    public static TokenizerSpec fromMap(Map<String, String> map) {
        Objects.requireNonNull(map, "The tokenizer map must not be null.");
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "The tokenizer map has an unknown key \""
                                + key
                                + "\"; the valid keys are "
                                + String.join(", ", KEYS)
                                + ".");
            }
        }
        String name = map.get(KEY_NAME);
        if (name == null) {
            throw new IllegalArgumentException(
                    "The tokenizer map has no \"" + KEY_NAME + "\" entry: " + map + ".");
        }
        TokenizerOptions options =
                new TokenizerOptions(
                        bool(map, KEY_LOWERCASE),
                        bool(map, KEY_NFKC),
                        bool(map, KEY_FOLD_NUMBERS),
                        integer(map, KEY_MAX_LENGTH));
        return new TokenizerSpec(name, options, map.get(KEY_BPE_FILE));
    }

    private static boolean bool(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException(
                "The tokenizer map entry \""
                        + key
                        + "\" must be true or false, but was \""
                        + value
                        + "\".");
    }

    private static int integer(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The tokenizer map entry \""
                            + key
                            + "\" must be a whole number, but was \""
                            + value
                            + "\".",
                    e);
        }
    }

    private static String unknownName(String name) {
        return "Unknown tokenizer \""
                + name
                + "\"; expected one of char, whitespace, standard, english, standard-html,"
                + " english-html, opennlp or bpe:FILE.";
    }
}
