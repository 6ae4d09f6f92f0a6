package org.seqlab.tasks.tagging;

import com.google.gson.JsonObject;
import org.seqlab.io.JsonRecords;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.TrainingConfig;

/**
 * Everything that decides a trained tagger.
 *
 * @param format the training files' format: {@code conllu} or {@code conll}
 * @param column the tag column: {@code upos}, {@code xpos} or a 1-based column number (CoNLL-U); a
 *     0-based column index, or {@code last} (column files)
 * @param scheme for entity tags, the scheme the model predicts in ({@code iob2} or {@code bioes};
 *     input and output are IOB2); {@code none} for other tags
 * @param cell LSTM or GRU
 * @param hidden hidden size per direction
 * @param layers bidirectional layers
 * @param embedding word embedding width (the vectors' dimension when pretrained vectors are used)
 * @param lowercase words are looked up in lowercase (the character encoder still sees the case);
 *     else exactly, then in lowercase
 * @param vectorWords the most frequent words of the pretrained vectors that join the vocabulary
 *     beside the training words, so that words never seen in training keep their vector
 * @param charEncoder {@code lstm}, {@code cnn} or {@code none}
 * @param charEmbedding character embedding width
 * @param charHidden character LSTM size per direction, or CNN filters
 * @param maxWordChars characters of a word the character encoder reads (longer words are cut at
 *     both ends, keeping the first and last halves)
 * @param crf a linear-chain CRF on top (else a softmax per token)
 * @param dropout dropout on the inputs, between layers and before the output layer
 * @param wordDropout in training, the probability of dropping a word's embedding
 * @param freezeEpochs pretrained embeddings stay frozen for this many epochs; -1 keeps them frozen
 * @param batch sentences per batch
 * @param validMetric {@code accuracy} or {@code f1} (entity spans)
 * @param training optimizer, schedule, time budget, checkpoints and seed
 */
public record TagConfig(
        String format,
        String column,
        String scheme,
        CellType cell,
        int hidden,
        int layers,
        int embedding,
        boolean lowercase,
        int vectorWords,
        String charEncoder,
        int charEmbedding,
        int charHidden,
        int maxWordChars,
        boolean crf,
        float dropout,
        float wordDropout,
        int freezeEpochs,
        int batch,
        String validMetric,
        @JsonRecords.Inline TrainingConfig training) {

    /** The keys of the architecture, which a fine-tuned model keeps from its source. */
    public static final java.util.List<String> ARCHITECTURE =
            java.util.List.of(
                    "scheme",
                    "cell",
                    "hidden",
                    "layers",
                    "embedding",
                    "lowercase",
                    "char_encoder",
                    "char_embedding",
                    "char_hidden",
                    "max_word_chars",
                    "crf");

    /** Validates every field with a message naming the bad value. */
    public TagConfig {
        if (format == null
                || column == null
                || scheme == null
                || cell == null
                || charEncoder == null
                || validMetric == null) {
            throw new IllegalArgumentException(
                    "format, column, scheme, cell, char encoder and valid metric are set.");
        }
        if (!format.equals("conllu") && !format.equals("conll")) {
            throw new SettingException("format", "must be conllu or conll; got '" + format + "'.");
        }
        if (!scheme.equals("none") && !scheme.equals("iob2") && !scheme.equals("bioes")) {
            throw new SettingException(
                    "scheme", "must be none, iob2 or bioes; got '" + scheme + "'.");
        }
        if (!charEncoder.equals("lstm")
                && !charEncoder.equals("cnn")
                && !charEncoder.equals("none")) {
            throw new SettingException(
                    "char_encoder", "must be lstm, cnn or none; got '" + charEncoder + "'.");
        }
        if (!validMetric.equals("accuracy") && !validMetric.equals("f1")) {
            throw new SettingException(
                    "valid_metric", "must be accuracy or f1; got '" + validMetric + "'.");
        }
        if (validMetric.equals("f1") && scheme.equals("none")) {
            throw new SettingException(
                    "valid_metric", "f1 needs entity tags (a scheme of iob2 or bioes).");
        }
        positive("hidden", hidden);
        positive("layers", layers);
        positive("embedding", embedding);
        positive("char_embedding", charEmbedding);
        positive("char_hidden", charHidden);
        positive("max_word_chars", maxWordChars);
        positive("batch", batch);
        if (vectorWords < 0) {
            throw new SettingException("vector_words", "must be >= 0; got " + vectorWords + ".");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SettingException("dropout", "must be in [0, 1); got " + dropout + ".");
        }
        if (!(wordDropout >= 0 && wordDropout < 1)) {
            throw new SettingException(
                    "word_dropout", "must be in [0, 1); got " + wordDropout + ".");
        }
        if (freezeEpochs < -1) {
            throw new SettingException("freeze_epochs", "must be >= -1; got " + freezeEpochs + ".");
        }
    }

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new SettingException(what, "must be at least 1; got " + v + ".");
        }
    }

    /** Returns whether the tags are entity tags (spans are scored). */
    public boolean entities() {
        return !scheme.equals("none");
    }

    /** Returns a copy with another embedding width and training settings. */
    public TagConfig with(int newEmbedding, TrainingConfig newTraining) {
        return new TagConfig(
                format,
                column,
                scheme,
                cell,
                hidden,
                layers,
                newEmbedding,
                lowercase,
                vectorWords,
                charEncoder,
                charEmbedding,
                charHidden,
                maxWordChars,
                crf,
                dropout,
                wordDropout,
                freezeEpochs,
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
    public static TagConfig fromJson(JsonObject o) {
        return JsonRecords.fromJson(o, TagConfig.class);
    }
}
