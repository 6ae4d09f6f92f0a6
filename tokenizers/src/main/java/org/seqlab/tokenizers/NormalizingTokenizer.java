package org.seqlab.tokenizers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tokenizer that normalizes the text of each token produced by another tokenizer.
 *
 * <p>Normalization happens after tokenizing and never moves offsets: a token's {@code start} and
 * {@code end} are those the inner tokenizer gave, while its text may differ from {@code
 * text.substring(start, end)}. Steps, each enabled by {@link TokenizerOptions}, in this order:
 *
 * <ol>
 *   <li>NFKC: {@link Normalizer.Form#NFKC Unicode compatibility composition}, so ligatures split
 *       ({@code "ﬁ"} to {@code "fi"}) and full-width forms become ASCII ({@code "２０２４"} to {@code
 *       "2024"}).
 *   <li>Lowercase: {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}.
 *   <li>Number folding: a token whose whole text is a number becomes {@link #NUMBER}. A number is
 *       an optional sign {@code +} or {@code -}, then decimal digits (any Unicode {@code Nd}
 *       digits) in groups separated by single {@code .} or {@code ,} (or one leading separator
 *       before the digits, as in {@code .5}), then optionally {@code e} or {@code E}, an optional
 *       sign and digits. So {@code 3.14}, {@code -2}, {@code 1,000}, {@code 1.000,50} and {@code
 *       6.02e23} fold; {@code abc1}, {@code 3.}, {@code 1..2}, {@code 1e} and {@code -} do not.
 *   <li>Length limit: only the first {@code maxLength} tokens are kept, when it is positive.
 * </ol>
 *
 * <p>Stateless and thread-safe when the inner tokenizer is.
 */
public final class NormalizingTokenizer implements Tokenizer {

    /** The text that replaces a number when number folding is on. */
    public static final String NUMBER = "<num>";

    private static final Pattern NUMBER_PATTERN =
            Pattern.compile(
                    "[+-]?(?:\\p{Nd}+(?:[.,]\\p{Nd}+)*|[.,]\\p{Nd}+)(?:[eE][+-]?\\p{Nd}+)?");

    private final Tokenizer inner;
    private final TokenizerOptions options;

    /**
     * Creates a tokenizer that normalizes the tokens of {@code inner}.
     *
     * @param inner the tokenizer that splits the text
     * @param options the normalizations to apply and the length limit
     * @throws NullPointerException if an argument is null
     */
    public NormalizingTokenizer(Tokenizer inner, TokenizerOptions options) {
        this.inner = Objects.requireNonNull(inner, "The inner tokenizer must not be null.");
        this.options = Objects.requireNonNull(options, "The tokenizer options must not be null.");
    }

    /**
     * Returns the tokenizer whose tokens are normalized.
     *
     * @return the inner tokenizer
     */
    public Tokenizer inner() {
        return inner;
    }

    /**
     * Returns the normalizations applied.
     *
     * @return the options
     */
    public TokenizerOptions options() {
        return options;
    }

    /**
     * Tokenizes {@code text} with the inner tokenizer and normalizes each token's text.
     *
     * @param text the text to split; must not be null
     * @return the first {@code maxLength} tokens (all if it is 0), in text order, with the inner
     *     tokenizer's offsets and normalized texts
     * @throws NullPointerException if {@code text} is null
     */
    @Override
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "The text to tokenize must not be null.");
        List<Token> tokens = inner.tokenize(text);
        int count = tokens.size();
        if (options.maxLength() > 0) {
            count = Math.min(count, options.maxLength());
        }
        List<Token> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Token token = tokens.get(i);
            String normalized = normalize(token.text());
            result.add(
                    normalized.equals(token.text())
                            ? token
                            : new Token(normalized, token.start(), token.end()));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Applies the enabled normalizations to one token text.
     *
     * @param tokenText the text of a token
     * @return the normalized text
     */
    public String normalize(String tokenText) {
        String s = tokenText;
        if (options.nfkc()) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        if (options.lowercase()) {
            s = s.toLowerCase(Locale.ROOT);
        }
        if (options.foldNumbers() && isNumber(s)) {
            s = NUMBER;
        }
        return s;
    }

    /**
     * Tells whether {@code text} is a number by the rule in the class description.
     *
     * @param text the text to check
     * @return true if the whole text is a number
     */
    public static boolean isNumber(String text) {
        return NUMBER_PATTERN.matcher(text).matches();
    }

    @Override
    public String toString() {
        return "NormalizingTokenizer[" + inner + ", " + options + "]";
    }
}
