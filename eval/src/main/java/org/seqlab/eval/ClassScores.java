package org.seqlab.eval;

import org.seqlab.io.Json;

/**
 * Precision, recall and F1 of one class, with its support.
 *
 * <p>All three scores are fractions in {@code [0, 1]}, not percentages. See {@link
 * ClassificationReport#of(ConfusionMatrix)} for how they are computed, including the rule that a
 * score whose denominator is zero is 0.
 *
 * @param precision correct predictions of the class over all predictions of the class
 * @param recall correct predictions of the class over all gold examples of the class
 * @param f1 the harmonic mean of precision and recall
 * @param support the number of gold examples of the class, at least 0
 */
public record ClassScores(double precision, double recall, double f1, long support) {

    /**
     * Checks the arguments.
     *
     * @throws IllegalArgumentException if a score is not a finite number in {@code [0, 1]} or
     *     {@code support} is negative
     */
    public ClassScores {
        checkFraction("precision", precision);
        checkFraction("recall", recall);
        checkFraction("F1", f1);
        if (support < 0) {
            throw new IllegalArgumentException(
                    "The support must be at least 0, but was " + support + ".");
        }
    }

    /**
     * Returns the scores as one JSON object on one line.
     *
     * @return the JSON text with the keys {@code precision}, {@code recall}, {@code f1}, {@code
     *     support} in this order, for example {@code
     *     {"precision":0.75,"recall":0.6,"f1":0.6666666666666666,"support":5}}
     */
    public String toJson() {
        return "{\"precision\":"
                + Json.number(precision)
                + ",\"recall\":"
                + Json.number(recall)
                + ",\"f1\":"
                + Json.number(f1)
                + ",\"support\":"
                + support
                + "}";
    }

    static void checkFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(
                    "The " + name + " must be a number in [0, 1], but was " + value + ".");
        }
    }
}
