package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CharTokenizerTest extends TokenizerContractTest {

    @Override
    Tokenizer tokenizer() {
        return CharTokenizer.INSTANCE;
    }

    @Test
    void surrogatePairIsOneTokenOfTwoChars() {
        assertEquals(
                List.of(new Token("a", 0, 1), new Token("😀", 1, 3), new Token("b", 3, 4)),
                tokenizer().tokenize("a😀b"));
    }

    @Test
    void whitespaceAndNewlinesAreTokens() {
        assertEquals(
                List.of(
                        new Token("x", 0, 1),
                        new Token(" ", 1, 2),
                        new Token("\t", 2, 3),
                        new Token("\n", 3, 4),
                        new Token("y", 4, 5)),
                new CharTokenizer().tokenize("x \t\ny"));
    }

    @Test
    void unpairedSurrogateIsATokenOfItsOwn() {
        assertEquals(
                List.of(new Token("\ud800", 0, 1), new Token("a", 1, 2)),
                tokenizer().tokenize("\ud800a"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void oneTokenPerCodePointCoveringTheText(String text) {
        List<Token> tokens = tokenizer().tokenize(text);
        assertEquals(text.codePointCount(0, text.length()), tokens.size());
        StringBuilder joined = new StringBuilder();
        tokens.forEach(t -> joined.append(t.text()));
        assertEquals(text, joined.toString());
    }
}
