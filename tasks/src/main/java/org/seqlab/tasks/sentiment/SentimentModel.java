package org.seqlab.tasks.sentiment;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.SequenceEncoder;
import org.seqlab.tokenizers.Token;
import org.seqlab.tokenizers.Tokenizer;
import org.seqlab.tokenizers.Vocabulary;

/**
 * A trained text classifier: tokenizer, vocabulary, padding-safe recurrent encoder and a linear
 * layer over the labels. A review scored alone and inside a padded batch gets the same probability.
 * Holds native memory: close it.
 */
public final class SentimentModel implements AutoCloseable {

    /** The task id written in manifests. */
    public static final String TASK = "sentiment";

    static final String LABELS = "labels.json";

    /** Batch size used for scoring. */
    public static final int SCORE_BATCH = 64;

    /**
     * One scored text.
     *
     * @param label the most probable label
     * @param probability its probability
     * @param scores every label's probability
     * @param tokens tokens scored (after truncation)
     * @param note a remark, e.g. that the text was empty; empty when none
     */
    public record Prediction(
            String label,
            double probability,
            Map<String, Double> scores,
            int tokens,
            String note) {}

    private final NDManager manager;
    private final NamedParameters params;
    private final SequenceEncoder encoder;
    private final NDArray outWeight;
    private final NDArray outBias;
    private final SentimentConfig config;
    private final Vocabulary vocabulary;
    private final List<String> labels;
    private final Tokenizer tokenizer;
    private final ModelManifest manifest;

    private SentimentModel(
            NDManager manager,
            SentimentConfig config,
            Vocabulary vocabulary,
            List<String> labels,
            Tokenizer tokenizer,
            ModelManifest manifest) {
        this.manager = manager;
        this.config = config;
        this.vocabulary = vocabulary;
        this.labels = List.copyOf(labels);
        this.manifest = manifest;
        this.tokenizer = tokenizer;
        // A model with a manifest is being loaded: its weights come from the file.
        this.params =
                manifest != null
                        ? NamedParameters.forLoading(manager)
                        : new NamedParameters(manager, config.seed());
        this.encoder =
                new SequenceEncoder(
                        params,
                        "encoder",
                        config.cell(),
                        vocabulary.size(),
                        config.embedding(),
                        config.hidden(),
                        config.layers(),
                        true,
                        config.dropout(),
                        config.pooling());
        double bound = 1.0 / Math.sqrt(encoder.outputSize());
        this.outWeight =
                params.uniform(
                        "output.weight", new Shape(labels.size(), encoder.outputSize()), bound);
        this.outBias = params.uniform("output.bias", new Shape(labels.size()), bound);
    }

    private static NDManager newManager() {
        Device device = Engine.getInstance().defaultDevice();
        return NDManager.newBaseManager(device);
    }

    /** Creates an untrained model with seeded weights and the tokenizer its config names. */
    static SentimentModel create(SentimentConfig config, Vocabulary vocab, List<String> labels) {
        return create(config, vocab, labels, config.tokenizer().build());
    }

    /** Creates an untrained model with seeded weights. */
    static SentimentModel create(
            SentimentConfig config, Vocabulary vocab, List<String> labels, Tokenizer tokenizer) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException(
                    "A classifier needs at least 2 labels; the data has " + labels + ".");
        }
        NDManager manager = newManager();
        try {
            return new SentimentModel(manager, config, vocab, labels, tokenizer, null);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Loads a model directory written by {@link #save}.
     *
     * @throws ModelFormatException when the directory is missing, incomplete, of another task or of
     *     a newer format
     */
    public static SentimentModel load(Path dir) throws IOException {
        ModelDirectory md =
                ModelDirectory.open(dir, TASK, ModelDirectory.VOCAB, ModelDirectory.PARAMS, LABELS);
        SentimentConfig config = md.config(SentimentConfig::fromJson);
        List<String> labels = new ArrayList<>();
        try {
            JsonArray a =
                    JsonParser.parseString(
                                    Files.readString(md.file(LABELS), StandardCharsets.UTF_8))
                            .getAsJsonArray();
            a.forEach(e -> labels.add(e.getAsString()));
        } catch (RuntimeException e) {
            throw new ModelFormatException(
                    md.file(LABELS) + ": expected a JSON array of label strings", e);
        }
        Vocabulary vocab = md.vocabulary();
        Tokenizer tokenizer = md.tokenizer(config.tokenizer());
        return md.build(
                newManager(),
                manager -> {
                    SentimentModel m =
                            new SentimentModel(
                                    manager, config, vocab, labels, tokenizer, md.manifest());
                    md.loadParameters(m.params);
                    return m;
                });
    }

    /** Writes weights, vocabulary and labels, each atomically, then the manifest. */
    public void save(Path dir, ModelManifest newManifest) throws IOException {
        JsonArray a = new JsonArray();
        labels.forEach(a::add);
        ModelDirectory.save(
                dir,
                newManifest,
                vocabulary,
                params,
                d -> AtomicFiles.writeString(d.resolve(LABELS), a + "\n"));
    }

    /** Returns the token ids the model reads for {@code text}: tokenized and truncated. */
    public int[] encode(String text) {
        return read(text).ids();
    }

    /** The tokens the model reads from a text (after truncation) and their ids. */
    record Read(List<Token> tokens, int[] ids) {}

    /** Tokenizes {@code text} and truncates it by the configured policy. */
    Read read(String text) {
        return read(tokenizer.tokenize(text));
    }

    /** Returns the ids the model reads for already tokenized text (truncated, then looked up). */
    int[] ids(List<Token> tokens) {
        return read(tokens).ids();
    }

    private Read read(List<Token> all) {
        int[] positions = new int[all.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        int[] kept = config.truncation().apply(positions, config.maxTokens());
        List<Token> tokens = new ArrayList<>(kept.length);
        int[] ids = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            tokens.add(all.get(kept[k]));
            ids[k] = vocabulary.id(tokens.get(k).text());
        }
        return new Read(tokens, ids);
    }

    /**
     * Returns logits {@code (B, labels)} for a batch of id sequences, padded here to a multiple of
     * 16 tokens (few distinct shapes keep native memory flat); an empty sequence is read as one
     * {@code <unk>}.
     */
    NDArray logits(NDManager m, List<int[]> batch, boolean training) {
        int longest = 1;
        for (int[] ids : batch) {
            longest = Math.max(longest, ids.length);
        }
        int t = (longest + 15) / 16 * 16;
        long[] flat = new long[batch.size() * t];
        long[] lengths = new long[batch.size()];
        for (int b = 0; b < batch.size(); b++) {
            int[] ids = batch.get(b).length == 0 ? new int[] {Vocabulary.UNK_ID} : batch.get(b);
            lengths[b] = ids.length;
            for (int i = 0; i < ids.length; i++) {
                flat[b * t + i] = ids[i];
            }
        }
        NDArray x = m.create(flat, new Shape(batch.size(), t));
        NDArray len = m.create(lengths);
        NDArray h = encoder.encode(x, len, training, config.wordDropout());
        if (training && config.dropout() > 0) {
            h = Dropout.dropout(h, config.dropout(), true).singletonOrThrow();
        }
        return Linear.linear(h, outWeight, outBias).singletonOrThrow();
    }

    /** Scores texts in length-sorted batches; results are in the order of {@code texts}. */
    public List<Prediction> predict(List<String> texts) {
        return predict(texts, done -> {});
    }

    /**
     * Scores texts like {@link #predict(List)}, reporting the number scored so far after each
     * batch.
     */
    public List<Prediction> predict(List<String> texts, java.util.function.LongConsumer progress) {
        int[][] ids = new int[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encode(texts.get(i));
        }
        return predict(ids, progress);
    }

    /** Scores already encoded texts (see {@link #encode}) like {@link #predict(List)}. */
    List<Prediction> predict(int[][] ids, java.util.function.LongConsumer progress) {
        int n = ids.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        Prediction[] out = new Prediction[n];
        for (int s = 0; s < n; s += SCORE_BATCH) {
            List<int[]> batch = new ArrayList<>();
            int e = Math.min(n, s + SCORE_BATCH);
            for (int k = s; k < e; k++) {
                batch.add(ids[order[k]]);
            }
            float[] probs;
            try (NDManager m = manager.newSubManager()) {
                probs = logits(m, batch, false).softmax(1).toFloatArray();
            }
            for (int k = s; k < e; k++) {
                int row = k - s;
                Map<String, Double> scores = new LinkedHashMap<>();
                int best = 0;
                for (int c = 0; c < labels.size(); c++) {
                    double p = probs[row * labels.size() + c];
                    scores.put(labels.get(c), p);
                    if (p > probs[row * labels.size() + best]) {
                        best = c;
                    }
                }
                int idx = order[k];
                String note = ids[idx].length == 0 ? "empty text: scored as one unknown word" : "";
                out[idx] =
                        new Prediction(
                                labels.get(best),
                                scores.get(labels.get(best)),
                                scores,
                                ids[idx].length,
                                note);
            }
            progress.accept(e);
        }
        return List.of(out);
    }

    /** Returns the configuration. */
    public SentimentConfig config() {
        return config;
    }

    /** Returns the trained weights. */
    NamedParameters params() {
        return params;
    }

    /** Returns the labels, in output order. */
    public List<String> labels() {
        return labels;
    }

    /** Returns the vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the manifest it was loaded with, or null for an unsaved model. */
    public ModelManifest manifest() {
        return manifest;
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    NamedParameters parameters() {
        return params;
    }

    NDArray embeddingWeight() {
        return encoder.embeddingWeight();
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        params.close();
        manager.close();
    }
}
