package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the contract on the longest chain (English with HTML stripping) and checks each variant. */
class LuceneTokenizerTest extends TokenizerContractTest {

    private static final String REVIEW =
            "Great film.<br /><br />Loved it &amp; the cast's acting. Not boring!";

    @Override
    Tokenizer tokenizer() {
        return LuceneTokenizer.english(true);
    }

    @Override
    protected boolean textIsSurface() {
        return false;
    }

    private static List<String> texts(Tokenizer tokenizer, String text) {
        return tokenizer.tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void standardLowercasesAndDropsPunctuationKeepingOffsets() {
        assertEquals(
                List.of(
                        new Token("hello", 0, 5),
                        new Token("world", 7, 12),
                        new Token("it's", 14, 18),
                        new Token("2024", 19, 23)),
                LuceneTokenizer.standard(false).tokenize("Hello, World! It's 2024."));
    }

    @Test
    void englishRemovesPossessivesAndStems() {
        assertEquals(
                List.of(
                        new Token("the", 0, 3),
                        new Token("cat", 4, 8),
                        new Token("run", 10, 17),
                        new Token("quickli", 18, 25)),
                LuceneTokenizer.english(false).tokenize("The cats' running quickly"));
        assertEquals(
                List.of("it", "john", "book"),
                texts(LuceneTokenizer.english(false), "It's John's books"));
    }

    @Test
    void englishKeepsStopWordsSuchAsNot() {
        assertEquals(
                List.of("thi", "is", "not", "a", "good", "movi"),
                texts(LuceneTokenizer.english(false), "This is NOT a good movie"));
    }

    @Test
    void withoutHtmlStrippingTagsBecomeTokens() {
        assertEquals(
                List.of("great", "film", "br", "br", "loved", "it"),
                texts(LuceneTokenizer.standard(false), "Great film.<br /><br />Loved it"));
    }

    @Test
    void htmlStrippingRemovesTagsAndKeepsOriginalOffsets() {
        String text = "Great film.<br /><br />Loved it";
        List<Token> tokens = LuceneTokenizer.standard(true).tokenize(text);
        assertEquals(
                List.of(
                        new Token("great", 0, 5),
                        new Token("film", 6, 10),
                        new Token("loved", 23, 28),
                        new Token("it", 29, 31)),
                tokens);
        Token loved = tokens.get(2);
        assertEquals("Loved", text.substring(loved.start(), loved.end()));
    }

    @Test
    void htmlStrippingDecodesEntitiesWithOriginalOffsets() {
        String text = "Caf&eacute; &amp; <b>bar</b>";
        List<Token> tokens = LuceneTokenizer.standard(true).tokenize(text);
        assertEquals(List.of("café", "bar"), tokens.stream().map(Token::text).toList());
        assertEquals("Caf&eacute;", text.substring(tokens.get(0).start(), tokens.get(0).end()));
        // Lucene attributes removed markup to the position before it, so a token's span takes in
        // an inline tag that directly follows it.
        assertEquals("bar</b>", text.substring(tokens.get(1).start(), tokens.get(1).end()));
    }

    @Test
    void englishHtmlCombinesBoth() {
        List<String> terms = texts(LuceneTokenizer.english(true), REVIEW);
        assertEquals(
                List.of("great", "film", "love", "it", "the", "cast", "act", "not", "bore"), terms);
        assertFalse(terms.contains("br"));
    }

    @Test
    void allVariantsAreThreadSafe() throws Exception {
        List<String> texts =
                List.of(
                        REVIEW,
                        "Hello, World! It's 2024.",
                        "The cats' running quickly",
                        "<p>One<br/>two</p> three",
                        "");
        for (LuceneTokenizer tokenizer :
                List.of(
                        LuceneTokenizer.standard(false),
                        LuceneTokenizer.standard(true),
                        LuceneTokenizer.english(false),
                        LuceneTokenizer.english(true))) {
            ConcurrencyCheck.assertSameResultsAcrossThreads(tokenizer::tokenize, texts);
        }
    }

    @Test
    void variantsNameThemselves() {
        assertEquals("LuceneTokenizer[standard]", LuceneTokenizer.standard(false).toString());
        assertEquals("LuceneTokenizer[english-html]", LuceneTokenizer.english(true).toString());
    }

    @Test
    void returnedListIsUnmodifiable() {
        List<Token> tokens = LuceneTokenizer.standard(false).tokenize("a b");
        assertThrows(UnsupportedOperationException.class, () -> tokens.add(new Token("c", 4, 5)));
    }
}
