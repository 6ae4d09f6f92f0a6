package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WhitespaceTokenizerTest extends TokenizerContractTest {

    @Override
    Tokenizer tokenizer() {
        return WhitespaceTokenizer.INSTANCE;
    }

    private List<String> texts(String text) {
        return tokenizer().tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void splitsOnRunsOfWhitespaceWithOffsets() {
        assertEquals(
                List.of(
                        new Token("Hello,", 2, 8),
                        new Token("world!", 11, 17),
                        new Token("x", 19, 20)),
                tokenizer().tokenize("  Hello, \t world!\r\nx\n"));
    }

    @Test
    void onlyWhitespaceGivesNoTokens() {
        assertEquals(List.of(), tokenizer().tokenize(" \t\n\r\u2003 "));
    }

    @Test
    void keepsPunctuationAccentsAndEmojiInsideTokens() {
        assertEquals(List.of("café,", "a😀b", "日本語"), texts("café, a😀b\n日本語"));
        assertEquals(List.of(new Token("a😀b", 0, 4)), tokenizer().tokenize("a😀b"));
    }

    @Test
    void unicodeSpaceSeparatesButNoBreakSpaceDoesNot() {
        // U+2003 EM SPACE is whitespace; U+00A0 NO-BREAK SPACE is not, per Character.isWhitespace.
        assertEquals(List.of("a", "b\u00a0c"), texts("a\u2003b\u00a0c"));
    }

    @Test
    void singleTokenWithoutWhitespace() {
        assertEquals(List.of(new Token("word", 0, 4)), new WhitespaceTokenizer().tokenize("word"));
    }
}
