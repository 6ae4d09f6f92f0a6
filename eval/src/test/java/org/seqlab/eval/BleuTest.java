package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corpus BLEU against the scores published in sacreBLEU's own test suite.
 *
 * <p>Fixtures cite {@code test/test_bleu.py} of mjpost/sacrebleu at commit {@code
 * f615c7286d4d813370efb824d94fc2bfcd3a6b94} (release 2.6.0). The tolerance is theirs: 1e-8.
 */
class BleuTest {

    private static final double EPSILON = 1e-8;

    // sacrebleu test/test_bleu.py @ f615c72: _refs and _hyps (the README example); two streams.
    private static final List<List<String>> REFS =
            List.of(
                    List.of(
                            "The dog bit the man.",
                            "It was not unexpected.",
                            "The man bit him first."),
                    List.of(
                            "The dog had bit the man.",
                            "No one was surprised.",
                            "The man had bitten the dog."));
    private static final List<String> HYPS =
            List.of(
                    "The dog bit the man.",
                    "It wasn't surprising.",
                    "The man had just bitten him.");

    /** sacreBLEU's {@code raw_corpus_bleu(hyps, refs, smooth_value)}: none, floor, eff. order. */
    private static BleuScore raw(List<String> hyps, List<List<String>> refs, double smoothValue) {
        BleuConfig config =
                BleuConfig.defaults()
                        .withTokenizer(BleuTokenizer.NONE)
                        .withSmoothing(BleuSmoothing.FLOOR, smoothValue)
                        .withEffectiveOrder(true);
        return new Bleu(config).corpusScore(hyps, refs);
    }

    @Test
    void corpusBleuWithDefaultsMultiReference() {
        // sacrebleu test/test_bleu.py @ f615c72: test_corpus_bleu case 1 (default settings)
        BleuScore score = Bleu.corpusBleu(HYPS, REFS);
        assertEquals(48.530827, score.score(), EPSILON);
        // sacrebleu test/test_bleu.py @ f615c72: test_corpus_bleu case 4 ({'tokenize': '13a'})
        assertEquals(
                48.530827,
                new Bleu(BleuConfig.defaults()).corpusScore(HYPS, REFS).score(),
                EPSILON);
        // The statistics and the printed line below are what sacreBLEU 2.6.0 prints for case 1
        // (its BLEUScore fields and format()); the test suite only publishes the score.
        assertEquals(List.of(14L, 7L, 5L, 3L), score.counts());
        assertEquals(List.of(17L, 14L, 11L, 8L), score.totals());
        assertEquals(17, score.sysLen());
        assertEquals(18, score.refLen());
        assertEquals(0.9428731438548749, score.bp(), 1e-15);
        assertEquals(17.0 / 18.0, score.ratio(), 1e-15);
        assertEquals(100.0 * 14 / 17, score.precisions().get(0), 1e-12);
        assertEquals(
                "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:seqlab-sacrebleu2",
                score.signature());
        assertEquals(
                "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:seqlab-sacrebleu2"
                        + " = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17"
                        + " ref_len = 18)",
                score.format());
    }

    @Test
    void emptyHypothesesAreKeptAndScoreZero() {
        // sacrebleu test/test_bleu.py @ f615c72: test_corpus_bleu case 2 (('', '', ''), _refs)
        BleuScore score = Bleu.corpusBleu(List.of("", "", ""), REFS);
        assertEquals(0.0, score.score(), EPSILON);
        assertEquals(0, score.sysLen());
        assertEquals(0.0, score.bp());
        assertEquals(List.of(0L, 0L, 0L, 0L), score.totals());
    }

    @Test
    void otherTokenizersAndSmoothing() {
        // sacrebleu test/test_bleu.py @ f615c72: test_corpus_bleu case 3 ({'tokenize': 'none'})
        assertEquals(
                49.1919566,
                new Bleu(BleuConfig.defaults().withTokenizer(BleuTokenizer.NONE))
                        .corpusScore(HYPS, REFS)
                        .score(),
                EPSILON);
        // sacrebleu test/test_bleu.py @ f615c72: test_corpus_bleu case 6 ({'smooth_method':
        // 'none'})
        assertEquals(
                48.530827,
                new Bleu(BleuConfig.defaults().withSmoothing(BleuSmoothing.NONE))
                        .corpusScore(HYPS, REFS)
                        .score(),
                EPSILON);
        // test_corpus_bleu case 5 ({'tokenize': 'intl'}, 43.91623493) is not ported: no intl.
    }

    @Test
    void maxNgramOrder() {
        // sacrebleu test/test_bleu.py @ f615c72: test_max_ngram_order, orders 1 to 6, "%.2f"
        String[] expected = {"77.65", "60.50", "53.93", "48.53", "46.14", "43.28"};
        for (int order = 1; order <= 6; order++) {
            BleuScore score =
                    new Bleu(BleuConfig.defaults().withMaxNgramOrder(order))
                            .corpusScore(HYPS, REFS);
            assertEquals(expected[order - 1], PythonText.fixed(score.score(), 2), "order " + order);
            assertEquals(order, score.precisions().size());
        }
    }

    @Test
    void rawCorpusBleu() {
        // sacrebleu test/test_bleu.py @ f615c72: test_raw_bleu case 1 (zero matches, #141)
        assertEquals(
                0.0,
                raw(
                                        List.of("this is a test", "another test"),
                                        List.of(List.of("ref1", "ref2")),
                                        .01)
                                .score()
                        / 100,
                EPSILON);
        // sacrebleu test/test_bleu.py @ f615c72: test_raw_bleu case 2
        assertEquals(
                1.0,
                raw(List.of("this is a test"), List.of(List.of("this is a test")), .01).score()
                        / 100,
                EPSILON);
        // sacrebleu test/test_bleu.py @ f615c72: test_raw_bleu case 3
        assertEquals(
                0.223606797749979,
                raw(List.of("this is a fest"), List.of(List.of("this is a test")), .01).score()
                        / 100,
                EPSILON);
    }

    @Test
    void effectiveOrder() {
        // sacrebleu test/test_bleu.py @ f615c72: test_effective_order cases 1 to 3
        assertEquals(
                0.3678794411714425,
                raw(List.of("test"), List.of(List.of("a test")), .01).score() / 100,
                EPSILON);
        assertEquals(
                1.0,
                raw(List.of("a test"), List.of(List.of("a test")), .01).score() / 100,
                EPSILON);
        assertEquals(
                0.03218297948685433,
                raw(List.of("a little test"), List.of(List.of("a test")), .01).score() / 100,
                EPSILON);
    }

    @Test
    void statisticsAndOffset() {
        List<String> hyp = List.of("am I am a character sequence");
        List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
        // sacrebleu test/test_bleu.py @ f615c72: test_statistics, Statistics([4, 2, 1, 0], [6, 5,
        // 4, 3])
        BleuScore score = raw(hyp, ref, .01);
        assertEquals(List.of(4L, 2L, 1L, 0L), score.counts());
        assertEquals(List.of(6L, 5L, 4L, 3L), score.totals());
        // sacrebleu test/test_bleu.py @ f615c72: test_offset, 0.0 without and 0.1555722182 with
        // floor's default value 0.1
        assertEquals(0.0, raw(hyp, ref, 0.0).score() / 100, EPSILON);
        BleuConfig floorDefault =
                BleuConfig.defaults()
                        .withTokenizer(BleuTokenizer.NONE)
                        .withSmoothing(BleuSmoothing.FLOOR)
                        .withEffectiveOrder(true);
        assertEquals(0.1, floorDefault.smoothValue());
        assertEquals(
                0.1555722182, new Bleu(floorDefault).corpusScore(hyp, ref).score() / 100, EPSILON);
    }

    @Test
    void scoresFromStatistics() {
        // sacrebleu test/test_bleu.py @ f615c72: test_scoring, compute_bleu defaults to smooth
        // 'none'
        BleuConfig none = BleuConfig.defaults().withSmoothing(BleuSmoothing.NONE);
        BleuScore score =
                Bleu.compute(
                        new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4}, 11, 11, none, "nrefs:1");
        assertEquals(0.8375922397, score.score() / 100, EPSILON);
    }

    @Test
    void degenerateStatisticsScoreExactlyZero() {
        // sacrebleu test/test_bleu.py @ f615c72: test_degenerate_statistics cases 1 to 6, floor
        long[][][] stats = {
            {{0, 0, 0, 0}, {4, 4, 2, 1}, {0, 1}},
            {{0, 0, 0, 0}, {10, 11, 12, 0}, {14, 10}},
            {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0}},
            {{6, 5, 4, 0}, {6, 5, 4, 3}, {6, 6}},
            {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0}},
            {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 5}},
        };
        double[] offsets = {0.0, 0.0, 0.0, 0.0, 0.1, 0.01};
        for (int i = 0; i < stats.length; i++) {
            BleuConfig floor = BleuConfig.defaults().withSmoothing(BleuSmoothing.FLOOR, offsets[i]);
            BleuScore score =
                    Bleu.compute(
                            stats[i][0],
                            stats[i][1],
                            stats[i][2][0],
                            stats[i][2][1],
                            floor,
                            "nrefs:1");
            assertEquals(0.0, score.score(), "case " + (i + 1));
        }
    }

    @Test
    void missingReferencesMakeAVariableReferenceCount() {
        // Not in sacreBLEU's test suite: sacreBLEU 2.6.0 gives 48.530827009929865 with signature
        // nrefs:var when the second stream lacks segment 2 (its None).
        List<List<String>> refs =
                List.of(REFS.get(0), Arrays.asList(REFS.get(1).get(0), null, REFS.get(1).get(2)));
        BleuScore score = Bleu.corpusBleu(HYPS, refs);
        assertEquals(48.530827009929865, score.score(), 1e-9);
        assertTrue(score.signature().startsWith("nrefs:var|"), score.signature());
    }

    @Test
    void closestReferenceLengthTiesGoToTheShorter() {
        // Hypothesis of 3 words; references of 2 and 4 words are equally close: 2 is used.
        BleuScore score =
                Bleu.corpusBleu(List.of("a b c"), List.of(List.of("a b c d"), List.of("a b")));
        assertEquals(2, score.refLen());
        score = Bleu.corpusBleu(List.of("a b c"), List.of(List.of("a b"), List.of("a b c d")));
        assertEquals(2, score.refLen());
    }

    @Test
    void rejectsMismatchedOrMissingInput() {
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpusBleu(List.of(), REFS));
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpusBleu(HYPS, List.of()));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Bleu.corpusBleu(HYPS, List.of(List.of("only one"))));
        assertTrue(e.getMessage().contains("3 hypotheses"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Bleu.corpusBleu(Arrays.asList("a", null), List.of(List.of("a", "b"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> Bleu.corpusBleu(List.of("a"), List.of(Arrays.asList((String) null))));
        assertThrows(IllegalArgumentException.class, () -> new Bleu(null));
        assertThrows(
                IllegalArgumentException.class, () -> BleuConfig.defaults().withMaxNgramOrder(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> BleuConfig.defaults().withSmoothing(BleuSmoothing.FLOOR, -0.1));
    }
}
