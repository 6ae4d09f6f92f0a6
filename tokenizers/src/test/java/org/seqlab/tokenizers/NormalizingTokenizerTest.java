package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizingTokenizerTest extends TokenizerContractTest {

    private static final TokenizerOptions ALL = new TokenizerOptions(true, true, true, 0);

    @Override
    Tokenizer tokenizer() {
        return new NormalizingTokenizer(WhitespaceTokenizer.INSTANCE, ALL);
    }

    @Override
    protected boolean textIsSurface() {
        return false;
    }

    private static List<String> texts(TokenizerOptions options, String text) {
        return new NormalizingTokenizer(WhitespaceTokenizer.INSTANCE, options)
                .tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void noneChangesNothing() {
        String text = "Ｆｉｎｅ ﬁle 3.14 ÉTÉ";
        assertEquals(
                WhitespaceTokenizer.INSTANCE.tokenize(text),
                new NormalizingTokenizer(WhitespaceTokenizer.INSTANCE, TokenizerOptions.none())
                        .tokenize(text));
        assertTrue(TokenizerOptions.none().isNone());
        assertFalse(ALL.isNone());
    }

    @Test
    void nfkcSplitsLigaturesAndNarrowsFullWidthForms() {
        TokenizerOptions nfkc = new TokenizerOptions(false, true, false, 0);
        assertEquals(List.of("file", "2024", "A", "x2"), texts(nfkc, "ﬁle ２０２４ Ａ x²"));
    }

    @Test
    void lowercaseUsesRootLocale() {
        TokenizerOptions lower = new TokenizerOptions(true, false, false, 0);
        assertEquals(List.of("title", "été", "istanbul"), texts(lower, "TITLE ÉTÉ ISTANBUL"));
    }

    @Test
    void offsetsStayThoseOfTheInnerTokenizer() {
        String text = "  ﬁle ＡＢＣ 1,000";
        List<Token> tokens = tokenizer().tokenize(text);
        assertEquals(
                List.of(
                        new Token("file", 2, 5),
                        new Token("abc", 6, 9),
                        new Token(NormalizingTokenizer.NUMBER, 10, 15)),
                tokens);
        assertEquals(WhitespaceTokenizer.INSTANCE.tokenize(text).size(), tokens.size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "42",
                "3.14",
                "-2",
                "+7",
                "1,000",
                "1.000,50",
                ".5",
                "-0.25",
                "6.02e23",
                "1E-5",
                "٣٤"
            })
    void numbersFold(String number) {
        TokenizerOptions fold = new TokenizerOptions(false, false, true, 0);
        assertEquals(List.of("<num>"), texts(fold, number));
        assertTrue(NormalizingTokenizer.isNumber(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc1", "1st", "3.", "1..2", "1e", "e5", "-", "+-1", "1,", "$5", "5%"})
    void nonNumbersStay(String word) {
        TokenizerOptions fold = new TokenizerOptions(false, false, true, 0);
        assertEquals(List.of(word), texts(fold, word));
        assertFalse(NormalizingTokenizer.isNumber(word));
    }

    @Test
    void anyDecimalDigitsFoldWithOrWithoutNfkc() {
        TokenizerOptions foldOnly = new TokenizerOptions(false, false, true, 0);
        assertEquals(List.of("<num>"), texts(ALL, "１２３"));
        assertEquals(List.of("<num>"), texts(foldOnly, "１２３"));
        assertEquals(List.of("123"), texts(new TokenizerOptions(false, true, false, 0), "１２３"));
        // Superscript two is not a decimal digit (category No), but NFKC turns it into "2".
        assertEquals(List.of("²"), texts(foldOnly, "²"));
        assertEquals(List.of("<num>"), texts(ALL, "²"));
    }

    @Test
    void maxLengthKeepsTheFirstTokens() {
        assertEquals(
                List.of("a", "b"), texts(new TokenizerOptions(false, false, false, 2), "a b c d"));
        assertEquals(List.of("a"), texts(new TokenizerOptions(false, false, false, 5), "a"));
        assertEquals(
                List.of("a", "b", "c"),
                texts(new TokenizerOptions(false, false, false, 0), "a b c"));
    }

    @Test
    void negativeMaxLengthIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TokenizerOptions(true, true, true, -3));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void wrapsLuceneTokenizerWithoutChangingItsOffsets() {
        Tokenizer inner = LuceneTokenizer.standard(false);
        String text = "Pi is 3.14, not ３";
        List<Token> normalized = new NormalizingTokenizer(inner, ALL).tokenize(text);
        List<Token> plain = inner.tokenize(text);
        assertEquals(
                List.of("pi", "is", "<num>", "not", "<num>"),
                normalized.stream().map(Token::text).toList());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).start(), normalized.get(i).start());
            assertEquals(plain.get(i).end(), normalized.get(i).end());
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> new NormalizingTokenizer(null, ALL));
        assertThrows(
                NullPointerException.class,
                () -> new NormalizingTokenizer(WhitespaceTokenizer.INSTANCE, null));
    }
}
