package org.seqlab.seq2seq;

import org.seqlab.io.SettingException;

/**
 * The architecture of a {@link RecurrentLanguageModel}.
 *
 * @param cell the recurrent cell
 * @param vocabSize number of token ids
 * @param embedding embedding width
 * @param hidden hidden size of each layer
 * @param layers number of recurrent layers
 * @param dropout dropout on the embeddings, between layers and before the output projection
 */
public record LanguageModelSpec(
        CellType cell, int vocabSize, int embedding, int hidden, int layers, float dropout) {

    /** Validates every field with a message naming the bad value. */
    public LanguageModelSpec {
        if (cell == null) {
            throw new IllegalArgumentException(
                    "The cell type must be one of " + CellType.NAMES + ".");
        }
        positive("vocabulary size", vocabSize);
        positive("embedding", embedding);
        positive("hidden", hidden);
        positive("layers", layers);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SettingException("dropout", "must be in [0, 1); got " + dropout + ".");
        }
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new SettingException(what, "must be at least 1; got " + value + ".");
        }
    }

    /**
     * Returns the forward floating-point operations per token: two per multiply-add of every
     * recurrent and output matrix, {@code 2*G*H*(I+H)} per layer plus {@code 2*H*V}, where G is 4
     * (LSTM), 3 (GRU) or 1 (Elman RNN), I the layer's input width, H the hidden size and V the
     * vocabulary. Training costs about three times this (forward, and backward through inputs and
     * weights).
     */
    public double forwardFlopsPerToken() {
        double flops = 0;
        for (int k = 0; k < layers; k++) {
            int in = k == 0 ? embedding : hidden;
            flops += 2.0 * cell.gates() * hidden * (in + hidden);
        }
        return flops + 2.0 * hidden * vocabSize;
    }
}
