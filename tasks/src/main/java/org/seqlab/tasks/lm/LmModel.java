package org.seqlab.tasks.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    static final String VOCAB = "vocab.txt";
    static final String PARAMS = "model.safetensors";

    /** Name of the BPE merges file a word-level model with {@code bpe} keeps beside itself. */
    static final String BPE = "bpe-merges.txt";

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
            Path dir) {
        this.tokenizer = tokenizer(config.tokenizer(), dir);
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
    static Tokenizer tokenizer(TokenizerSpec spec, Path dir) {
        if (spec.bpeFile() != null && dir != null && !Path.of(spec.bpeFile()).isAbsolute()) {
            spec =
                    new TokenizerSpec(
                            spec.name(), spec.options(), dir.resolve(spec.bpeFile()).toString());
        }
        try {
            return spec.build();
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "Cannot load the BPE merges of the tokenizer: " + e.getCause().getMessage(), e);
        }
    }

    /** Creates an untrained model with seeded weights; {@code dir} anchors a BPE file. */
    static LmModel create(LmConfig config, Vocabulary vocabulary, Path dir) {
        NDManager manager = newManager();
        RecurrentLanguageModel net =
                new RecurrentLanguageModel(config.spec(vocabulary.size()), manager, config.seed());
        return new LmModel(manager, net, vocabulary, config, null, dir);
    }

    /**
     * Loads a model directory written by {@link #save}.
     *
     * @throws ModelFormatException when the directory is missing, incomplete, truncated, of another
     *     task or of a newer format
     */
    public static LmModel load(Path dir) throws IOException {
        ModelManifest manifest = ModelManifest.read(dir, TASK);
        LmConfig config;
        try {
            config = LmConfig.fromJson(manifest.config());
        } catch (RuntimeException e) {
            throw new ModelFormatException(
                    dir.resolve(ModelManifest.FILE)
                            + ": invalid lm config ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        for (String f : new String[] {VOCAB, PARAMS}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new ModelFormatException(
                        dir + ": incomplete model directory (" + f + " is missing)");
            }
        }
        Vocabulary vocab = Vocabulary.load(dir.resolve(VOCAB));
        NDManager manager = newManager();
        try {
            RecurrentLanguageModel net =
                    new RecurrentLanguageModel(config.spec(vocab.size()), manager, config.seed());
            net.parameters().load(dir.resolve(PARAMS));
            return new LmModel(manager, net, vocab, config, manifest, dir);
        } catch (IOException | RuntimeException e) {
            manager.close();
            if (e instanceof ModelFormatException m) {
                throw m;
            }
            // NamedParameters.load names the file in every IOException it throws.
            throw e instanceof IOException io
                    ? new ModelFormatException(io.getMessage(), io)
                    : new ModelFormatException(dir.resolve(PARAMS) + ": " + e.getMessage(), e);
        }
    }

    /** Writes weights and vocabulary, then the manifest, each atomically, into {@code dir}. */
    public void save(Path dir, ModelManifest newManifest) throws IOException {
        Files.createDirectories(dir);
        vocabulary.save(dir.resolve(VOCAB));
        network.parameters().save(dir.resolve(PARAMS));
        newManifest.write(dir);
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
