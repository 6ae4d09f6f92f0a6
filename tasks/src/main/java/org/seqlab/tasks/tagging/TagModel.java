package org.seqlab.tasks.tagging;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
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
import java.util.List;
import java.util.Locale;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.CharWordEncoder;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.SequenceEncoder;
import org.seqlab.tokenizers.Vocabulary;

/**
 * A trained tagger: word vocabulary, character vocabulary, tag set, a padding-safe bidirectional
 * encoder over word embeddings and character features, a linear layer over the tags, and a softmax
 * or a linear-chain CRF. A sentence tagged alone and inside a padded batch gets the same tags.
 * Holds native memory: close it.
 */
public final class TagModel implements AutoCloseable {

    /** The task id written in manifests. */
    public static final String TASK = "tagging";

    static final String CHARS = "chars.txt";
    static final String TAGS = "tags.json";

    /** Sentences per batch when tagging. */
    static final int TAG_BATCH = 64;

    private final NDManager manager;
    private final NamedParameters params;
    private final TagConfig config;
    private final Vocabulary words;
    private final Vocabulary chars;
    private final List<String> tags;
    private final SequenceEncoder encoder;
    private final CharWordEncoder charEncoder;
    private final NDArray outWeight;
    private final NDArray outBias;
    private final TagOutput output;
    private final ModelManifest manifest;

    private TagModel(
            NDManager manager,
            TagConfig config,
            Vocabulary words,
            Vocabulary chars,
            List<String> tags,
            ModelManifest manifest,
            boolean forLoading) {
        this.manager = manager;
        this.config = config;
        this.words = words;
        this.chars = chars;
        this.tags = List.copyOf(tags);
        this.manifest = manifest;
        this.params =
                forLoading
                        ? NamedParameters.forLoading(manager)
                        : new NamedParameters(manager, config.seed());
        this.charEncoder =
                config.charEncoder().equals("none")
                        ? null
                        : new CharWordEncoder(
                                params,
                                "chars",
                                CharWordEncoder.Kind.parse(config.charEncoder()),
                                config.cell(),
                                chars.size(),
                                config.charEmbedding(),
                                config.charHidden());
        this.encoder =
                new SequenceEncoder(
                        params,
                        "encoder",
                        config.cell(),
                        words.size(),
                        config.embedding(),
                        charEncoder == null ? 0 : charEncoder.outputSize(),
                        config.hidden(),
                        config.layers(),
                        true,
                        config.dropout(),
                        null);
        double bound = 1.0 / Math.sqrt(encoder.stateSize());
        this.outWeight =
                params.uniform("output.weight", new Shape(tags.size(), encoder.stateSize()), bound);
        this.outBias = params.uniform("output.bias", new Shape(tags.size()), bound);
        this.output = TagOutput.create(params, config, this.tags);
    }

    private static NDManager newManager() {
        Device device = Engine.getInstance().defaultDevice();
        return NDManager.newBaseManager(device);
    }

    /** Creates an untrained model with seeded weights. */
    static TagModel create(
            TagConfig config, Vocabulary words, Vocabulary chars, List<String> tags) {
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("A tagger needs at least one tag.");
        }
        NDManager manager = newManager();
        try {
            return new TagModel(manager, config, words, chars, tags, null, false);
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
    public static TagModel load(Path dir) throws IOException {
        ModelDirectory md =
                ModelDirectory.open(
                        dir, TASK, ModelDirectory.VOCAB, ModelDirectory.PARAMS, CHARS, TAGS);
        TagConfig config = md.config(TagConfig::fromJson);
        List<String> tags = new ArrayList<>();
        try {
            JsonArray a =
                    JsonParser.parseString(Files.readString(md.file(TAGS), StandardCharsets.UTF_8))
                            .getAsJsonArray();
            a.forEach(e -> tags.add(e.getAsString()));
        } catch (RuntimeException e) {
            throw new ModelFormatException(
                    md.file(TAGS) + ": expected a JSON array of tag strings", e);
        }
        Vocabulary words = md.vocabulary();
        Vocabulary chars = Vocabulary.load(md.file(CHARS));
        return md.build(
                newManager(),
                manager -> {
                    TagModel m =
                            new TagModel(manager, config, words, chars, tags, md.manifest(), true);
                    md.loadParameters(m.params);
                    return m;
                });
    }

    /** Writes weights, vocabularies and tags, each atomically, then the manifest. */
    public void save(Path dir, ModelManifest newManifest) throws IOException {
        JsonArray a = new JsonArray();
        tags.forEach(a::add);
        ModelDirectory.save(
                dir,
                newManifest,
                words,
                params,
                d -> {
                    chars.save(d.resolve(CHARS));
                    AtomicFiles.writeString(d.resolve(TAGS), a + "\n");
                });
    }

    /** Returns the word id of {@code word}: as configured, lowercase or exact then lowercase. */
    int wordId(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (config.lowercase()) {
            return words.id(lower);
        }
        return words.contains(word) ? words.id(word) : words.id(lower);
    }

    /**
     * Returns the character ids of {@code word}, cut to {@code max} characters (its first and last
     * halves) when longer; unknown characters are {@code <unk>}.
     */
    int[] charIds(String word, int max) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > max) {
            int head = (max + 1) / 2;
            int[] cut = new int[max];
            System.arraycopy(cps, 0, cut, 0, head);
            System.arraycopy(cps, cps.length - (max - head), cut, head, max - head);
            cps = cut;
        }
        int[] ids = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            ids[i] = chars.id(new String(Character.toChars(cps[i])));
        }
        return ids;
    }

    /** Returns the tag ids of a sentence's tags (in the model's scheme); -1 for an unknown tag. */
    int[] tagIds(List<String> sentenceTags) {
        int[] ids = new int[sentenceTags.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tags.indexOf(sentenceTags.get(i));
        }
        return ids;
    }

    /** Builds a batch of non-empty sentences. */
    TagBatch batch(NDManager m, List<List<String>> sentences) {
        return TagBatch.of(m, this, sentences, charEncoder != null);
    }

    /** Returns the emission scores {@code (B, T, tags)} of a batch. */
    NDArray emissions(TagBatch batch, boolean training) {
        NDArray features = null;
        if (charEncoder != null) {
            NDArray perWord = charEncoder.encode(batch.chars(), batch.charLengths(), training);
            features =
                    Embedding.embedding(batch.wordIndex(), perWord, SparseFormat.DENSE)
                            .singletonOrThrow();
            if (training && config.dropout() > 0) {
                features = Dropout.dropout(features, config.dropout(), true).singletonOrThrow();
            }
        }
        SequenceEncoder.Encoding e =
                encoder.encodeSequence(
                        batch.words(), batch.lengths(), features, training, config.wordDropout());
        NDArray h = e.states();
        if (training && config.dropout() > 0) {
            h = Dropout.dropout(h, config.dropout(), true).singletonOrThrow();
        }
        return Linear.linear(h, outWeight, outBias).singletonOrThrow();
    }

    /**
     * Returns the training loss of a batch, summed over its sentences' tokens (softmax) or
     * sentences (CRF), and the token count.
     *
     * @param gold tag ids per sentence, each of its sentence's length, all known
     */
    org.seqlab.seq2seq.Losses.SequenceLoss loss(TagBatch batch, int[][] gold) {
        NDArray emissions = emissions(batch, true);
        NDManager m = emissions.getManager();
        int t = batch.time();
        long[] y = new long[gold.length * t];
        for (int b = 0; b < gold.length; b++) {
            for (int i = 0; i < gold[b].length; i++) {
                y[b * t + i] = gold[b][i];
            }
        }
        NDArray target = m.create(y, new Shape(gold.length, t));
        return output.loss(emissions, target, batch.lengths(), batch.sizes());
    }

    /**
     * Tags sentences in length-sorted batches; results are in input order, in the model's scheme.
     * An empty sentence gets no tags.
     */
    List<List<String>> predictRaw(List<List<String>> sentences) {
        int n = sentences.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sentences.get(i).size()));
        List<List<String>> out = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
        int start = 0;
        while (start < n && sentences.get(order[start]).isEmpty()) {
            start++;
        }
        for (int s = start; s < n; s += TAG_BATCH) {
            int e = Math.min(n, s + TAG_BATCH);
            List<List<String>> batch = new ArrayList<>(e - s);
            for (int k = s; k < e; k++) {
                batch.add(sentences.get(order[k]));
            }
            int[][] best;
            try (NDManager m = manager.newSubManager()) {
                TagBatch tb = batch(m, batch);
                best = output.decode(emissions(tb, false), tb.lengths(), tb.sizes());
            }
            for (int k = s; k < e; k++) {
                int[] ids = best[k - s];
                List<String> named = new ArrayList<>(ids.length);
                for (int id : ids) {
                    named.add(tags.get(id));
                }
                out.set(order[k], named);
            }
        }
        return out;
    }

    /**
     * Tags sentences (lists of words); returns one tag per word, in input order. Entity tags come
     * out in IOB2 whatever scheme the model predicts in.
     */
    public List<List<String>> predict(List<List<String>> sentences) {
        List<List<String>> raw = predictRaw(sentences);
        List<List<String>> out = new ArrayList<>(raw.size());
        for (List<String> r : raw) {
            out.add(TagSchemeSupport.toIob2(r, config.scheme()));
        }
        return out;
    }

    /** Returns the configuration. */
    public TagConfig config() {
        return config;
    }

    /** Returns the tags, in output order and in the model's scheme. */
    public List<String> tags() {
        return tags;
    }

    /** Returns the word vocabulary. */
    public Vocabulary words() {
        return words;
    }

    /** Returns the character vocabulary. */
    public Vocabulary chars() {
        return chars;
    }

    /** Returns the manifest it was loaded with, or null for an unsaved model. */
    public ModelManifest manifest() {
        return manifest;
    }

    NamedParameters parameters() {
        return params;
    }

    /** Leaves the word embedding out of training (see {@link NamedParameters#freeze}). */
    void freezeEmbedding() {
        params.freeze("encoder.embedding");
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
