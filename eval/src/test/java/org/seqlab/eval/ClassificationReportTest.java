package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static final double EPS = 1e-12;
    private static final List<String> LABELS = List.of("neg", "neu", "pos");

    /**
     * The hand-worked example, rows gold, columns predicted.
     *
     * <pre>
     *             neg  neu  pos | support
     *   neg         5    1    0 |  6
     *   neu         2    2    1 |  5
     *   pos         1    0    3 |  4
     *   predicted   8    3    4 | 15
     * </pre>
     */
    private static final long[][] HAND = {{5, 1, 0}, {2, 2, 1}, {1, 0, 3}};

    @Test
    void handComputedThreeClassExample() {
        ClassificationReport r = ClassificationReport.of(matrix(LABELS, HAND));
        assertEquals(15, r.examples());
        // accuracy = (5 + 2 + 3) / 15 = 10/15 = 2/3
        assertEquals(2.0 / 3.0, r.accuracy(), EPS);

        ClassScores neg = r.perClass().get("neg");
        // neg: tp 5, predicted 8, support 6 -> P = 5/8 = 0.625, R = 5/6,
        // F1 = 2PR/(P+R) = 2*5 / (8+6) = 10/14 = 5/7
        assertEquals(0.625, neg.precision(), EPS);
        assertEquals(5.0 / 6.0, neg.recall(), EPS);
        assertEquals(5.0 / 7.0, neg.f1(), EPS);
        assertEquals(6, neg.support());

        ClassScores neu = r.perClass().get("neu");
        // neu: tp 2, predicted 3, support 5 -> P = 2/3, R = 2/5 = 0.4,
        // F1 = 2*(2/3)*(2/5) / (2/3 + 2/5) = (8/15) / (16/15) = 0.5
        assertEquals(2.0 / 3.0, neu.precision(), EPS);
        assertEquals(0.4, neu.recall(), EPS);
        assertEquals(0.5, neu.f1(), EPS);
        assertEquals(5, neu.support());

        ClassScores pos = r.perClass().get("pos");
        // pos: tp 3, predicted 4, support 4 -> P = R = F1 = 3/4
        assertEquals(0.75, pos.precision(), EPS);
        assertEquals(0.75, pos.recall(), EPS);
        assertEquals(0.75, pos.f1(), EPS);
        assertEquals(4, pos.support());

        // macro F1 = (5/7 + 1/2 + 3/4) / 3 = (20/28 + 14/28 + 21/28) / 3 = 55/84 ~ 0.654762
        assertEquals(55.0 / 84.0, r.macroF1(), EPS);
        assertEquals(LABELS, List.copyOf(r.perClass().keySet()));
    }

    @Test
    void scoresWithAZeroDenominatorAreZero() {
        // Gold a, a, b; predicted a, c, a. Label d never occurs.
        ConfusionMatrix m =
                ConfusionMatrix.of(
                        List.of("a", "b", "c", "d"), new int[] {0, 0, 1}, new int[] {0, 2, 0});
        ClassificationReport r = ClassificationReport.of(m);
        // a: tp 1, predicted 2, support 2 -> P = R = F1 = 1/2
        assertEquals(new ClassScores(0.5, 0.5, 0.5, 2), r.perClass().get("a"));
        // b: support 1, never predicted -> precision 0/0 = 0, recall 0/1 = 0, F1 0
        assertEquals(new ClassScores(0, 0, 0, 1), r.perClass().get("b"));
        // c: predicted once, no support -> precision 0/1 = 0, recall 0/0 = 0, F1 0
        assertEquals(new ClassScores(0, 0, 0, 0), r.perClass().get("c"));
        // d: nothing at all -> 0, 0, 0
        assertEquals(new ClassScores(0, 0, 0, 0), r.perClass().get("d"));
        // accuracy 1/3; macro F1 over all four labels = (0.5 + 0 + 0 + 0) / 4
        assertEquals(1.0 / 3.0, r.accuracy(), EPS);
        assertEquals(0.125, r.macroF1(), EPS);
        assertTrue(r.toJson().contains("\"d\":{\"precision\":0.0,\"recall\":0.0,\"f1\":0.0"));
    }

    @Test
    void noExamplesGivesZeroScores() {
        ClassificationReport r =
                ClassificationReport.of(ConfusionMatrix.of(LABELS, new int[0], new int[0]));
        assertEquals(0, r.examples());
        assertEquals(0.0, r.accuracy());
        assertEquals(0.0, r.macroF1());
    }

    @Test
    void jsonParsesBackWithTheExactKeys() {
        ClassificationReport r = ClassificationReport.of(matrix(LABELS, HAND));
        String json = r.toJson();
        assertTrue(json.startsWith("{\"examples\":15,\"accuracy\":0.6666666666666666,"), json);
        assertTrue(
                json.contains(
                        "\"pos\":{\"precision\":0.75,\"recall\":0.75,\"f1\":0.75,\"support\":4}"),
                json);
        assertTrue(json.endsWith("\"pos\":{\"neg\":1,\"neu\":0,\"pos\":3}}}"), json);
        assertTrue(!json.contains("%") && !json.contains("\n"), json);

        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(
                List.of("examples", "accuracy", "macro_f1", "per_class", "confusion"),
                List.copyOf(o.keySet()));
        assertEquals(15, o.get("examples").getAsLong());
        assertEquals(r.accuracy(), o.get("accuracy").getAsDouble(), 0);
        assertEquals(r.macroF1(), o.get("macro_f1").getAsDouble(), 0);

        JsonObject perClass = o.getAsJsonObject("per_class");
        assertEquals(LABELS, List.copyOf(perClass.keySet()));
        for (String label : LABELS) {
            JsonObject s = perClass.getAsJsonObject(label);
            assertEquals(List.of("precision", "recall", "f1", "support"), List.copyOf(s.keySet()));
            ClassScores expected = r.perClass().get(label);
            assertEquals(expected.precision(), s.get("precision").getAsDouble(), 0);
            assertEquals(expected.recall(), s.get("recall").getAsDouble(), 0);
            assertEquals(expected.f1(), s.get("f1").getAsDouble(), 0);
            assertEquals(expected.support(), s.get("support").getAsLong());
        }

        JsonObject confusion = o.getAsJsonObject("confusion");
        assertEquals(LABELS, List.copyOf(confusion.keySet()));
        for (int g = 0; g < LABELS.size(); g++) {
            JsonObject row = confusion.getAsJsonObject(LABELS.get(g));
            assertEquals(LABELS, List.copyOf(row.keySet()));
            for (int p = 0; p < LABELS.size(); p++) {
                assertEquals(HAND[g][p], row.get(LABELS.get(p)).getAsLong());
            }
        }
    }

    @Test
    void jsonEscapesLabels() {
        List<String> labels = List.of("say \"hi\"", "back\\slash");
        ClassificationReport r =
                ClassificationReport.of(
                        ConfusionMatrix.of(labels, new int[] {0, 1}, new int[] {0, 0}));
        JsonObject o = JsonParser.parseString(r.toJson()).getAsJsonObject();
        assertEquals(labels, List.copyOf(o.getAsJsonObject("per_class").keySet()));
        assertEquals(
                1,
                o.getAsJsonObject("confusion")
                        .getAsJsonObject("back\\slash")
                        .get("say \"hi\"")
                        .getAsLong());
    }

    @Test
    void textShowsScoresAndTheMatrix() {
        String text = ClassificationReport.of(matrix(LABELS, HAND)).toText();
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).contains("precision") && lines.get(0).contains("support"), text);
        assertTrue(lines.get(1).startsWith("neg"), text);
        assertTrue(lines.get(1).contains("0.6250") && lines.get(1).contains("0.8333"), text);
        assertTrue(lines.get(2).contains("0.5000") && lines.get(2).endsWith("5"), text);
        assertTrue(text.contains("accuracy") && text.contains("0.6667"), text);
        assertTrue(text.contains("macro avg") && text.contains("0.6548"), text);
        assertTrue(text.contains("rows: gold, columns: predicted"), text);
        assertTrue(text.matches("(?s).*\\nneu +2 +2 +1\\n.*"), text);
    }

    @Test
    void constructorRejectsInconsistentReports() {
        ConfusionMatrix m = matrix(LABELS, HAND);
        ClassificationReport good = ClassificationReport.of(m);
        Map<String, ClassScores> scores = good.perClass();
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClassificationReport(14, 0.5, 0.5, scores, m));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClassificationReport(15, 91.0, 0.5, scores, m));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClassificationReport(15, 0.5, Double.NaN, scores, m));
        Map<String, ClassScores> missing = new LinkedHashMap<>(scores);
        missing.remove("pos");
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClassificationReport(15, 0.5, 0.5, missing, m));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClassificationReport(15, 0.5, 0.5, null, m));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ClassificationReport(15, 0.5, 0.5, scores, null));
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(null));
        assertThrows(UnsupportedOperationException.class, () -> scores.remove("neg"));
    }

    @Test
    void classScoresRejectBadValues() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ClassScores(91, 0, 0, 1));
        assertTrue(e.getMessage().contains("91"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(0, -0.1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(0, 0, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClassScores(0, 0, 0, -1));
    }

    private static ConfusionMatrix matrix(List<String> labels, long[][] counts) {
        List<Integer> gold = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            for (int p = 0; p < counts[g].length; p++) {
                for (long k = 0; k < counts[g][p]; k++) {
                    gold.add(g);
                    predicted.add(p);
                }
            }
        }
        return ConfusionMatrix.of(
                labels,
                gold.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray());
    }
}
