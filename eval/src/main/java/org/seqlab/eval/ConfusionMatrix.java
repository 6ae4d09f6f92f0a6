package org.seqlab.eval;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts of gold labels against predicted labels over a set of classes.
 *
 * <p>The labels have a fixed order given at creation; label ids are indices into that list. Row
 * {@code g} and column {@code p} hold the number of examples whose gold label is {@code g} and
 * whose predicted label is {@code p}, so the diagonal holds the correct predictions. Instances are
 * immutable and thread-safe.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;
    private final long total;

    private ConfusionMatrix(List<String> labels, long[][] counts, long total) {
        this.labels = labels;
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts pairs of gold and predicted label ids.
     *
     * <p>Example {@code i} has gold label {@code gold[i]} and predicted label {@code predicted[i]}.
     * No examples at all is allowed and gives a matrix of zeros.
     *
     * @param labels the class names in id order: at least one, none {@code null}, no duplicates
     * @param gold the gold label id of each example, each in {@code [0, labels.size())}
     * @param predicted the predicted label id of each example, as long as {@code gold}, each in
     *     {@code [0, labels.size())}
     * @return the matrix, holding its own copy of {@code labels}
     * @throws IllegalArgumentException if an argument is {@code null}, the labels are empty,
     *     contain {@code null} or a duplicate, the arrays differ in length, or an id is out of
     *     range
     */
    public static ConfusionMatrix of(List<String> labels, int[] gold, int[] predicted) {
        List<String> copy = checkLabels(labels);
        if (gold == null || predicted == null) {
            throw new IllegalArgumentException(
                    "The gold and predicted label ids must not be null, but "
                            + (gold == null ? "gold" : "predicted")
                            + " was null.");
        }
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException(
                    "There must be one predicted label per gold label, but there were "
                            + gold.length
                            + " gold and "
                            + predicted.length
                            + " predicted labels.");
        }
        int n = copy.size();
        long[][] counts = new long[n][n];
        for (int i = 0; i < gold.length; i++) {
            checkId("gold", i, gold[i], n);
            checkId("predicted", i, predicted[i], n);
            counts[gold[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(copy, counts, gold.length);
    }

    /**
     * Returns the class names in id order.
     *
     * @return an unmodifiable list with at least one label
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the number of classes.
     *
     * @return {@code labels().size()}
     */
    public int size() {
        return labels.size();
    }

    /**
     * Returns the number of examples with a given gold and predicted label.
     *
     * @param gold the gold label id (the row)
     * @param predicted the predicted label id (the column)
     * @return the count, at least 0
     * @throws IllegalArgumentException if an id is not in {@code [0, size())}
     */
    public long count(int gold, int predicted) {
        checkId("gold", gold);
        checkId("predicted", predicted);
        return counts[gold][predicted];
    }

    /**
     * Returns the number of examples whose gold label is a given class (its support).
     *
     * @param gold the gold label id (the row)
     * @return the row sum
     * @throws IllegalArgumentException if the id is not in {@code [0, size())}
     */
    public long goldCount(int gold) {
        checkId("gold", gold);
        long sum = 0;
        for (long c : counts[gold]) {
            sum += c;
        }
        return sum;
    }

    /**
     * Returns the number of examples predicted as a given class.
     *
     * @param predicted the predicted label id (the column)
     * @return the column sum
     * @throws IllegalArgumentException if the id is not in {@code [0, size())}
     */
    public long predictedCount(int predicted) {
        checkId("predicted", predicted);
        long sum = 0;
        for (long[] row : counts) {
            sum += row[predicted];
        }
        return sum;
    }

    /**
     * Returns the number of correctly predicted examples.
     *
     * @return the sum of the diagonal
     */
    public long correct() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /**
     * Returns the number of examples counted.
     *
     * @return the sum of all cells
     */
    public long total() {
        return total;
    }

    /** Two matrices are equal when they have the same labels in the same order and counts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other
                && labels.equals(other.labels)
                && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(counts);
    }

    /** Returns the labels and the rows of counts, for debugging. */
    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + Arrays.deepToString(counts);
    }

    private static List<String> checkLabels(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException(
                    "A confusion matrix needs at least one label, but the labels were "
                            + (labels == null ? "null" : "empty")
                            + ".");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null) {
                throw new IllegalArgumentException("Label " + i + " must not be null.");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException(
                        "Labels must be distinct, but '" + label + "' appears twice.");
            }
        }
        return List.copyOf(labels);
    }

    private static void checkId(String kind, int example, int id, int n) {
        if (id < 0 || id >= n) {
            throw new IllegalArgumentException(
                    "The "
                            + kind
                            + " label id of example "
                            + example
                            + " must be in [0, "
                            + n
                            + "), but was "
                            + id
                            + ".");
        }
    }

    private void checkId(String kind, int id) {
        if (id < 0 || id >= counts.length) {
            throw new IllegalArgumentException(
                    "The "
                            + kind
                            + " label id must be in [0, "
                            + counts.length
                            + "), but was "
                            + id
                            + ".");
        }
    }
}
