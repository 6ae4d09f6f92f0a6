package org.seqlab.tasks.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqlab.tokenizers.CharTokenizer;
import org.seqlab.tokenizers.Token;
import org.seqlab.tokenizers.Tokenizer;
import org.seqlab.tokenizers.Vocabulary;

/** What a language model's tokens are: characters (code points) or whitespace-split words. */
public enum Level {
    /** One token per Unicode code point, whitespace and newlines included. */
    CHAR,
    /** Whitespace-separated words, with {@code <eos>} standing for each line end. */
    WORD;

    /** Parses {@code char} or {@code word}. */
    public static Level parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown --level '" + s + "'; expected char or word.", e);
        }
    }

    /** Returns the lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Splits {@code text} into token strings at this level; word level splits each line with {@code
     * words} and marks the line end with {@code <eos>}.
     */
    public List<String> tokens(String text, Tokenizer words) {
        List<String> out = new ArrayList<>();
        if (this == CHAR) {
            for (Token t : CharTokenizer.INSTANCE.tokenize(text)) {
                out.add(t.text());
            }
            return out;
        }
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            for (Token t : words.tokenize(text.substring(start, end))) {
                out.add(t.text());
            }
            if (nl < 0) {
                break;
            }
            out.add(Vocabulary.EOS);
            start = nl + 1;
        }
        return out;
    }

    /**
     * Returns the text a generated token adds to the output.
     *
     * @param first whether the token starts a line (no space before it)
     * @param carriesSpaces whether tokens hold their own spacing (byte-pair pieces)
     */
    public String render(String token, boolean first, boolean carriesSpaces) {
        if (this == CHAR) {
            return token;
        }
        if (Vocabulary.EOS.equals(token)) {
            return "\n";
        }
        if (carriesSpaces) {
            return token;
        }
        return first ? token : " " + token;
    }
}
