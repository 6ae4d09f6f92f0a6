package org.seqlab.seq2seq;

/**
 * A linear-chain CRF by enumeration of all {@code K^n} tag paths of one sentence, in double
 * precision: the reference {@link LinearChainCrfTest} checks against. Forbidden paths are left out
 * entirely (not penalized).
 */
final class BruteForceCrf {

    final double logPartition;
    final int[] best;
    final double bestScore;

    /** Posterior probability of tag {@code j} at position {@code t}: {@code [n][K]}. */
    final double[][] marginals;

    /** Expected number of moves from tag {@code i} to {@code j}: {@code [K][K]}. */
    final double[][] moveCounts;

    private final double[][] emissions;
    private final double[][] transitions;
    private final double[] start;
    private final double[] end;

    /**
     * Enumerates the paths of one sentence.
     *
     * @param emissions {@code [n][K]}, the sentence's real positions only
     */
    BruteForceCrf(
            double[][] emissions,
            double[][] transitions,
            double[] start,
            double[] end,
            CrfConstraints constraints) {
        this.emissions = emissions;
        this.transitions = transitions;
        this.start = start;
        this.end = end;
        int n = emissions.length;
        int k = start.length;
        int total = (int) Math.pow(k, n);
        double[] scores = new double[total];
        boolean[] kept = new boolean[total];
        double max = Double.NEGATIVE_INFINITY;
        int bestIndex = -1;
        for (int p = 0; p < total; p++) {
            int[] path = path(p, n, k);
            kept[p] = constraints.allows(path);
            if (kept[p]) {
                scores[p] = score(path);
                if (scores[p] > max) {
                    max = scores[p];
                    bestIndex = p;
                }
            }
        }
        double sum = 0;
        for (int p = 0; p < total; p++) {
            if (kept[p]) {
                sum += Math.exp(scores[p] - max);
            }
        }
        this.logPartition = max + Math.log(sum);
        this.best = path(bestIndex, n, k);
        this.bestScore = max;
        this.marginals = new double[n][k];
        this.moveCounts = new double[k][k];
        for (int p = 0; p < total; p++) {
            if (!kept[p]) {
                continue;
            }
            double prob = Math.exp(scores[p] - logPartition);
            int[] path = path(p, n, k);
            for (int t = 0; t < n; t++) {
                marginals[t][path[t]] += prob;
                if (t > 0) {
                    moveCounts[path[t - 1]][path[t]] += prob;
                }
            }
        }
    }

    /** Returns the unconstrained score of {@code path}. */
    double score(int[] path) {
        double s = start[path[0]] + end[path[path.length - 1]];
        for (int t = 0; t < path.length; t++) {
            s += emissions[t][path[t]];
            if (t > 0) {
                s += transitions[path[t - 1]][path[t]];
            }
        }
        return s;
    }

    /** Returns the {@code index}-th path of length {@code n} (base-{@code k} digits). */
    static int[] path(int index, int n, int k) {
        int[] path = new int[n];
        for (int t = n - 1; t >= 0; t--) {
            path[t] = index % k;
            index /= k;
        }
        return path;
    }
}
