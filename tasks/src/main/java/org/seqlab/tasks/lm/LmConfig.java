package org.seqlab.tasks.lm;

import com.google.gson.JsonObject;
import org.seqlab.io.JsonRecords;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.LanguageModelSpec;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tokenizers.TokenizerSpec;
import org.seqlab.tokenizers.TokenizerSpecCodec;

/**
 * Everything that decides a trained language model: data handling, architecture and training.
 *
 * @param level characters or words
 * @param cell LSTM or GRU
 * @param layers recurrent layers
 * @param hidden hidden size of each layer
 * @param embedding embedding width
 * @param dropout dropout on embeddings, between layers and before the output
 * @param seqLen truncated-BPTT window length
 * @param batch parallel streams per batch
 * @param validFraction the last fraction of the corpus held out for validation
 * @param minCount words rarer than this become {@code <unk>} (word level)
 * @param maxVocab the most vocabulary entries, specials included; 0 for no limit
 * @param training optimizer, schedule, time budget, checkpoints and seed
 * @param tokenizer how word-level text is split into tokens (ignored at char level); {@code null}
 *     means whitespace
 */
public record LmConfig(
        Level level,
        CellType cell,
        int layers,
        int hidden,
        int embedding,
        float dropout,
        int seqLen,
        int batch,
        double validFraction,
        int minCount,
        int maxVocab,
        @JsonRecords.Inline TrainingConfig training,
        @JsonRecords.Optional @JsonRecords.Codec(TokenizerSpecCodec.class)
                TokenizerSpec tokenizer) {

    /** The keys of the architecture, which a fine-tuned model keeps from its source. */
    public static final java.util.List<String> ARCHITECTURE =
            java.util.List.of("level", "cell", "layers", "hidden", "embedding", "tokenizer");

    /** Validates every field with a message naming the bad value. */
    public LmConfig {
        if (tokenizer == null) {
            tokenizer = TokenizerSpec.parse("whitespace");
        }
        if (level == null || cell == null || training == null) {
            throw new IllegalArgumentException("level, cell and training must be set.");
        }
        new LanguageModelSpec(cell, 5, embedding, hidden, layers, dropout);
        if (seqLen < 1) {
            throw new SettingException("seq_len", "must be at least 1; got " + seqLen + ".");
        }
        if (batch < 1) {
            throw new SettingException("batch", "must be at least 1; got " + batch + ".");
        }
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new SettingException(
                    "valid_fraction", "must be in [0, 1); got " + validFraction + ".");
        }
        if (minCount < 1) {
            throw new SettingException("min_count", "must be at least 1; got " + minCount + ".");
        }
        if (maxVocab != 0 && maxVocab < 5) {
            throw new SettingException(
                    "max_vocab", "must be 0 (no limit) or at least 5; got " + maxVocab + ".");
        }
    }

    /**
     * Returns a copy with other training settings and tokenizer (what a trainer settles after the
     * command line: a resumed run's time budget, a tokenizer file copied into the model).
     */
    public LmConfig with(TrainingConfig newTraining, TokenizerSpec newTokenizer) {
        return new LmConfig(
                level,
                cell,
                layers,
                hidden,
                embedding,
                dropout,
                seqLen,
                batch,
                validFraction,
                minCount,
                maxVocab,
                newTraining,
                newTokenizer);
    }

    /** Returns the run's seed. */
    public long seed() {
        return training.seed();
    }

    /** Returns the network architecture for a vocabulary of {@code vocabSize}. */
    public LanguageModelSpec spec(int vocabSize) {
        return new LanguageModelSpec(cell, vocabSize, embedding, hidden, layers, dropout);
    }

    /**
     * Returns the configuration as the manifest's {@code config} object: one flat object, the
     * training settings among the others, the tokenizer as its string map.
     */
    public JsonObject toJson() {
        return JsonRecords.toJson(this);
    }

    /**
     * Rebuilds a configuration from {@link #toJson()}'s output.
     *
     * @throws IllegalArgumentException naming a missing or mistyped key
     */
    public static LmConfig fromJson(JsonObject o) {
        return JsonRecords.fromJson(o, LmConfig.class);
    }
}
