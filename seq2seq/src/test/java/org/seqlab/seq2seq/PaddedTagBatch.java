package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A padded tagging batch for {@link LinearChainCrfTest}: emissions {@code [B][T][K]} and tags
 * {@code [B][T]}, real up to each sentence's length and garbage after (huge scores, tags out of
 * range).
 */
record PaddedTagBatch(double[][][] emissions, long[][] tags, long[] lengths, int k) {

    static PaddedTagBatch random(SplittableRandom r, int k, int steps, long[] lengths) {
        double[][][] e = new double[lengths.length][steps][k];
        long[][] y = new long[lengths.length][steps];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < steps; t++) {
                boolean real = t < lengths[b];
                for (int j = 0; j < k; j++) {
                    e[b][t][j] = real ? r.nextDouble(-2, 2) : r.nextDouble(-1e3, 1e3);
                }
                y[b][t] = real ? r.nextInt(k) : r.nextInt(-5, 50);
            }
        }
        return new PaddedTagBatch(e, y, lengths, k);
    }

    NDArray emissionArray(NDManager m, DataType type) {
        int steps = emissions[0].length;
        double[] flat = new double[emissions.length * steps * k];
        for (int b = 0; b < emissions.length; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(emissions[b][t], 0, flat, (b * steps + t) * k, k);
            }
        }
        return m.create(flat, new Shape(emissions.length, steps, k)).toType(type, false);
    }

    NDArray tagArray(NDManager m) {
        int steps = tags[0].length;
        long[] flat = new long[tags.length * steps];
        for (int b = 0; b < tags.length; b++) {
            System.arraycopy(tags[b], 0, flat, b * steps, steps);
        }
        return m.create(flat, new Shape(tags.length, steps));
    }

    /** Sentence {@code b}'s real emissions, rounded as {@code type} stores them. */
    double[][] sentence(int b, DataType type) {
        double[][] s = new double[(int) lengths[b]][];
        for (int t = 0; t < s.length; t++) {
            s[t] = emissions[b][t].clone();
            if (type == DataType.FLOAT32) {
                for (int j = 0; j < k; j++) {
                    s[t][j] = (float) s[t][j];
                }
            }
        }
        return s;
    }

    int[] gold(int b) {
        int[] path = new int[(int) lengths[b]];
        for (int t = 0; t < path.length; t++) {
            path[t] = (int) tags[b][t];
        }
        return path;
    }
}
