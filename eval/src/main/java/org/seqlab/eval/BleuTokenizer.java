package org.seqlab.eval;

import java.util.List;

/**
 * How {@link Bleu} splits a segment into words before counting n-grams, named as in sacreBLEU's
 * {@code tokenize} option and signature.
 *
 * <p>sacreBLEU's other tokenizers ({@code intl}, {@code zh}, {@code ja-mecab}, {@code ko-mecab},
 * {@code spm}, {@code flores*}) are not ported.
 */
public enum BleuTokenizer {
    /**
     * sacreBLEU's default, {@code 13a}: the {@code mteval-v13a.pl} rules of {@link Tokenizer13a}.
     */
    MTEVAL_13A("13a"),
    /** sacreBLEU's {@code char}: every character (code point) is a word; whitespace is dropped. */
    CHAR("char"),
    /** sacreBLEU's {@code none}: the words are the whitespace-separated parts of the line as is. */
    NONE("none");

    private final String signature;

    BleuTokenizer(String signature) {
        this.signature = signature;
    }

    /**
     * Returns the name sacreBLEU uses for this tokenizer on its command line and in signatures.
     *
     * @return {@code 13a}, {@code char} or {@code none}
     */
    public String signature() {
        return signature;
    }

    /**
     * Returns the words of one segment as sacreBLEU's BLEU sees them: Python's {@code
     * tokenizer(line.rstrip()).split()}.
     *
     * @param line the segment, not null
     * @return the words in order; empty for a blank line
     */
    public List<String> words(String line) {
        String stripped = PythonText.rstrip(line);
        return switch (this) {
            case MTEVAL_13A -> PythonText.split(Tokenizer13a.tokenize(stripped));
            case CHAR -> PythonText.split(spaceOutCodePoints(stripped));
            case NONE -> PythonText.split(stripped);
        };
    }

    /** Python's {@code " ".join(ch for ch in line)}, over code points as Python iterates them. */
    private static String spaceOutCodePoints(String line) {
        StringBuilder out = new StringBuilder(line.length() * 2);
        line.codePoints()
                .forEach(
                        cp -> {
                            if (out.length() > 0) {
                                out.append(' ');
                            }
                            out.appendCodePoint(cp);
                        });
        return out.toString();
    }
}
