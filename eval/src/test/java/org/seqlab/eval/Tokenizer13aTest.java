package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The 13a tokenizer against sacreBLEU's.
 *
 * <p>sacreBLEU's own test suite (mjpost/sacrebleu @ f615c7286d4d813370efb824d94fc2bfcd3a6b94) has
 * no unit test of {@code Tokenizer13a}; it is covered only through the BLEU scores in {@code
 * test/test_bleu.py} and {@code test/test_sentence_bleu.py} (see {@link BleuTest}). The expected
 * strings below follow from the rules in {@code sacrebleu/tokenizers/tokenizer_13a.py} and {@code
 * tokenizer_re.py} at that commit, and each was also printed by sacreBLEU 2.6.0's {@code
 * Tokenizer13a()(line)}.
 */
class Tokenizer13aTest {

    @Test
    void splitsSymbolsButNotApostrophesOrHyphensInWords() {
        assertEquals("Hello , world !", Tokenizer13a.tokenize("Hello, world!"));
        assertEquals("--x--", Tokenizer13a.tokenize("--x--"));
        assertEquals(
                "e . g . U . S . A . , ( see [ 1 ] ) { x } | y ~ z ^ w _ v ` u",
                Tokenizer13a.tokenize("e.g. U.S.A., (see [1]) {x}|y~z^w_v`u"));
        assertEquals(
                "$ 5 50 % # 1 @ home a + b = c a / b a \\ b",
                Tokenizer13a.tokenize("$5 50% #1 @home a+b=c a/b a\\b"));
        assertEquals(
                "naïve café \uD83D\uDE00 !", Tokenizer13a.tokenize("naïve café \uD83D\uDE00!"));
    }

    @Test
    void keepsPeriodsAndCommasBetweenDigits() {
        assertEquals(
                "It's 3.14 or 1,000 dollars .",
                Tokenizer13a.tokenize("It's 3.14 or 1,000 dollars."));
        assertEquals("The cat sat . The end", Tokenizer13a.tokenize("The cat sat.The end"));
        assertEquals("Mr . Smith , Jones", Tokenizer13a.tokenize("Mr.Smith,Jones"));
        assertEquals(
                "end with dash 5 - and . 5 and 5 .",
                Tokenizer13a.tokenize("end with dash 5- and .5 and 5."));
        assertEquals(". . .", Tokenizer13a.tokenize("..."));
        assertEquals("a . b , c", Tokenizer13a.tokenize("a.b,c"));
    }

    @Test
    void splitsHyphenOnlyAfterDigit() {
        assertEquals(
                "1990 - 2000 and well-known", Tokenizer13a.tokenize("1990-2000 and well-known"));
    }

    @Test
    void removesSkippedAndJoinsHyphenatedLineBreaks() {
        assertEquals("ab c d", Tokenizer13a.tokenize("a-\nb c\nd"));
        assertEquals("xy", Tokenizer13a.tokenize("x<skipped>y"));
        assertEquals("", Tokenizer13a.tokenize("<skipped>"));
        assertEquals("", Tokenizer13a.tokenize(""));
    }

    @Test
    void unescapesTheFourEntitiesInOrder() {
        // &amp;lt; becomes &lt; and then <, as sacreBLEU replaces one entity after the other.
        assertEquals(
                "\" Fish & chips \" < b > <",
                Tokenizer13a.tokenize("&quot;Fish &amp; chips&quot; &lt;b&gt; &amp;lt;"));
        assertEquals("& apos ;", Tokenizer13a.tokenize("&apos;"));
    }

    @Test
    void splitsOnPythonWhitespaceIncludingNoBreakSpaces() {
        assertEquals(
                "spaces and thin ideo",
                Tokenizer13a.tokenize("  spaces\u00a0and\u2009thin\u3000ideo  \t"));
        // U+200B (zero width space) is not whitespace for Python, so it stays inside the word.
        assertEquals("a\u200bb", Tokenizer13a.tokenize("a\u200bb"));
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> Tokenizer13a.tokenize(null));
    }
}
