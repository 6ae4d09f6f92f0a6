package org.seqlab.tasks.translate;

import com.google.gson.JsonObject;
import java.util.List;
import org.seqlab.io.JsonRecords;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.AttentionType;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.TrainingConfig;

/**
 * Everything that decides a trained translator.
 *
 * @param bpeMerges byte-pair-encoding merges learned from the training pairs
 * @param jointBpe one set of merges learned from both sides (else one per side)
 * @param cell GRU or LSTM, for the encoder and the decoder
 * @param attention how the decoder scores source positions
 * @param embedding embedding width of both sides (the decoder's equals {@code hidden} when tied)
 * @param encoderHidden hidden size of each encoder direction (the encoder is bidirectional)
 * @param encoderLayers encoder layers
 * @param hidden decoder hidden size
 * @param decoderLayers decoder layers
 * @param inputFeeding feed each step's attentional vector into the next step (slower training: one
 *     fused call per target position)
 * @param tied share the decoder's input embedding with its output layer
 * @param dropout dropout on embeddings, between layers and before the output layer
 * @param labelSmoothing label smoothing of the training loss
 * @param maxTokens training pairs with more subword tokens than this on a side are left out; input
 *     to a trained model is cut to this many source tokens
 * @param batch sentence pairs per batch
 * @param validMetric {@code bleu} (greedy decoding of the dev set) or {@code loss}
 * @param training optimizer, schedule, time budget, checkpoints and seed
 */
public record TranslateConfig(
        int bpeMerges,
        boolean jointBpe,
        CellType cell,
        AttentionType attention,
        int embedding,
        int encoderHidden,
        int encoderLayers,
        int hidden,
        int decoderLayers,
        boolean inputFeeding,
        boolean tied,
        float dropout,
        float labelSmoothing,
        int maxTokens,
        int batch,
        String validMetric,
        @JsonRecords.Inline TrainingConfig training) {

    /** The keys of the architecture, which a fine-tuned model keeps from its source. */
    public static final List<String> ARCHITECTURE =
            List.of(
                    "bpe_merges",
                    "joint_bpe",
                    "cell",
                    "attention",
                    "embedding",
                    "encoder_hidden",
                    "encoder_layers",
                    "hidden",
                    "decoder_layers",
                    "input_feeding",
                    "tied");

    /** Validates every field with a message naming the bad value. */
    public TranslateConfig {
        if (cell == null || attention == null || validMetric == null) {
            throw new IllegalArgumentException("cell, attention and valid metric are set.");
        }
        if (bpeMerges < 0) {
            throw new SettingException("bpe_merges", "must be >= 0; got " + bpeMerges + ".");
        }
        positive("embedding", embedding);
        positive("encoder_hidden", encoderHidden);
        positive("encoder_layers", encoderLayers);
        positive("hidden", hidden);
        positive("decoder_layers", decoderLayers);
        positive("max_tokens", maxTokens);
        positive("batch", batch);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SettingException("dropout", "must be in [0, 1); got " + dropout + ".");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new SettingException(
                    "label_smoothing", "must be in [0, 1); got " + labelSmoothing + ".");
        }
        if (tied && embedding != hidden) {
            throw new SettingException(
                    "tied", "needs embedding == hidden; got " + embedding + " and " + hidden + ".");
        }
        if (attention == AttentionType.LUONG_DOT && hidden != 2 * encoderHidden) {
            throw new SettingException(
                    "attention",
                    "luong-dot needs hidden == 2 x encoder hidden; got "
                            + hidden
                            + " and "
                            + encoderHidden
                            + ".");
        }
        if (!validMetric.equals("bleu") && !validMetric.equals("loss")) {
            throw new SettingException(
                    "valid_metric", "must be bleu or loss; got '" + validMetric + "'.");
        }
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new SettingException(what, "must be at least 1; got " + v + ".");
        }
    }

    /** Returns a copy with other training settings (a resumed run's time budget). */
    public TranslateConfig with(TrainingConfig newTraining) {
        return new TranslateConfig(
                bpeMerges,
                jointBpe,
                cell,
                attention,
                embedding,
                encoderHidden,
                encoderLayers,
                hidden,
                decoderLayers,
                inputFeeding,
                tied,
                dropout,
                labelSmoothing,
                maxTokens,
                batch,
                validMetric,
                newTraining);
    }

    /** Returns the run's seed. */
    public long seed() {
        return training.seed();
    }

    /** Returns the configuration as the manifest's {@code config} object. */
    public JsonObject toJson() {
        return JsonRecords.toJson(this);
    }

    /**
     * Rebuilds a configuration from {@link #toJson()}'s output.
     *
     * @throws IllegalArgumentException naming a missing or mistyped key
     */
    public static TranslateConfig fromJson(JsonObject o) {
        return JsonRecords.fromJson(o, TranslateConfig.class);
    }
}
