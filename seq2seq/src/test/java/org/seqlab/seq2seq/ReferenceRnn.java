package org.seqlab.seq2seq;

/**
 * Plain-Java Elman RNN, LSTM, peephole LSTM and GRU written from their equations (PyTorch's for the
 * fused cells), the reference the kernels are checked against. Weights are row-major {@code
 * [gates*H][in]}; gate order LSTM {@code i,f,g,o}, GRU {@code r,z,n}.
 */
final class ReferenceRnn {

    private ReferenceRnn() {}

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Gate pre-activations {@code W x + b} for one block of rows. */
    static double affine(float[] w, float[] b, double[] x, int row, int in) {
        double s = b[row];
        for (int j = 0; j < in; j++) {
            s += w[row * in + j] * x[j];
        }
        return s;
    }

    /** One LSTM step; updates h and c in place. */
    static void lstmStep(
            double[] x,
            double[] h,
            double[] c,
            float[] wih,
            float[] whh,
            float[] bih,
            float[] bhh) {
        int hidden = h.length;
        double[] hOld = h.clone();
        for (int k = 0; k < hidden; k++) {
            double i =
                    sigmoid(affine(wih, bih, x, k, x.length) + affine(whh, bhh, hOld, k, hidden));
            double f =
                    sigmoid(
                            affine(wih, bih, x, hidden + k, x.length)
                                    + affine(whh, bhh, hOld, hidden + k, hidden));
            double g =
                    Math.tanh(
                            affine(wih, bih, x, 2 * hidden + k, x.length)
                                    + affine(whh, bhh, hOld, 2 * hidden + k, hidden));
            double o =
                    sigmoid(
                            affine(wih, bih, x, 3 * hidden + k, x.length)
                                    + affine(whh, bhh, hOld, 3 * hidden + k, hidden));
            c[k] = f * c[k] + i * g;
            h[k] = o * Math.tanh(c[k]);
        }
    }

    /**
     * One step of {@code cell}; updates h (and c) in place.
     *
     * @param peephole {@code w_ci, w_cf, w_co} stacked, for the peephole LSTM; else ignored
     */
    static void step(
            CellType cell,
            double[] x,
            double[] h,
            double[] c,
            float[] wih,
            float[] whh,
            float[] bih,
            float[] bhh,
            float[] peephole) {
        switch (cell) {
            case LSTM -> lstmStep(x, h, c, wih, whh, bih, bhh);
            case GRU -> gruStep(x, h, wih, whh, bih, bhh);
            case RNN_TANH, RNN_RELU ->
                    elmanStep(cell == CellType.RNN_RELU, x, h, wih, whh, bih, bhh);
            case LSTM_PEEPHOLE -> peepholeStep(x, h, c, wih, whh, bih, bhh, peephole);
        }
    }

    /** One Elman RNN step, tanh or ReLU; updates h in place. */
    static void elmanStep(
            boolean relu,
            double[] x,
            double[] h,
            float[] wih,
            float[] whh,
            float[] bih,
            float[] bhh) {
        int hidden = h.length;
        double[] hOld = h.clone();
        for (int k = 0; k < hidden; k++) {
            double z = affine(wih, bih, x, k, x.length) + affine(whh, bhh, hOld, k, hidden);
            h[k] = relu ? Math.max(0, z) : Math.tanh(z);
        }
    }

    /** One peephole LSTM step (i and f see c_{t-1}, o sees c_t); updates h and c in place. */
    static void peepholeStep(
            double[] x,
            double[] h,
            double[] c,
            float[] wih,
            float[] whh,
            float[] bih,
            float[] bhh,
            float[] peephole) {
        int hidden = h.length;
        double[] hOld = h.clone();
        for (int k = 0; k < hidden; k++) {
            double[] z = new double[4];
            for (int g = 0; g < 4; g++) {
                int row = g * hidden + k;
                z[g] = affine(wih, bih, x, row, x.length) + affine(whh, bhh, hOld, row, hidden);
            }
            double i = sigmoid(z[0] + peephole[k] * c[k]);
            double f = sigmoid(z[1] + peephole[hidden + k] * c[k]);
            c[k] = f * c[k] + i * Math.tanh(z[2]);
            double o = sigmoid(z[3] + peephole[2 * hidden + k] * c[k]);
            h[k] = o * Math.tanh(c[k]);
        }
    }

    /** One GRU step; updates h in place. */
    static void gruStep(
            double[] x, double[] h, float[] wih, float[] whh, float[] bih, float[] bhh) {
        int hidden = h.length;
        double[] hOld = h.clone();
        for (int k = 0; k < hidden; k++) {
            double r =
                    sigmoid(affine(wih, bih, x, k, x.length) + affine(whh, bhh, hOld, k, hidden));
            double z =
                    sigmoid(
                            affine(wih, bih, x, hidden + k, x.length)
                                    + affine(whh, bhh, hOld, hidden + k, hidden));
            double n =
                    Math.tanh(
                            affine(wih, bih, x, 2 * hidden + k, x.length)
                                    + r * affine(whh, bhh, hOld, 2 * hidden + k, hidden));
            h[k] = (1 - z) * n + z * hOld[k];
        }
    }
}
