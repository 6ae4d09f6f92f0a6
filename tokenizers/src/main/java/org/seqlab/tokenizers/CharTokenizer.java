package org.seqlab.tokenizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A tokenizer that makes one token of every Unicode code point.
 *
 * <p>Whitespace and line breaks are tokens too, so the tokens cover the text exactly. A surrogate
 * pair (for example an emoji outside the Basic Multilingual Plane) is one token two chars long; an
 * unpaired surrogate is a token of its own, one char long. Stateless and thread-safe.
 */
public final class CharTokenizer implements Tokenizer {

    /** A shared instance; the class has no state, so one is enough. */
    public static final CharTokenizer INSTANCE = new CharTokenizer();

    /** Creates a character tokenizer; prefer {@link #INSTANCE}. */
    public CharTokenizer() {}

    /**
     * Returns one token per code point of {@code text}, in order.
     *
     * @param text the text to split; must not be null
     * @return {@code text.codePointCount(0, text.length())} tokens covering the whole text
     */
    @Override
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "The text to tokenize must not be null.");
        List<Token> tokens = new ArrayList<>(text.length());
        int i = 0;
        while (i < text.length()) {
            int next = i + Character.charCount(text.codePointAt(i));
            tokens.add(new Token(text.substring(i, next), i, next));
            i = next;
        }
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String toString() {
        return "CharTokenizer";
    }
}
