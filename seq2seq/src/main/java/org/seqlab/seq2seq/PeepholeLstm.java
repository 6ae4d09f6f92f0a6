package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The LSTM with diagonal peephole connections (Gers and Schmidhuber 2000; Graves 2013), whose gates
 * see the cell state:
 *
 * <pre>
 * i_t = σ(W_xi x_t + W_hi h_{t-1} + w_ci ⊙ c_{t-1} + b_i)
 * f_t = σ(W_xf x_t + W_hf h_{t-1} + w_cf ⊙ c_{t-1} + b_f)
 * c_t = f_t ⊙ c_{t-1} + i_t ⊙ tanh(W_xc x_t + W_hc h_{t-1} + b_c)
 * o_t = σ(W_xo x_t + W_ho h_{t-1} + w_co ⊙ c_t + b_o)
 * h_t = o_t ⊙ tanh(c_t)
 * </pre>
 *
 * <p>The weights are laid out as for libtorch's LSTM: {@code w_ih} {@code (4H, I)} stacks {@code
 * W_xi, W_xf, W_xc, W_xo}; {@code w_hh} {@code (4H, H)} stacks {@code W_hi, W_hf, W_hc, W_ho}; the
 * bias {@code b} is {@code b_ih + b_hh}; the peephole vector {@code (3H)} stacks {@code w_ci, w_cf,
 * w_co}. With zero peephole weights the cell is the plain LSTM.
 *
 * <p>libtorch has no fused kernel for it, so the step ({@link #step}) is written once, here, and
 * used twice: by {@link #forward} in a time loop over a whole sequence (autograd records every
 * operator; the input products {@code W_x x_t} of all steps are one matrix product before the loop)
 * and by {@link StepDecoder} for one-token generation.
 */
public final class PeepholeLstm {

    private PeepholeLstm() {}

    /**
     * One step of the cell.
     *
     * @param preactivation {@code W_x x_t + W_h h_{t-1} + b}, {@code (B, 4H)}, gates in the order
     *     i, f, c, o
     * @param c the cell state before the step, {@code (B, H)}
     * @param peepholes {@code w_ci, w_cf, w_co}, each {@code (H)}
     * @return {@code h_t} and {@code c_t}, each {@code (B, H)}
     */
    public static NDList step(NDArray preactivation, NDArray c, NDList peepholes) {
        NDList z = preactivation.split(4, 1);
        NDArray i = FusedKernels.sigmoid(z.get(0).add(c.mul(peepholes.get(0))));
        NDArray f = FusedKernels.sigmoid(z.get(1).add(c.mul(peepholes.get(1))));
        NDArray next = f.mul(c).add(i.mul(z.get(2).tanh()));
        NDArray o = FusedKernels.sigmoid(z.get(3).add(next.mul(peepholes.get(2))));
        return new NDList(o.mul(next.tanh()), next);
    }

    /** Splits a {@code (3H)} peephole vector into {@code w_ci, w_cf, w_co}. */
    static NDList split(NDArray peephole) {
        return peephole.split(3, 0);
    }
}
