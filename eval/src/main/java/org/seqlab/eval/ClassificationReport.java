package org.seqlab.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.seqlab.io.Json;

/**
 * Accuracy, macro-averaged F1 and per-class scores of a classifier, with its confusion matrix.
 *
 * <p>Build one with {@link #of(ConfusionMatrix)}. All scores are fractions in {@code [0, 1]}, never
 * percentages.
 *
 * @param examples the number of examples scored, equal to {@code confusion.total()}
 * @param accuracy correct predictions over all examples
 * @param macroF1 the unweighted mean of the per-class F1 over every label of the matrix
 * @param perClass the scores of each label, in the order of {@code confusion.labels()}
 * @param confusion the counts the scores were computed from
 */
public record ClassificationReport(
        long examples,
        double accuracy,
        double macroF1,
        Map<String, ClassScores> perClass,
        ConfusionMatrix confusion) {

    /**
     * Checks the arguments and keeps an unmodifiable copy of {@code perClass} in label order.
     *
     * @throws IllegalArgumentException if an argument is {@code null}, {@code examples} differs
     *     from {@code confusion.total()}, a score is not in {@code [0, 1]}, or the keys of {@code
     *     perClass} are not exactly the labels of {@code confusion}
     */
    public ClassificationReport {
        if (perClass == null || confusion == null) {
            throw new IllegalArgumentException(
                    "The per-class scores and the confusion matrix must not be null, but "
                            + (confusion == null ? "the confusion matrix" : "perClass")
                            + " was null.");
        }
        if (examples != confusion.total()) {
            throw new IllegalArgumentException(
                    "The example count "
                            + examples
                            + " differs from the confusion matrix total "
                            + confusion.total()
                            + ".");
        }
        ClassScores.checkFraction("accuracy", accuracy);
        ClassScores.checkFraction("macro F1", macroF1);
        if (!perClass.keySet().equals(Set.copyOf(confusion.labels()))) {
            throw new IllegalArgumentException(
                    "The per-class scores must have exactly the labels "
                            + confusion.labels()
                            + ", but had "
                            + perClass.keySet()
                            + ".");
        }
        Map<String, ClassScores> ordered = new LinkedHashMap<>();
        for (String label : confusion.labels()) {
            ClassScores scores = perClass.get(label);
            if (scores == null) {
                throw new IllegalArgumentException(
                        "The scores of label '" + label + "' must not be null.");
            }
            ordered.put(label, scores);
        }
        perClass = Collections.unmodifiableMap(ordered);
    }

    /**
     * Computes the standard scores from a confusion matrix.
     *
     * <p>For a class with {@code tp} correct predictions, {@code predicted} predictions and {@code
     * support} gold examples: precision is {@code tp / predicted}, recall is {@code tp / support}
     * and F1 is their harmonic mean, {@code 2 tp / (predicted + support)}. A score whose
     * denominator is zero (a class never predicted, or with no gold examples) is 0, as with
     * scikit-learn's {@code zero_division=0}. Accuracy is the diagonal sum over the total, 0 when
     * there are no examples. Macro F1 is the mean F1 over <em>all</em> labels of the matrix,
     * including labels with no support and no predictions, as scikit-learn computes it when given
     * {@code labels=}.
     *
     * @param m the confusion matrix
     * @return the report, holding {@code m}
     * @throws IllegalArgumentException if {@code m} is {@code null}
     */
    public static ClassificationReport of(ConfusionMatrix m) {
        if (m == null) {
            throw new IllegalArgumentException("The confusion matrix must not be null.");
        }
        Map<String, ClassScores> perClass = new LinkedHashMap<>();
        double f1Sum = 0;
        for (int c = 0; c < m.size(); c++) {
            long tp = m.count(c, c);
            long predicted = m.predictedCount(c);
            long support = m.goldCount(c);
            double precision = ratio(tp, predicted);
            double recall = ratio(tp, support);
            double f1 = ratio(2 * tp, predicted + support);
            perClass.put(m.labels().get(c), new ClassScores(precision, recall, f1, support));
            f1Sum += f1;
        }
        double accuracy = ratio(m.correct(), m.total());
        return new ClassificationReport(m.total(), accuracy, f1Sum / m.size(), perClass, m);
    }

    /**
     * Returns the report as one JSON object on one line.
     *
     * <p>The keys are, in this order: {@code examples}, {@code accuracy}, {@code macro_f1}, {@code
     * per_class} (an object from label to {@code precision}, {@code recall}, {@code f1}, {@code
     * support}) and {@code confusion} (an object from gold label to an object from predicted label
     * to count). Labels appear in matrix order. Scores are plain JSON numbers such as {@code 0.91};
     * counts are integers.
     *
     * @return the JSON text, for example {@code
     *     {"examples":2,"accuracy":0.5,"macro_f1":0.3333333333333333,"per_class":{"neg":{...},
     *     "pos":{...}},"confusion":{"neg":{"neg":1,"pos":0},"pos":{"neg":1,"pos":0}}}}
     */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"examples\":").append(examples);
        json.append(",\"accuracy\":").append(Json.number(accuracy));
        json.append(",\"macro_f1\":").append(Json.number(macroF1));
        json.append(",\"per_class\":{");
        String separator = "";
        for (Map.Entry<String, ClassScores> e : perClass.entrySet()) {
            json.append(separator).append(Json.toJson(e.getKey())).append(':');
            json.append(e.getValue().toJson());
            separator = ",";
        }
        json.append("},\"confusion\":{");
        List<String> labels = confusion.labels();
        for (int g = 0; g < labels.size(); g++) {
            json.append(g == 0 ? "" : ",").append(Json.toJson(labels.get(g))).append(":{");
            for (int p = 0; p < labels.size(); p++) {
                json.append(p == 0 ? "" : ",").append(Json.toJson(labels.get(p))).append(':');
                json.append(confusion.count(g, p));
            }
            json.append('}');
        }
        return json.append("}}").toString();
    }

    /**
     * Returns the report as a plain-text table for people.
     *
     * <p>One line per label with precision, recall, F1 (four decimals) and support, then accuracy
     * and macro F1 over the examples, then the confusion matrix with gold labels as rows and
     * predicted labels as columns. Lines end with {@code \n}.
     *
     * @return the text, several lines
     */
    public String toText() {
        List<String> labels = confusion.labels();
        int width = "macro avg".length();
        for (String label : labels) {
            width = Math.max(width, label.length());
        }
        String row = "%-" + width + "s  %9s  %9s  %9s  %9s%n";
        StringBuilder text = new StringBuilder();
        text.append(format(row, "", "precision", "recall", "f1", "support"));
        for (Map.Entry<String, ClassScores> e : perClass.entrySet()) {
            ClassScores s = e.getValue();
            text.append(
                    format(
                            row,
                            e.getKey(),
                            fraction(s.precision()),
                            fraction(s.recall()),
                            fraction(s.f1()),
                            Long.toString(s.support())));
        }
        text.append('\n');
        text.append(format(row, "accuracy", "", "", fraction(accuracy), "" + examples));
        text.append(format(row, "macro avg", "", "", fraction(macroF1), "" + examples));
        text.append('\n').append("confusion (rows: gold, columns: predicted)\n");
        int cell = 1;
        for (String label : labels) {
            cell = Math.max(cell, label.length());
        }
        for (int g = 0; g < labels.size(); g++) {
            for (int p = 0; p < labels.size(); p++) {
                cell = Math.max(cell, Long.toString(confusion.count(g, p)).length());
            }
        }
        String cellFormat = "  %" + cell + "s";
        text.append(format("%-" + width + "s", ""));
        for (String label : labels) {
            text.append(format(cellFormat, label));
        }
        text.append('\n');
        for (int g = 0; g < labels.size(); g++) {
            text.append(format("%-" + width + "s", labels.get(g)));
            for (int p = 0; p < labels.size(); p++) {
                text.append(format(cellFormat, confusion.count(g, p)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static String fraction(double value) {
        return format("%.4f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
