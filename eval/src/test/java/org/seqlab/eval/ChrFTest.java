package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * chrF against the scores published in sacreBLEU's own test suite.
 *
 * <p>Fixtures cite {@code test/test_chrf.py} of mjpost/sacrebleu at commit {@code
 * f615c7286d4d813370efb824d94fc2bfcd3a6b94} (release 2.6.0). Most of its cases use beta 3; the
 * tolerance is theirs: 1e-4.
 */
class ChrFTest {

    private static final double EPSILON = 1e-4;

    /** sacreBLEU's {@code corpus_chrf(hyps, [refs], char_order=6, word_order=0, beta=3, ...)}. */
    private static double beta3(List<String> hyps, List<String> refs, boolean eps, boolean space) {
        ChrFConfig config =
                ChrFConfig.defaults().withBeta(3).withEpsSmoothing(eps).withWhitespace(space);
        return new ChrF(config).corpusScore(hyps, List.of(refs)).score();
    }

    @Test
    void epsilonSmoothingBeta3() {
        // sacrebleu test/test_chrf.py @ f615c72: test_chrf (test_cases), cases 1 to 13 in order
        String[][] cases = {
            {"abcdefg", "hijklmnop", "0.0"},
            {"a", "b", "0.0"},
            {"", "b", "0.0"},
            {"", "ref", "0.0"},
            {"", "reference", "0.0"},
            {"aa", "ab", "8.3333"},
            {"a|b", "a|c", "8.3333"},
            {"a", "a", "16.6667"},
            {"a b c", "a b c", "50.0"},
            {"a b c", "abc", "50.0"},
            {
                " risk assessment must be made of those who are qualified and expertise in the"
                        + " sector - these are the scientists .",
                "risk assessment has to be undertaken by those who are qualified and expert in that"
                        + " area - that is the scientists .",
                "63.361730"
            },
            {
                " Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. ",
                "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.",
                "64.1302698"
            },
            {
                "Niemand hat die Absicht, eine Mauer zu errichten",
                "Niemand hat die Absicht, eine Mauer zu errichten",
                "100.0"
            },
        };
        for (String[] c : cases) {
            // "a|b" stands for a two-segment corpus, ["a", "b"].
            List<String> hyps = List.of(c[0].split("\\|"));
            List<String> refs = List.of(c[1].split("\\|"));
            assertEquals(Double.parseDouble(c[2]), beta3(hyps, refs, true, false), EPSILON, c[0]);
        }
    }

    @Test
    void effectiveOrderBeta3() {
        // sacrebleu test/test_chrf.py @ f615c72: test_chrf_eff_order (test_cases_effective_order)
        assertEquals(100.0, beta3(List.of("a"), List.of("a"), false, false), EPSILON);
        assertEquals(0.0, beta3(List.of(""), List.of("reference"), false, false), EPSILON);
        assertEquals(100.0, beta3(List.of("a b c"), List.of("a b c"), false, false), EPSILON);
        assertEquals(100.0, beta3(List.of("a b c"), List.of("abc"), false, false), EPSILON);
        assertEquals(0.0, beta3(List.of(""), List.of("c"), false, false), EPSILON);
        assertEquals(50.0, beta3(List.of("a", "b"), List.of("a", "c"), false, false), EPSILON);
        assertEquals(25.0, beta3(List.of("aa"), List.of("ab"), false, false), EPSILON);
    }

    @Test
    void keepWhitespaceBeta3() {
        // sacrebleu test/test_chrf.py @ f615c72: test_chrf_keep_whitespace, cases 1 and 2
        assertEquals(
                67.3481606,
                beta3(
                        List.of(
                                "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade"
                                        + " freundlich."),
                        List.of(
                                "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade"
                                        + " freundschaftlich."),
                        false,
                        true),
                EPSILON);
        assertEquals(
                65.2414427,
                beta3(
                        List.of(
                                "risk assessment must be made of those who are qualified and"
                                        + " expertise in the sector - these are the scientists ."),
                        List.of(
                                "risk assessment has to be undertaken by those who are qualified"
                                        + " and expert in that area - that is the scientists ."),
                        false,
                        true),
                EPSILON);
    }

    @Test
    void sentenceLevelChrF2WithEpsilonSmoothing() {
        // sacrebleu test/test_chrf.py @ f615c72: test_chrf_sentence_level, cases 1 to 3
        // (sentence_chrf with char_order 6, word_order 0, beta 2, eps_smoothing=True)
        ChrF chrf = new ChrF(ChrFConfig.defaults().withEpsSmoothing(true));
        assertEquals(
                39.14078509,
                chrf.sentenceScore(
                                "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a"
                                        + " kdo zemře.",
                                List.of(
                                        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom,"
                                                + " kdo bude žít a kdo zemře."))
                        .score(),
                EPSILON);
        assertEquals(
                31.22557079,
                chrf.sentenceScore(
                                "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                                List.of(
                                        "A někdy nemáme ani potřebný materiál, abychom jim"
                                                + " pomohli, popsali lékaři."))
                        .score(),
                EPSILON);
        assertEquals(
                57.15704367,
                chrf.sentenceScore(
                                "Lapali po dechu, jejich životy skončily dřív, než skutečně"
                                        + " začaly.",
                                List.of(
                                        "Lapali po dechu a pak jejich život skončil - dřív, než"
                                                + " skutečně mohl začít, připomněli."))
                        .score(),
                EPSILON);
    }

    @Test
    void defaultChrF2OnTheReadmeExample() {
        // Not in sacreBLEU's test suite: sacreBLEU 2.6.0's corpus_chrf with its defaults (chrF2,
        // effective order) on test/test_bleu.py's _hyps and _refs prints these scores and lines.
        List<String> hyps =
                List.of(
                        "The dog bit the man.",
                        "It wasn't surprising.",
                        "The man had just bitten him.");
        List<List<String>> refs =
                List.of(
                        List.of(
                                "The dog bit the man.",
                                "It was not unexpected.",
                                "The man bit him first."),
                        List.of(
                                "The dog had bit the man.",
                                "No one was surprised.",
                                "The man had bitten the dog."));
        ChrFScore two = ChrF.corpusChrF(hyps, refs);
        assertEquals(59.72751782684763, two.score(), 1e-9);
        assertEquals(
                "chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:seqlab-sacrebleu2"
                        + " = 59.73",
                two.format());
        assertEquals(50.043063606582294, ChrF.corpusChrF(hyps, refs.subList(0, 1)).score(), 1e-9);
        ChrFScore plusPlus = new ChrF(ChrFConfig.chrfPlusPlus()).corpusScore(hyps, refs);
        assertEquals(59.15310444399262, plusPlus.score(), 1e-9);
        assertEquals(
                "chrF2++|nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:seqlab-sacrebleu2",
                plusPlus.name() + "|" + plusPlus.signature());
        assertEquals(8, plusPlus.hypCounts().size());
    }

    @Test
    void statisticsAreSummedOverTheCorpus() {
        // "a", "b" against "a", "c": unigrams 2 hypothesis, 2 reference, 1 match; no longer
        // n-grams, so effective order is 1 and P = R = 0.5, giving 50 for any beta.
        ChrFScore score = ChrF.corpusChrF(List.of("a", "b"), List.of(List.of("a", "c")));
        assertEquals(List.of(2L, 0L, 0L, 0L, 0L, 0L), score.hypCounts());
        assertEquals(List.of(2L, 0L, 0L, 0L, 0L, 0L), score.refCounts());
        assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 0L), score.matchCounts());
        assertEquals(50.0, score.score(), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ChrFConfig(0, 0, 2, false, false));
        assertThrows(IllegalArgumentException.class, () -> new ChrFConfig(6, -1, 2, false, false));
        assertThrows(IllegalArgumentException.class, () -> ChrFConfig.defaults().withBeta(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> ChrF.corpusChrF(List.of("a", "b"), List.of(List.of("a"))));
        assertThrows(IllegalArgumentException.class, () -> new ChrF(null));
    }
}
