package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link SpanF1} against the output of the real conlleval script.
 *
 * <p>The expected texts were printed by {@code conlleval} version 2004-01-26 (Erik Tjong Kim Sang),
 * as vendored in the GitHub repository deeppavlov/ner, path {@code conlleval}, commit
 * f107d6da6017b8a2ac56013e1f9985e376ef99da (the original script except for its first comment line),
 * run with Perl 5 as {@code perl conlleval < fixture.txt}, where fixture.txt holds exactly the
 * fixture string (space-separated {@code token gold predicted}, a blank line after every sentence).
 * The script itself is not part of this repository.
 */
class SpanF1Test {

    private static final String IOB1 =
            """
            Peter I-PER I-PER
            Blackburn I-PER I-PER
            met O O
            John I-PER I-PER
            Mary B-PER I-PER
            and O O
            Ann I-PER I-PER
            Lee B-PER B-PER
            in O O
            Paris I-LOC I-ORG
            . O O

            The O O
            EU I-ORG I-ORG
            UN B-ORG B-ORG
            says O I-MISC
            so O B-MISC
            """;

    private static final String IOB1_CONLLEVAL =
            """
            processed 16 tokens with 8 phrases; found: 9 phrases; correct: 5.
            accuracy:  75.00%; precision:  55.56%; recall:  62.50%; FB1:  58.82
                          LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  0
                         MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  2
                          ORG: precision:  66.67%; recall: 100.00%; FB1:  80.00  3
                          PER: precision:  75.00%; recall:  60.00%; FB1:  66.67  4
            """;

    private static final String IOB2 =
            """
            New B-LOC I-LOC
            York I-LOC I-LOC
            City I-LOC I-PER
            is O O
            big O B-MISC
            Bob B-PER B-PER
            Smith I-PER I-PER

            Jones I-PER I-PER
            said O O
            Ann B-PER B-PER
            Lee I-PER B-PER
            of O I-PER
            Star B-creative-work B-creative-work
            Wars I-creative-work I-creative-work
            IV I-creative-work O
            """;

    private static final String IOB2_CONLLEVAL =
            """
            processed 15 tokens with 5 phrases; found: 8 phrases; correct: 2.
            accuracy:  60.00%; precision:  25.00%; recall:  40.00%; FB1:  30.77
                          LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                         MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                          PER: precision:  40.00%; recall:  66.67%; FB1:  50.00  5
                creative-work: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
            """;

    private static final String BIOES =
            """
            a S-PER S-PER
            b B-ORG B-ORG
            c I-ORG E-ORG
            d E-ORG O
            e O S-LOC
            f B-LOC B-LOC
            g E-LOC E-LOC
            h S-LOC B-LOC
            i O E-LOC
            j B-MISC B-MISC
            k E-MISC I-MISC

            l S-PER B-PER
            m S-PER E-PER
            """;

    private static final String BIOES_CONLLEVAL =
            """
            processed 13 tokens with 5 phrases; found: 5 phrases; correct: 3.
            accuracy:  38.46%; precision:  60.00%; recall:  60.00%; FB1:  60.00
                          LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                         MISC: precision: 100.00%; recall: 100.00%; FB1: 100.00  1
                          ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
                          PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2
            """;

    private static final String POS =
            """
            The DT DT
            dog NN NN
            barks VBZ NNS
            . . .

            Run VB NN
            ! . .
            """;

    private static final String POS_CONLLEVAL =
            """
            processed 6 tokens with 0 phrases; found: 0 phrases; correct: 0.
            accuracy:  66.67%; precision:   0.00%; recall:   0.00%; FB1:   0.00
            """;

    /** Splits a fixture into sentences of gold (index 0) and predicted (index 1) tags. */
    private static List<List<List<String>>> parse(String fixture) {
        List<List<String>> gold = new ArrayList<>();
        List<List<String>> predicted = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (String line : (fixture + "\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!g.isEmpty()) {
                    gold.add(g);
                    predicted.add(p);
                    g = new ArrayList<>();
                    p = new ArrayList<>();
                }
                continue;
            }
            String[] f = line.split(" ");
            g.add(f[1]);
            p.add(f[2]);
        }
        return List.of(gold, predicted);
    }

    private static SpanScores score(String fixture) {
        List<List<List<String>>> parsed = parse(fixture);
        return SpanF1.score(parsed.get(0), parsed.get(1));
    }

    private static void assertPercent(double conlleval, double fraction) {
        assertEquals(conlleval, 100 * fraction, 0.005);
    }

    @Test
    void iob1MatchesConlleval() {
        SpanScores s = score(IOB1);
        assertEquals(IOB1_CONLLEVAL, s.toText());
        // processed 16 tokens with 8 phrases; found: 9 phrases; correct: 5.
        assertEquals(16, s.tokens());
        assertEquals(8, s.goldChunks());
        assertEquals(9, s.predictedChunks());
        assertEquals(5, s.correctChunks());
        assertPercent(75.00, s.accuracy());
        assertPercent(55.56, s.precision());
        assertPercent(62.50, s.recall());
        assertPercent(58.82, s.f1());
        TypeScores per = s.perType().get("PER");
        assertEquals(4, per.predictedChunks());
        assertEquals(5, per.goldChunks());
        assertEquals(3, per.correctChunks());
        assertPercent(75.00, per.precision());
        assertPercent(60.00, per.recall());
        assertPercent(66.67, per.f1());
        assertEquals(List.of("LOC", "MISC", "ORG", "PER"), List.copyOf(s.perType().keySet()));
        assertPercent(66.67, s.perType().get("ORG").precision());
        assertPercent(80.00, s.perType().get("ORG").f1());
    }

    @Test
    void iob2WithInvalidMovesAndHyphenatedTypesMatchesConlleval() {
        SpanScores s = score(IOB2);
        assertEquals(IOB2_CONLLEVAL, s.toText());
        assertEquals(15, s.tokens());
        assertEquals(5, s.goldChunks());
        assertEquals(8, s.predictedChunks());
        assertEquals(2, s.correctChunks());
        assertPercent(60.00, s.accuracy());
        assertPercent(25.00, s.precision());
        assertPercent(40.00, s.recall());
        assertPercent(30.77, s.f1());
        TypeScores per = s.perType().get("PER");
        assertEquals(5, per.predictedChunks());
        assertEquals(3, per.goldChunks());
        assertEquals(2, per.correctChunks());
        assertPercent(50.00, per.f1());
        assertEquals(1, s.perType().get("creative-work").goldChunks());
        assertEquals(0, s.perType().get("creative-work").correctChunks());
    }

    @Test
    void bioesMatchesConllevalWhichDoesNotKnowS() {
        SpanScores s = score(BIOES);
        assertEquals(BIOES_CONLLEVAL, s.toText());
        assertEquals(13, s.tokens());
        assertEquals(5, s.goldChunks());
        assertEquals(5, s.predictedChunks());
        assertEquals(3, s.correctChunks());
        assertPercent(38.46, s.accuracy());
        assertPercent(60.00, s.f1());
        assertEquals(2, s.perType().get("PER").goldChunks());
    }

    @Test
    void posTagsGiveAccuracyAndNoChunks() {
        SpanScores s = score(POS);
        assertEquals(POS_CONLLEVAL, s.toText());
        assertEquals(6, s.tokens());
        assertPercent(66.67, s.accuracy());
        assertEquals(0, s.goldChunks());
        assertEquals(0, s.predictedChunks());
        assertEquals(0.0, s.f1());
        assertEquals(0, s.perType().size());
    }

    @Test
    void nothingScoredIsAllZeroAsConllevalPrintsIt() {
        SpanScores s = new SpanF1().scores();
        // printf '' | perl conlleval
        assertEquals(
                "processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n", s.toText());
        assertEquals(0.0, s.accuracy());
    }

    @Test
    void accumulatesSentenceBySentence() {
        List<List<List<String>>> parsed = parse(IOB2);
        SpanF1 f1 = new SpanF1();
        for (int i = 0; i < parsed.get(0).size(); i++) {
            f1.add(parsed.get(0).get(i), parsed.get(1).get(i));
        }
        assertEquals(score(IOB2), f1.scores());
        assertEquals(f1.scores(), f1.scores());
    }

    @Test
    void perfectPredictionsScoreOne() {
        List<List<String>> gold = List.of(List.of("B-PER", "I-PER", "O", "B-LOC"), List.of("O"));
        SpanScores s = SpanF1.score(gold, gold);
        assertEquals(1.0, s.f1());
        assertEquals(1.0, s.accuracy());
        assertEquals(2, s.correctChunks());
        assertEquals(
                "{\"tokens\":5,\"accuracy\":1.0,\"gold_chunks\":2,\"predicted_chunks\":2,"
                        + "\"correct_chunks\":2,\"precision\":1.0,\"recall\":1.0,\"f1\":1.0,"
                        + "\"per_type\":{\"LOC\":{\"gold\":1,\"predicted\":1,\"correct\":1,"
                        + "\"precision\":1.0,\"recall\":1.0,\"f1\":1.0},"
                        + "\"PER\":{\"gold\":1,\"predicted\":1,\"correct\":1,"
                        + "\"precision\":1.0,\"recall\":1.0,\"f1\":1.0}}}",
                s.toJson());
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SpanF1.score(List.of(List.of("O")), List.of(List.of("O", "O"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> SpanF1.score(List.of(List.of("O")), List.of()));
        SpanF1 f1 = new SpanF1();
        assertThrows(IllegalArgumentException.class, () -> f1.add(List.of("B-X"), List.of()));
        assertEquals(0, f1.scores().tokens());
    }
}
