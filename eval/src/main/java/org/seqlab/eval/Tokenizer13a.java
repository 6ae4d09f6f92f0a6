package org.seqlab.eval;

import java.util.regex.Pattern;

/**
 * The {@code 13a} tokenizer of sacreBLEU, which reproduces the tokenization of the WMT scoring
 * script {@code mteval-v13a.pl}; the default tokenizer of {@link Bleu}.
 *
 * <p>A line-by-line port of sacreBLEU 2.x's {@code tokenizers/tokenizer_13a.py} and {@code
 * tokenizers/tokenizer_re.py}. In order, it:
 *
 * <ol>
 *   <li>removes every {@code <skipped>}, then every {@code -\n} (a hyphen at a line break), then
 *       turns every remaining {@code \n} into a space;
 *   <li>if the line holds an {@code &}, replaces {@code &quot;}, {@code &amp;}, {@code &lt;} and
 *       {@code &gt;} by {@code " & < >}, one entity after the other, so {@code &amp;lt;} becomes
 *       {@code <};
 *   <li>pads the line with one space on each side and puts spaces around each of the ASCII symbols
 *       {@code { | } ~ [ \ ] ^ _ ` ! " # $ % & ( ) * + : ; < = > ? @ /} (not the apostrophe, the
 *       hyphen, the period or the comma);
 *   <li>splits off a period or comma unless it is preceded by an ASCII digit ({@code
 *       ([^0-9])([.,])} becomes {@code "$1 $2 "}), then unless it is followed by one ({@code
 *       ([.,])([^0-9])} becomes {@code " $1 $2"}), so {@code 3.14} and {@code 1,000} stay whole;
 *   <li>splits off a hyphen that follows a digit ({@code ([0-9])(-)} becomes {@code "$1 $2 "});
 *   <li>joins the words with single spaces, where a word is a maximal run of non-whitespace in
 *       Python's sense (see {@link PythonText}), with no space at either end.
 * </ol>
 *
 * <p>Unlike seqlab's {@code Tokenizer}s it returns a string, not tokens with offsets: it unescapes
 * entities, so its output does not point back into the input, and BLEU only needs the string.
 * Stateless and thread-safe.
 */
public final class Tokenizer13a {

    /** The ASCII symbols that always become words of their own (sacreBLEU's first regex). */
    private static final Pattern SYMBOLS =
            Pattern.compile("([\\x7B-\\x7E\\x5B-\\x60\\x20-\\x26\\x28-\\x2B\\x3A-\\x40/])");

    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private Tokenizer13a() {}

    /**
     * Tokenizes one line as sacreBLEU's {@code Tokenizer13a()(line)} does.
     *
     * @param line the segment; may hold newlines and HTML entities
     * @return the tokens joined by single spaces, without leading or trailing space; empty if the
     *     line holds no tokens
     * @throws IllegalArgumentException if {@code line} is null
     */
    public static String tokenize(String line) {
        if (line == null) {
            throw new IllegalArgumentException("The line to tokenize must not be null.");
        }
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (s.indexOf('&') >= 0) {
            s =
                    s.replace("&quot;", "\"")
                            .replace("&amp;", "&")
                            .replace("&lt;", "<")
                            .replace("&gt;", ">");
        }
        s = " " + s + " ";
        s = SYMBOLS.matcher(s).replaceAll(" $1 ");
        s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
        s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
        return String.join(" ", PythonText.split(s));
    }
}
