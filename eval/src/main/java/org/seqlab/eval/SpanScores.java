package org.seqlab.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.seqlab.io.Json;

/**
 * Token accuracy and chunk precision, recall and F1 of a tagger, overall and per chunk type: what
 * the CoNLL {@code conlleval} script reports. {@link SpanF1} computes them.
 *
 * <p>Scores are fractions in {@code [0, 1]}, not percentages; one whose denominator is zero is 0.
 * The overall chunk scores are micro-averaged: counted over all chunks of every type.
 *
 * @param tokens the number of tokens scored
 * @param accuracy tokens whose predicted tag equals the gold tag, over all tokens
 * @param goldChunks chunks in the gold tags ({@code conlleval}'s "phrases")
 * @param predictedChunks chunks in the predicted tags ("found")
 * @param correctChunks predicted chunks with the same type, start and end as a gold chunk
 *     ("correct")
 * @param precision {@code correctChunks / predictedChunks}
 * @param recall {@code correctChunks / goldChunks}
 * @param f1 the harmonic mean of precision and recall
 * @param perType the scores of each chunk type found in the gold or the predicted tags, sorted by
 *     type; the type of a tag without a hyphen, such as {@code O}, is the empty string
 */
public record SpanScores(
        long tokens,
        double accuracy,
        long goldChunks,
        long predictedChunks,
        long correctChunks,
        double precision,
        double recall,
        double f1,
        SortedMap<String, TypeScores> perType) {

    /**
     * Checks the arguments and keeps an unmodifiable sorted copy of {@code perType}.
     *
     * @throws NullPointerException if {@code perType} or one of its keys or values is null
     * @throws IllegalArgumentException if a count is negative or a score is not in {@code [0, 1]}
     */
    public SpanScores {
        TypeScores.checkCount("token count", tokens);
        TypeScores.checkCount("gold chunk count", goldChunks);
        TypeScores.checkCount("predicted chunk count", predictedChunks);
        TypeScores.checkCount("correct chunk count", correctChunks);
        ClassScores.checkFraction("accuracy", accuracy);
        ClassScores.checkFraction("precision", precision);
        ClassScores.checkFraction("recall", recall);
        ClassScores.checkFraction("F1", f1);
        TreeMap<String, TypeScores> copy = new TreeMap<>();
        for (Map.Entry<String, TypeScores> e : Objects.requireNonNull(perType).entrySet()) {
            copy.put(
                    Objects.requireNonNull(e.getKey(), "type"),
                    Objects.requireNonNull(e.getValue(), "scores"));
        }
        perType = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Returns the scores as one JSON object on one line.
     *
     * <p>The keys are, in this order: {@code tokens}, {@code accuracy}, {@code gold_chunks}, {@code
     * predicted_chunks}, {@code correct_chunks}, {@code precision}, {@code recall}, {@code f1} and
     * {@code per_type} (an object from type to {@link TypeScores#toJson()}), types sorted.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"tokens\":").append(tokens);
        json.append(",\"accuracy\":").append(Json.number(accuracy));
        json.append(",\"gold_chunks\":").append(goldChunks);
        json.append(",\"predicted_chunks\":").append(predictedChunks);
        json.append(",\"correct_chunks\":").append(correctChunks);
        json.append(",\"precision\":").append(Json.number(precision));
        json.append(",\"recall\":").append(Json.number(recall));
        json.append(",\"f1\":").append(Json.number(f1));
        json.append(",\"per_type\":{");
        String separator = "";
        for (Map.Entry<String, TypeScores> e : perType.entrySet()) {
            json.append(separator).append(Json.toJson(e.getKey())).append(':');
            json.append(e.getValue().toJson());
            separator = ",";
        }
        return json.append("}}").toString();
    }

    /**
     * Returns the report in the words and layout of {@code conlleval}'s default output, so that it
     * can be compared with published numbers and scripts that parse it.
     *
     * <p>For example:
     *
     * <pre>
     * processed 5 tokens with 2 phrases; found: 2 phrases; correct: 1.
     * accuracy:  80.00%; precision:  50.00%; recall:  50.00%; FB1:  50.00
     *               LOC: precision: 100.00%; recall: 100.00%; FB1: 100.00  1
     *               PER: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
     * </pre>
     *
     * The accuracy line is left out when there are no tokens, as conlleval does. Percentages are
     * rounded as C's {@code printf} rounds the binary value (ties to even).
     *
     * @return the text, lines ending with {@code \n}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        Locale.ROOT,
                        "processed %d tokens with %d phrases; found: %d phrases; correct: %d.%n",
                        tokens,
                        goldChunks,
                        predictedChunks,
                        correctChunks));
        if (tokens > 0) {
            text.append("accuracy: ").append(percent(accuracy)).append("%; ");
            text.append("precision: ").append(percent(precision)).append("%; ");
            text.append("recall: ").append(percent(recall)).append("%; ");
            text.append("FB1: ").append(percent(f1)).append('\n');
        }
        for (Map.Entry<String, TypeScores> e : perType.entrySet()) {
            TypeScores s = e.getValue();
            text.append(String.format(Locale.ROOT, "%17s: ", e.getKey()));
            text.append("precision: ").append(percent(s.precision())).append("%; ");
            text.append("recall: ").append(percent(s.recall())).append("%; ");
            text.append("FB1: ").append(percent(s.f1()));
            text.append("  ").append(s.predictedChunks()).append('\n');
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    /** Formats a fraction as conlleval's {@code %6.2f} of the percentage. */
    private static String percent(double fraction) {
        String digits =
                new BigDecimal(100 * fraction).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return " ".repeat(Math.max(0, 6 - digits.length())) + digits;
    }
}
