package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BpeTokenizerTest extends TokenizerContractTest {

    static final String CORPUS =
            "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox doesn't.\n"
                    + "Café au lait, crème brûlée, naïve café.  日本語 日本 中文\n"
                    + "Numbers: 123 1234 12345, tabs\tand\ttabs, and the end... the end!\n";

    private static final BpeTokenizer LEARNED = BpeTokenizer.learn(CORPUS, 60);

    @Override
    Tokenizer tokenizer() {
        return LEARNED;
    }

    @Test
    void firstMergesMatchHandComputation() {
        // Pre-tokens: "low" x1, " low" x2, " lower" x1, " newest" x2. Pair counts: (l,o) 4, (o,w)
        // 4,
        // ( ,l) 3, (w,e) 3, the rest at most 2. (l,o) wins the tie with (o,w) because 'l' < 'o'.
        // Then (lo,w) 4, then ( ,low) 3 while (w,e) has dropped to 2.
        BpeTokenizer bpe = BpeTokenizer.learn("low low low lower newest newest", 3);
        assertEquals(3, bpe.mergeCount());
        assertEquals(256 + 3, bpe.vocabularySize());
        assertEquals("lo", bpe.piece(256));
        assertEquals("low", bpe.piece(257));
        assertEquals(" low", bpe.piece(258));
        assertArrayEquals(new int[] {258, 'e', 'r'}, bpe.encode(" lower"));
        assertArrayEquals(new int[] {257, 258}, bpe.encode("low low"));
        assertArrayEquals(new int[] {256, 'l'}, bpe.encode("lol"));
    }

    @Test
    void fourthAndFifthMergesBreakTiesByCreationOrder() {
        // After three merges every remaining pair of " newest" occurs twice; ' ' < 'e' < ... < 'w'.
        BpeTokenizer bpe = BpeTokenizer.learn("low low low lower newest newest", 5);
        assertEquals(" n", bpe.piece(259));
        assertEquals("es", bpe.piece(260));
    }

    @Test
    void learningStopsWhenNoPairOccursTwice() {
        assertEquals(0, BpeTokenizer.learn("ab cd", 10).mergeCount());
        BpeTokenizer bpe = BpeTokenizer.learn("abab", 10);
        assertEquals(1, bpe.mergeCount());
        assertEquals("ab", bpe.piece(256));
        assertArrayEquals(new int[] {256, 256}, bpe.encode("abab"));
    }

    @Test
    void mergesDoNotCrossPreTokens() {
        // "a b" twice: pre-tokens "a" and " b"; the pair (a, ' ') is never counted.
        BpeTokenizer bpe = BpeTokenizer.learn("a b a b", 10);
        assertEquals(1, bpe.mergeCount());
        assertEquals(" b", bpe.piece(256));
    }

    @Test
    void repeatedSymbolsMergeLeftmostFirst() {
        BpeTokenizer bpe = BpeTokenizer.learn("aaaa aaaa", 1);
        assertEquals("aa", bpe.piece(256));
        assertArrayEquals(new int[] {256, 'a'}, bpe.encode("aaa"));
        assertEquals(
                List.of(new Token("aa", 0, 2), new Token("aa", 2, 4), new Token("a", 4, 5)),
                bpe.tokenize("aaaaa"));
    }

    @Test
    void zeroMergesGiveACharacterLevelTokenizer() {
        BpeTokenizer bpe = BpeTokenizer.learn(CORPUS, 0);
        assertEquals(0, bpe.mergeCount());
        assertEquals(256, bpe.vocabularySize());
        samples().forEach(s -> assertEquals(CharTokenizer.INSTANCE.tokenize(s), bpe.tokenize(s)));
        assertArrayEquals("The dog.".chars().toArray(), bpe.encode("The dog."));
        assertEquals("The dog.", bpe.decode(bpe.encode("The dog.")));
    }

    @Test
    void negativeMergesAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.learn("ab", -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(NullPointerException.class, () -> BpeTokenizer.learn(null, 1));
    }

    @Test
    void learningIsDeterministic() {
        BpeTokenizer again = BpeTokenizer.learn(CORPUS, 60);
        assertEquals(LEARNED.vocabularySize(), again.vocabularySize());
        for (int id = 0; id < LEARNED.vocabularySize(); id++) {
            assertEquals(LEARNED.piece(id), again.piece(id));
        }
    }

    @Test
    void learnedMergesShortenTrainingTextAndStopEarly() {
        // The small corpus runs out of pairs that occur twice before 60 merges.
        assertTrue(LEARNED.mergeCount() > 20 && LEARNED.mergeCount() < 60);
        assertEquals(LEARNED.mergeCount(), BpeTokenizer.learn(CORPUS, 1000).mergeCount());
        assertTrue(
                LEARNED.encode(CORPUS).length
                        < CORPUS.codePointCount(0, CORPUS.length()) - LEARNED.mergeCount());
        assertArrayEquals(
                new int[] {id(LEARNED, "The"), id(LEARNED, " fox")}, LEARNED.encode("The fox"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplesRoundTripAndTokensCoverText(String text) {
        assertEquals(text, LEARNED.decode(LEARNED.encode(text)));
        StringBuilder joined = new StringBuilder();
        LEARNED.tokenize(text).forEach(t -> joined.append(t.text()));
        assertEquals(text, joined.toString());
    }

    @Test
    void randomStringsRoundTripLosslessly() {
        SplittableRandom random = new SplittableRandom(20240601L);
        BpeTokenizer[] tokenizers = {LEARNED, BpeTokenizer.learn(CORPUS, 0)};
        for (int n = 0; n < 2000; n++) {
            String text = randomText(random);
            for (BpeTokenizer bpe : tokenizers) {
                int[] ids = bpe.encode(text);
                assertEquals(text, bpe.decode(ids), () -> "round trip of " + escapeJava(text));
                List<Token> tokens = bpe.tokenize(text);
                int end = 0;
                for (Token t : tokens) {
                    assertEquals(end, t.start(), () -> "gap before " + t);
                    assertTrue(t.end() > t.start());
                    end = t.end();
                }
                assertEquals(text.length(), end);
            }
        }
    }

    @Test
    void unseenCharactersFallBackToUtf8Bytes() {
        assertArrayEquals(new int[] {0xC3, 0xB8}, LEARNED.encode("ø"));
        assertArrayEquals(new int[] {0xF0, 0x9F, 0x98, 0x80}, LEARNED.encode("😀"));
        assertArrayEquals(new int[] {0xE9, 0x9F, 0x93}, LEARNED.encode("韓"));
        String text = "ø😀韓 résumé 🇩🇪 Ελληνικά";
        assertEquals(text, LEARNED.decode(LEARNED.encode(text)));
        // The bytes of one code point are one token covering that code point.
        assertEquals(
                List.of(new Token("x", 0, 1), new Token("😀", 1, 3), new Token("韓", 3, 4)),
                LEARNED.tokenize("x😀韓"));
    }

    @Test
    void seenNonAsciiCharactersHaveTheirOwnIds() {
        int[] ids = LEARNED.encode("é");
        assertEquals(1, ids.length);
        assertTrue(ids[0] >= 256);
        assertEquals("é", LEARNED.piece(ids[0]));
    }

    @Test
    void unpairedSurrogatesRoundTripAsTheirCodeUnitBytes() {
        assertArrayEquals(new int[] {0xED, 0xA0, 0x80}, LEARNED.encode("\ud800"));
        assertArrayEquals(new int[] {0xED, 0xB0, 0x80}, LEARNED.encode("\udc00"));
        String text = "a\udc00\ud800b\ud83d";
        assertEquals(text, LEARNED.decode(LEARNED.encode(text)));
        assertEquals(
                List.of(new Token("\ud800", 0, 1), new Token("\ud800", 1, 2)),
                LEARNED.tokenize("\ud800\ud800"));
        // A corpus with unpaired surrogates learns no merge that contains one.
        BpeTokenizer bpe = BpeTokenizer.learn("\ud800\ud800 \ud800\ud800 xx xx", 10);
        for (int id = 256; id < bpe.vocabularySize(); id++) {
            assertTrue(bpe.piece(id).chars().noneMatch(c -> Character.isSurrogate((char) c)));
        }
    }

    @Test
    void tokensAreThePiecesOfTheIds() {
        String text = "The lazy fox doesn't sleep.";
        int[] ids = LEARNED.encode(text);
        List<Token> tokens = LEARNED.tokenize(text);
        assertEquals(ids.length, tokens.size());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(LEARNED.piece(ids[i]), tokens.get(i).text());
        }
    }

    @Test
    void pieceShowsBytesInHex() {
        assertEquals("a", LEARNED.piece('a'));
        assertEquals("\n", LEARNED.piece('\n'));
        assertEquals("<0xC3>", LEARNED.piece(0xC3));
        assertEquals("<0xFF>", LEARNED.piece(0xFF));
        assertThrows(IllegalArgumentException.class, () -> LEARNED.piece(-1));
        assertThrows(IllegalArgumentException.class, () -> LEARNED.piece(LEARNED.vocabularySize()));
    }

    @Test
    void decodeRejectsUnknownIdsAndReplacesBadBytes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LEARNED.decode(new int[] {'a', LEARNED.vocabularySize()}));
        assertTrue(e.getMessage().contains(String.valueOf(LEARNED.vocabularySize())));
        assertThrows(IllegalArgumentException.class, () -> LEARNED.decode(new int[] {-3}));
        assertEquals("\uFFFDa", LEARNED.decode(new int[] {0xC3, 'a'}));
        assertEquals("\uFFFD\uFFFD", LEARNED.decode(new int[] {0xC0, 0x80}));
        assertEquals("", LEARNED.decode(new int[0]));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> LEARNED.encode(null));
        assertThrows(NullPointerException.class, () -> LEARNED.decode(null));
    }

    static int id(BpeTokenizer bpe, String piece) {
        for (int id = 0; id < bpe.vocabularySize(); id++) {
            if (bpe.piece(id).equals(piece)) {
                return id;
            }
        }
        throw new AssertionError("no piece " + piece);
    }

    /** Random code points: ASCII, Latin, CJK, emoji, controls, whitespace, lone surrogates. */
    static String randomText(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            switch (kind) {
                case 0, 1, 2 -> sb.append(CORPUS.charAt(random.nextInt(CORPUS.length())));
                case 3 -> sb.append(" \t\n\r\u00a0\u2003\u3000".charAt(random.nextInt(7)));
                case 4 -> sb.appendCodePoint(random.nextInt(0x20));
                case 5 -> sb.appendCodePoint(0x80 + random.nextInt(0x800 - 0x80));
                case 6 -> sb.appendCodePoint(0x4E00 + random.nextInt(0x5000));
                case 7 -> sb.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 8 -> sb.append((char) (0xD800 + random.nextInt(0x800)));
                default -> sb.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return sb.toString();
    }

    private static String escapeJava(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
        return sb.toString();
    }
}
