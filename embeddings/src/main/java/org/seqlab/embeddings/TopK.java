package org.seqlab.embeddings;

/**
 * The {@code k} best (score, row) pairs seen so far, in a min-heap on score; on equal scores the
 * lower row ranks higher, so results are deterministic.
 */
final class TopK {

    private final double[] scores;
    private final int[] rows;
    private int size;

    TopK(int k) {
        scores = new double[k];
        rows = new int[k];
    }

    /** The score a candidate must beat to enter once the heap is full. */
    double threshold() {
        return size < scores.length ? Double.NEGATIVE_INFINITY : scores[0];
    }

    void offer(double score, int row) {
        if (size < scores.length) {
            int i = size++;
            scores[i] = score;
            rows[i] = row;
            up(i);
        } else if (worse(scores[0], rows[0], score, row)) {
            scores[0] = score;
            rows[0] = row;
            down(0);
        }
    }

    int size() {
        return size;
    }

    /** Empties the heap into arrays ordered best first. */
    void drain(double[] outScores, int[] outRows) {
        for (int n = size - 1; n >= 0; n--) {
            outScores[n] = scores[0];
            outRows[n] = rows[0];
            size--;
            scores[0] = scores[size];
            rows[0] = rows[size];
            down(0);
        }
    }

    /** True when (s1, r1) ranks below (s2, r2). */
    private static boolean worse(double s1, int r1, double s2, int r2) {
        return s1 < s2 || (s1 == s2 && r1 > r2);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(scores[i], rows[i], scores[parent], rows[parent])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                break;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(scores[right], rows[right], scores[left], rows[left])) {
                worst = right;
            }
            if (!worse(scores[worst], rows[worst], scores[i], rows[i])) {
                break;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int i, int j) {
        double s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
        int r = rows[i];
        rows[i] = rows[j];
        rows[j] = r;
    }
}
