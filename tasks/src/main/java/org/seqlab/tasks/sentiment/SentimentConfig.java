package org.seqlab.tasks.sentiment;

import com.google.gson.JsonObject;
import org.seqlab.io.JsonRecords;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.PoolingType;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tokenizers.TokenizerSpec;
import org.seqlab.tokenizers.TokenizerSpecCodec;

/**
 * Everything that decides a trained sentiment model.
 *
 * @param tokenizer how reviews are split into words
 * @param cell LSTM or GRU
 * @param hidden hidden size per direction
 * @param layers recurrent layers
 * @param embedding embedding width (the vectors' dimension when pretrained vectors are used)
 * @param dropout dropout between layers and before the output layer
 * @param wordDropout in training, the probability of dropping a word's whole embedding
 * @param pooling how token states become one vector
 * @param maxTokens reviews are cut to this many tokens
 * @param truncation which tokens a long review keeps
 * @param minCount words rarer than this in the training data become {@code <unk>}
 * @param maxVocab the most vocabulary entries, specials included; 0 for no limit
 * @param devFraction fraction of the training data held out (stratified, seeded) when no dev set is
 *     given
 * @param devSplit how that dev set is chosen
 * @param batch reviews per batch
 * @param freezeEpochs pretrained embeddings stay frozen for this many epochs; -1 keeps them frozen
 * @param classWeights weight the loss by inverse class frequency
 * @param training optimizer, schedule, time budget, checkpoints and seed
 */
public record SentimentConfig(
        @JsonRecords.Codec(TokenizerSpecCodec.class) TokenizerSpec tokenizer,
        CellType cell,
        int hidden,
        int layers,
        int embedding,
        float dropout,
        @JsonRecords.Optional("0") float wordDropout,
        PoolingType pooling,
        int maxTokens,
        Truncation truncation,
        int minCount,
        int maxVocab,
        double devFraction,
        @JsonRecords.Optional("\"random\"") DevSplit devSplit,
        int batch,
        int freezeEpochs,
        boolean classWeights,
        @JsonRecords.Inline TrainingConfig training) {

    /** The keys of the architecture, which a fine-tuned model keeps from its source. */
    public static final java.util.List<String> ARCHITECTURE =
            java.util.List.of("tokenizer", "cell", "hidden", "layers", "embedding", "pooling");

    /** Validates every field with a message naming the bad value. */
    public SentimentConfig {
        if (tokenizer == null
                || cell == null
                || pooling == null
                || truncation == null
                || devSplit == null) {
            throw new IllegalArgumentException(
                    "tokenizer, cell, pooling, truncation and dev split are set.");
        }
        positive("hidden", hidden);
        positive("layers", layers);
        positive("embedding", embedding);
        positive("max_tokens", maxTokens);
        positive("min_count", minCount);
        positive("batch", batch);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SettingException("dropout", "must be in [0, 1); got " + dropout + ".");
        }
        if (!(wordDropout >= 0 && wordDropout < 1)) {
            throw new SettingException(
                    "word_dropout", "must be in [0, 1); got " + wordDropout + ".");
        }
        if (!(devFraction > 0 && devFraction < 1)) {
            throw new SettingException(
                    "dev_fraction", "must be in (0, 1); got " + devFraction + ".");
        }
        if (freezeEpochs < -1) {
            throw new SettingException("freeze_epochs", "must be >= -1; got " + freezeEpochs + ".");
        }
        if (maxVocab != 0 && maxVocab < 5) {
            throw new SettingException(
                    "max_vocab", "must be 0 (no limit) or at least 5; got " + maxVocab + ".");
        }
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new SettingException(what, "must be at least 1; got " + v + ".");
        }
    }

    /**
     * Returns a copy with another embedding width, training settings and tokenizer (what a trainer
     * settles after the command line: the pretrained vectors' width, a resumed run's time budget, a
     * tokenizer file copied into the model).
     */
    public SentimentConfig with(
            int newEmbedding, TrainingConfig newTraining, TokenizerSpec newTokenizer) {
        return new SentimentConfig(
                newTokenizer,
                cell,
                hidden,
                layers,
                newEmbedding,
                dropout,
                wordDropout,
                pooling,
                maxTokens,
                truncation,
                minCount,
                maxVocab,
                devFraction,
                devSplit,
                batch,
                freezeEpochs,
                classWeights,
                newTraining);
    }

    /** Returns the run's seed. */
    public long seed() {
        return training.seed();
    }

    /**
     * Returns the configuration as the manifest's {@code config} object: one flat object, the
     * training settings among the others, the tokenizer as its string map.
     */
    public JsonObject toJson() {
        return JsonRecords.toJson(this);
    }

    /**
     * Rebuilds a configuration from {@link #toJson()}'s output; {@code word_dropout} and {@code
     * dev_split}, which earlier versions did not write, default to 0 and random.
     *
     * @throws IllegalArgumentException naming a missing or mistyped key
     */
    public static SentimentConfig fromJson(JsonObject o) {
        return JsonRecords.fromJson(o, SentimentConfig.class);
    }
}
