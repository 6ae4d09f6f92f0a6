package org.seqlab.tasks.experiment;

import java.util.SplittableRandom;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997; Le, Jaitly and Hinton 2015): a sequence of T
 * steps, each with a random number in [0, 1) and a marker; exactly two steps are marked, one in
 * each half; the target is the sum of the two marked numbers. Predicting 1.0 every time scores a
 * mean squared error of 1/6 (the variance of the sum of two uniforms), so a model must carry the
 * first marked number across at least T/2 steps to do better.
 *
 * @param length T, at least 2
 */
record AddingProblem(int length) {

    /** Validates the length. */
    AddingProblem {
        if (length < 2) {
            throw new IllegalArgumentException(
                    "The adding problem needs T >= 2; got " + length + ".");
        }
    }

    /**
     * A batch: {@code inputs} row-major {@code (n, T, 2)} (value, marker) and one target per
     * sequence.
     */
    record Batch(int n, float[] inputs, float[] targets) {}

    /** Draws {@code n} sequences from {@code random}. */
    Batch batch(SplittableRandom random, int n) {
        float[] x = new float[n * length * 2];
        float[] y = new float[n];
        int half = length / 2;
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(half);
            int b = half + random.nextInt(length - half);
            for (int t = 0; t < length; t++) {
                float v = (float) random.nextDouble();
                x[(i * length + t) * 2] = v;
                if (t == a || t == b) {
                    x[(i * length + t) * 2 + 1] = 1f;
                    y[i] += v;
                }
            }
        }
        return new Batch(n, x, y);
    }
}
