package org.seqlab.tasks.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.tokenizers.Tokenizer;
import org.seqlab.tokenizers.TokenizerSpec;
import org.seqlab.tokenizers.Vocabulary;

/**
 * A trained language model: network, vocabulary, level and manifest.
 *
 * <p>A saved model is a directory holding {@code manifest.json}, {@code vocab.txt} and {@code
 * model.safetensors}. The model holds native memory: close it.
 */
public final class LmModel implements AutoCloseable {

    /** The task id written in manifests. */
    public static final String TASK = "lm";

    private final NDManager manager;
    private final RecurrentLanguageModel network;
    private final Vocabulary vocabulary;
    private final LmConfig config;
    private final ModelManifest manifest;
    private final Tokenizer tokenizer;

    LmModel(
            NDManager manager,
            RecurrentLanguageModel network,
            Vocabulary vocabulary,
            LmConfig config,
            ModelManifest manifest,
            Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.network = network;
        this.vocabulary = vocabulary;
        this.config = config;
        this.manifest = manifest;
    }

    /** Returns a new manager on the best device DJL finds: a GPU when present, else the CPU. */
    static NDManager newManager() {
        Device device = Engine.getInstance().defaultDevice();
        return NDManager.newBaseManager(device);
    }

    /**
     * Builds the tokenizer a spec names; a relative BPE merges file is resolved against the model
     * directory {@code dir}, so a model directory is self-contained.
     */
    static Tokenizer tokenizer(TokenizerSpec spec, Path dir) throws ModelFormatException {
        return dir == null
                ? ModelDirectory.tokenizerOf(spec)
                : ModelDirectory.tokenizerIn(spec, dir);
    }

    /** Creates an untrained model with seeded weights; {@code dir} anchors a BPE file. */
    static LmModel create(LmConfig config, Vocabulary vocabulary, Path dir)
            throws ModelFormatException {
        Tokenizer tokenizer = tokenizer(config.tokenizer(), dir);
        NDManager manager = newManager();
        RecurrentLanguageModel net =
                new RecurrentLanguageModel(config.spec(vocabulary.size()), manager, config.seed());
        return new LmModel(manager, net, vocabulary, config, null, tokenizer);
    }

    /**
     * Loads a model directory written by {@link #save}.
     *
     * @throws ModelFormatException when the directory is missing, incomplete, truncated, of another
     *     task or of a newer format
     */
    public static LmModel load(Path dir) throws IOException {
        ModelDirectory md =
                ModelDirectory.open(dir, TASK, ModelDirectory.VOCAB, ModelDirectory.PARAMS);
        LmConfig config = md.config(LmConfig::fromJson);
        Vocabulary vocab = md.vocabulary();
        Tokenizer tokenizer = md.tokenizer(config.tokenizer());
        return md.build(
                newManager(),
                manager -> {
                    RecurrentLanguageModel net =
                            new RecurrentLanguageModel(
                                    config.spec(vocab.size()), manager, config.seed());
                    md.loadParameters(net.parameters());
                    return new LmModel(manager, net, vocab, config, md.manifest(), tokenizer);
                });
    }

    /** Writes the model into {@code dir}: vocabulary and weights, then the manifest. */
    public void save(Path dir, ModelManifest newManifest) throws IOException {
        ModelDirectory.save(dir, newManifest, vocabulary, network.parameters(), null);
    }

    /** Returns the ids of {@code text}'s tokens; unknown tokens map to {@code <unk>}. */
    public int[] encode(String text) {
        List<String> tokens = tokens(text);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(tokens.get(i));
        }
        return ids;
    }

    /** Returns the distinct tokens of {@code text} that the vocabulary lacks, in order. */
    public List<String> unknownTokens(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String t : tokens(text)) {
            if (!vocabulary.contains(t)) {
                unknown.add(t);
            }
        }
        return new ArrayList<>(unknown);
    }

    /** Returns {@code text} split into token strings, as in training. */
    public List<String> tokens(String text) {
        return config.level().tokens(text, tokenizer);
    }

    /** Returns whether generated tokens carry their own spacing (byte-pair pieces). */
    boolean piecesCarrySpaces() {
        return "bpe".equals(config.tokenizer().name());
    }

    /** Returns the network. */
    public RecurrentLanguageModel network() {
        return network;
    }

    /** Returns the vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the configuration the model was trained with. */
    public LmConfig config() {
        return config;
    }

    /** Returns the manifest it was loaded with, or null for a model not yet saved. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** Returns the manager owning the model's arrays. */
    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        network.close();
        manager.close();
    }
}
