package org.seqlab.tokenizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A tokenizer that makes one token of every maximal run of non-whitespace code points.
 *
 * <p>Whitespace is decided per code point by {@link Character#isWhitespace(int)}; note that this
 * excludes non-breaking spaces such as U+00A0, which stay inside tokens. Whitespace itself is
 * dropped. Stateless and thread-safe.
 */
public final class WhitespaceTokenizer implements Tokenizer {

    /** A shared instance; the class has no state, so one is enough. */
    public static final WhitespaceTokenizer INSTANCE = new WhitespaceTokenizer();

    /** Creates a whitespace tokenizer; prefer {@link #INSTANCE}. */
    public WhitespaceTokenizer() {}

    /**
     * Returns the maximal runs of non-whitespace in {@code text}, in order.
     *
     * @param text the text to split; must not be null
     * @return the tokens; empty if {@code text} is empty or all whitespace
     */
    @Override
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "The text to tokenize must not be null.");
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                if (start >= 0) {
                    tokens.add(new Token(text.substring(start, i), start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(new Token(text.substring(start), start, text.length()));
        }
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String toString() {
        return "WhitespaceTokenizer";
    }
}
