package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenNlpTokenizerTest extends TokenizerContractTest {

    @Override
    Tokenizer tokenizer() {
        return OpenNlpTokenizer.instance();
    }

    private static List<String> texts(String text) {
        return OpenNlpTokenizer.instance().tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void keepsAbbreviationsAndContractionsWhole() {
        // The UD English-EWT model tokenizes surface words: "isn't" stays one token, and the
        // abbreviation keeps its period while the sentence-final period is split off.
        assertEquals(
                List.of(
                        new Token("Mr.", 0, 3),
                        new Token("Smith", 4, 9),
                        new Token("isn't", 10, 15),
                        new Token("here", 16, 20),
                        new Token(".", 20, 21)),
                tokenizer().tokenize("Mr. Smith isn't here."));
    }

    @Test
    void splitsPunctuationAndCurrency() {
        assertEquals(List.of("Hello", ",", "world", "!"), texts("Hello, world!"));
        assertEquals(
                List.of("It's", "3.14", "dollars", ",", "$", "5", "."),
                texts("It's 3.14 dollars, $5."));
    }

    @Test
    void instanceIsShared() {
        assertSame(OpenNlpTokenizer.instance(), OpenNlpTokenizer.instance());
    }

    @Test
    void concurrentCallsMatchSerialResults() throws Exception {
        ConcurrencyCheck.assertSameResultsAcrossThreads(
                tokenizer()::tokenize,
                List.of(
                        "Mr. Smith isn't here.",
                        "I can't go. Don't!",
                        "It's 3.14 dollars, $5.",
                        "A much longer sentence, with clauses; and \"quotes\" (and brackets)."));
    }
}
