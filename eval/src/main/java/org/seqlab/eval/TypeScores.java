package org.seqlab.eval;

import org.seqlab.io.Json;

/**
 * Chunk counts and scores of one chunk type (such as {@code PER} or {@code NP}), as conlleval
 * prints them.
 *
 * <p>Scores are fractions in {@code [0, 1]}, not percentages; one whose denominator is zero is 0.
 *
 * @param goldChunks chunks of this type in the gold tags, at least 0
 * @param predictedChunks chunks of this type in the predicted tags, at least 0
 * @param correctChunks predicted chunks with the same type, start and end as a gold chunk
 * @param precision {@code correctChunks / predictedChunks}
 * @param recall {@code correctChunks / goldChunks}
 * @param f1 the harmonic mean of precision and recall
 */
public record TypeScores(
        long goldChunks,
        long predictedChunks,
        long correctChunks,
        double precision,
        double recall,
        double f1) {

    /**
     * Checks the arguments.
     *
     * @throws IllegalArgumentException if a count is negative or a score is not in {@code [0, 1]}
     */
    public TypeScores {
        checkCount("gold chunk count", goldChunks);
        checkCount("predicted chunk count", predictedChunks);
        checkCount("correct chunk count", correctChunks);
        ClassScores.checkFraction("precision", precision);
        ClassScores.checkFraction("recall", recall);
        ClassScores.checkFraction("F1", f1);
    }

    /**
     * Computes the scores from the counts.
     *
     * @param gold chunks in the gold tags
     * @param predicted chunks in the predicted tags
     * @param correct chunks found in both
     * @return the counts with precision, recall and F1
     * @throws IllegalArgumentException if a count is negative
     */
    public static TypeScores of(long gold, long predicted, long correct) {
        double precision = ratio(correct, predicted);
        double recall = ratio(correct, gold);
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new TypeScores(gold, predicted, correct, precision, recall, f1);
    }

    /**
     * Returns the scores as one JSON object on one line.
     *
     * @return the JSON text with the keys {@code gold}, {@code predicted}, {@code correct}, {@code
     *     precision}, {@code recall}, {@code f1} in this order
     */
    public String toJson() {
        return "{\"gold\":"
                + goldChunks
                + ",\"predicted\":"
                + predictedChunks
                + ",\"correct\":"
                + correctChunks
                + ",\"precision\":"
                + Json.number(precision)
                + ",\"recall\":"
                + Json.number(recall)
                + ",\"f1\":"
                + Json.number(f1)
                + "}";
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    static void checkCount(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "The " + name + " must be at least 0, but was " + value + ".");
        }
    }
}
