package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sentence BLEU against the scores published in sacreBLEU's own test suite.
 *
 * <p>Fixtures cite {@code test/test_sentence_bleu.py} of mjpost/sacrebleu at commit {@code
 * f615c7286d4d813370efb824d94fc2bfcd3a6b94} (release 2.6.0); every case there uses effective order.
 * The tolerance is theirs: 1e-3.
 */
class SentenceBleuTest {

    private static final double EPSILON = 1e-3;

    // sacrebleu test/test_sentence_bleu.py @ f615c72: REF and SYS (example from issue #98)
    private static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
    private static final String SYS =
            "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    // sacrebleu test/test_sentence_bleu.py @ f615c72: REF_0 and SYS_0 (example from issue #141)
    private static final String REF_0 = "okay thanks";
    private static final String SYS_0 = "this is a cat";

    private static double score(String hyp, String ref, BleuConfig config) {
        return new Bleu(config).sentenceScore(hyp, List.of(ref)).score();
    }

    @Test
    void defaultSentenceBleu() {
        // sacrebleu test/test_sentence_bleu.py @ f615c72: test_cases ('exp', None, False, '13a')
        BleuScore score = Bleu.sentenceBleu(SYS, List.of(REF));
        assertEquals(8.493, score.score(), EPSILON);
        assertEquals(
                "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:seqlab-sacrebleu2",
                score.signature());
    }

    @Test
    void smoothingMethods() {
        BleuConfig eff = BleuConfig.sentenceDefaults();
        // sacrebleu test/test_sentence_bleu.py @ f615c72: test_cases ('none', None, False, '13a')
        assertEquals(0.0, score(SYS, REF, eff.withSmoothing(BleuSmoothing.NONE)), EPSILON);
        // sacrebleu test/test_sentence_bleu.py @ f615c72: ('floor', None|0.1, False, '13a')
        assertEquals(4.51688, score(SYS, REF, eff.withSmoothing(BleuSmoothing.FLOOR)), EPSILON);
        assertEquals(
                4.51688, score(SYS, REF, eff.withSmoothing(BleuSmoothing.FLOOR, 0.1)), EPSILON);
        // sacrebleu test/test_sentence_bleu.py @ f615c72: ('floor', 0.5, False, '13a')
        BleuConfig floorHalf = eff.withSmoothing(BleuSmoothing.FLOOR, 0.5);
        assertEquals(10.10, score(SYS, REF, floorHalf), EPSILON);
        assertEquals(
                "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:floor[0.50]|version:seqlab-sacrebleu2",
                new Bleu(floorHalf).sentenceScore(SYS, List.of(REF)).signature());
        // sacrebleu test/test_sentence_bleu.py @ f615c72: ('add-k', None|1, False, '13a')
        assertEquals(14.882, score(SYS, REF, eff.withSmoothing(BleuSmoothing.ADD_K)), EPSILON);
        assertEquals(14.882, score(SYS, REF, eff.withSmoothing(BleuSmoothing.ADD_K, 1)), EPSILON);
        // sacrebleu test/test_sentence_bleu.py @ f615c72: ('add-k', 2, False, '13a')
        assertEquals(21.389, score(SYS, REF, eff.withSmoothing(BleuSmoothing.ADD_K, 2)), EPSILON);
    }

    @Test
    void tokenizers() {
        BleuConfig eff = BleuConfig.sentenceDefaults();
        // sacrebleu test/test_sentence_bleu.py @ f615c72: ('exp', None, False, 'none')
        assertEquals(7.347, score(SYS, REF, eff.withTokenizer(BleuTokenizer.NONE)), EPSILON);
        // sacrebleu test/test_sentence_bleu.py @ f615c72: ('exp', None, False, 'char')
        assertEquals(40.8759, score(SYS, REF, eff.withTokenizer(BleuTokenizer.CHAR)), EPSILON);
        // Not ported: ('exp', None, False, 'intl', 8.493) and ('exp', None, True, 'char', 42.0267),
        // which need the intl tokenizer and lowercasing.
    }

    @Test
    void noMatchesScoreZeroWithEverySmoothing() {
        // sacrebleu test/test_sentence_bleu.py @ f615c72: test_cases_zero_bleu, all six cases
        BleuConfig eff = BleuConfig.sentenceDefaults();
        for (BleuConfig config :
                List.of(
                        eff,
                        eff.withSmoothing(BleuSmoothing.NONE),
                        eff.withSmoothing(BleuSmoothing.FLOOR),
                        eff.withSmoothing(BleuSmoothing.FLOOR, 0.1),
                        eff.withSmoothing(BleuSmoothing.ADD_K),
                        eff.withSmoothing(BleuSmoothing.ADD_K, 1))) {
            assertEquals(0.0, score(SYS_0, REF_0, config), EPSILON, config.toString());
        }
    }

    @Test
    void severalReferences() {
        // Not in sacreBLEU's test suite: sacreBLEU 2.6.0's sentence_bleu gives 14.794015674776452
        // for the second README hypothesis against both of its references.
        BleuScore score =
                Bleu.sentenceBleu(
                        "It wasn't surprising.",
                        List.of("It was not unexpected.", "No one was surprised."));
        assertEquals(14.794015674776452, score.score(), 1e-9);
        assertEquals(5, score.refLen());
        assertEquals(
                "BLEU|nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:seqlab-sacrebleu2"
                        + " = 14.79 50.0/16.7/12.5/12.5 (BP = 0.779 ratio = 0.800 hyp_len = 4"
                        + " ref_len = 5)",
                score.format());
    }

    @Test
    void rejectsMissingArguments() {
        assertThrows(IllegalArgumentException.class, () -> Bleu.sentenceBleu(null, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Bleu.sentenceBleu("a", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Bleu.sentenceBleu("a", null));
    }
}
