package org.seqlab.tasks.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.RecurrentStack;

/**
 * One network of a forecaster: a recurrent encoder over the window, a recurrent decoder over the
 * horizon started from the encoder's final state, a linear layer from the decoder's states to every
 * step's outputs, and a linear path from the decoder's inputs (calendar and seasonal lags) to the
 * outputs. A forecaster averages the outputs of one or more members trained side by side from
 * different initial weights.
 */
final class ForecastMember {
    private final RecurrentStack encoder;
    private final RecurrentStack decoder;
    private final NDArray headWeight;
    private final NDArray headBias;
    private final NDArray skipWeight;
    private final float dropout;

    /**
     * Creates the member's parameters in {@code params}, named {@code PREFIX encoder...}, {@code
     * PREFIX decoder...}, {@code PREFIX head...} and {@code PREFIX skip.weight}.
     */
    ForecastMember(NamedParameters params, String prefix, ForecastConfig config) {
        int fe = ForecastWindows.encoderWidth(config);
        int fd = ForecastWindows.decoderWidth(config);
        this.dropout = config.dropout();
        this.encoder =
                new RecurrentStack(
                        params,
                        prefix + "encoder",
                        config.cell(),
                        fe,
                        config.hidden(),
                        config.layers(),
                        false,
                        dropout);
        this.decoder =
                new RecurrentStack(
                        params,
                        prefix + "decoder",
                        config.cell(),
                        fd,
                        config.hidden(),
                        config.layers(),
                        false,
                        dropout);
        int q = config.outputs();
        double bound = 1.0 / Math.sqrt(config.hidden());
        this.headWeight =
                params.uniform(prefix + "head.weight", new Shape(q, config.hidden()), bound);
        this.headBias = params.uniform(prefix + "head.bias", new Shape(q), bound);
        this.skipWeight =
                params.uniform(prefix + "skip.weight", new Shape(q, fd), 1.0 / Math.sqrt(fd));
    }

    /**
     * Returns the outputs {@code (B, H, outputs)} for encoder inputs {@code (B, W, fe)} and decoder
     * inputs {@code (B, H, fd)}.
     */
    NDArray forward(NDArray enc, NDArray dec, boolean training) {
        RecurrentStack.Output e = encoder.forward(enc, null, training);
        NDArray states = decoder.forward(dec, e.state(), training).sequence();
        if (training && dropout > 0) {
            states = Dropout.dropout(states, dropout, true).singletonOrThrow();
        }
        return states.matMul(headWeight.transpose())
                .add(headBias)
                .add(dec.matMul(skipWeight.transpose()));
    }
}
