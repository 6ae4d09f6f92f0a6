package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the {@link Tokenizer} contract; every tokenizer's test extends this class and supplies the
 * tokenizer.
 */
abstract class TokenizerContractTest {

    /** Returns the tokenizer under test. */
    abstract Tokenizer tokenizer();

    /**
     * Tells whether each token's text is the substring its offsets span. Tokenizers that normalize
     * (lowercasing, stemming) override this to return false, which skips only that check.
     */
    protected boolean textIsSurface() {
        return true;
    }

    static Stream<String> samples() {
        return Stream.of(
                "",
                "a",
                " ",
                "Hello, world!",
                "  leading and trailing  ",
                "café naïve résumé",
                "e\u0301 combining",
                "a😀b",
                "😀😀 👍🏽 family 👨‍👩‍👧",
                "日本語のテキスト 中文",
                "tab\there\nnew line\r\nwindows",
                "\n\n\t \u2003\u00a0x",
                "unpaired \ud800 surrogate \udc00 end");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void offsetsAreWithinBoundsOrderedAndMatchText(String text) {
        List<Token> tokens = tokenizer().tokenize(text);
        int previousEnd = 0;
        for (Token t : tokens) {
            assertTrue(t.start() >= previousEnd, () -> "overlap or out of order at " + t);
            assertTrue(t.end() <= text.length(), () -> "out of bounds: " + t);
            if (textIsSurface()) {
                assertEquals(text.substring(t.start(), t.end()), t.text(), () -> "text of " + t);
            }
            previousEnd = t.end();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isDeterministic(String text) {
        assertEquals(tokenizer().tokenize(text), tokenizer().tokenize(text));
    }

    @Test
    void emptyStringGivesNoTokens() {
        assertEquals(List.of(), tokenizer().tokenize(""));
    }

    @Test
    void nullTextIsRejected() {
        assertThrows(NullPointerException.class, () -> tokenizer().tokenize(null));
    }

    @Test
    void isThreadSafe() throws Exception {
        Tokenizer tokenizer = tokenizer();
        List<String> texts = samples().toList();
        List<List<Token>> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(tokenizer.tokenize(text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                results.add(
                        pool.submit(
                                () -> {
                                    for (int rep = 0; rep < 200; rep++) {
                                        for (int i = 0; i < texts.size(); i++) {
                                            if (!tokenizer
                                                    .tokenize(texts.get(i))
                                                    .equals(expected.get(i))) {
                                                return false;
                                            }
                                        }
                                    }
                                    return true;
                                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
