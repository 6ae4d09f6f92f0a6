package org.seqlab.tasks.lm;

import com.google.gson.JsonObject;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.LanguageModelSpec;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tokenizers.TokenizerSpec;

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
        TrainingConfig training,
        TokenizerSpec tokenizer) {

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

    /** Returns a copy with other training settings. */
    public LmConfig withTraining(TrainingConfig t) {
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
                t,
                tokenizer);
    }

    /** Returns a copy with another tokenizer. */
    public LmConfig withTokenizer(TokenizerSpec spec) {
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
                training,
                spec);
    }

    /** Returns the run's seed. */
    public long seed() {
        return training.seed();
    }

    /** Returns the network architecture for a vocabulary of {@code vocabSize}. */
    public LanguageModelSpec spec(int vocabSize) {
        return new LanguageModelSpec(cell, vocabSize, embedding, hidden, layers, dropout);
    }

    /** Returns the configuration as the manifest's {@code config} object. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("level", level.id());
        o.addProperty("cell", cell.id());
        o.addProperty("layers", layers);
        o.addProperty("hidden", hidden);
        o.addProperty("embedding", embedding);
        o.addProperty("dropout", dropout);
        o.addProperty("seq_len", seqLen);
        o.addProperty("batch", batch);
        o.addProperty("valid_fraction", validFraction);
        o.addProperty("min_count", minCount);
        o.addProperty("max_vocab", maxVocab);
        training.writeJson(o);
        JsonObject tok = new JsonObject();
        tokenizer.toMap().forEach(tok::addProperty);
        o.add("tokenizer", tok);
        return o;
    }

    /** Rebuilds a configuration from {@link #toJson()}'s output. */
    public static LmConfig fromJson(JsonObject o) {
        TrainingConfig t = TrainingConfig.fromJson(o);
        return new LmConfig(
                Level.parse(o.get("level").getAsString()),
                CellType.parse(o.get("cell").getAsString()),
                o.get("layers").getAsInt(),
                o.get("hidden").getAsInt(),
                o.get("embedding").getAsInt(),
                o.get("dropout").getAsFloat(),
                o.get("seq_len").getAsInt(),
                o.get("batch").getAsInt(),
                o.get("valid_fraction").getAsDouble(),
                o.get("min_count").getAsInt(),
                o.get("max_vocab").getAsInt(),
                t,
                tokenizerFromJson(o));
    }

    private static TokenizerSpec tokenizerFromJson(JsonObject o) {
        if (!o.has("tokenizer")) {
            return null;
        }
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (var e : o.getAsJsonObject("tokenizer").entrySet()) {
            map.put(e.getKey(), e.getValue().getAsString());
        }
        return TokenizerSpec.fromMap(map);
    }
}
