package org.seqlab.seq2seq;

/**
 * Plain-Java LSTM and GRU written from PyTorch's equations, the reference the fused kernels are
 * checked against. Weights are row-major {@code [gates*H][in]}; gate order LSTM {@code i,f,g,o},
 * GRU {@code r,z,n}.
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
