package org.seqlab.seq2seq;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.InputFiles;
import org.seqlab.tokenizers.Tokenizer;
import org.seqlab.tokenizers.TokenizerSpec;
import org.seqlab.tokenizers.Vocabulary;

/**
 * A trained model's directory, the same for every task: {@code manifest.json} (written last, so a
 * directory with a manifest is complete), the weights in {@code model.safetensors}, the vocabulary
 * in {@code vocab.txt}, and every other file the model depends on (a BPE merges file, a label list)
 * copied inside, so that the directory is self-contained.
 *
 * <p>Loading goes through {@link #open}, which checks the directory, the manifest (format version,
 * task) and the files the task needs, and {@link #build}, which closes the model's native memory
 * when loading fails halfway. Every error is a {@link ModelFormatException} that names the file.
 */
public final class ModelDirectory {

    /** The weights file. */
    public static final String PARAMS = "model.safetensors";

    /** The vocabulary file. */
    public static final String VOCAB = "vocab.txt";

    /** The name a BPE merges file gets inside the directory. */
    public static final String BPE = "bpe-merges.txt";

    private final Path dir;
    private final ModelManifest manifest;

    private ModelDirectory(Path dir, ModelManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Opens a model directory of {@code task}.
     *
     * @param files files besides the manifest that the task needs
     * @throws ModelFormatException when the directory or a file is missing, or the manifest is
     *     malformed, of another task or of a newer format
     */
    public static ModelDirectory open(Path dir, String task, String... files)
            throws ModelFormatException {
        ModelManifest manifest = ModelManifest.read(dir, task);
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new ModelFormatException(
                        dir + ": incomplete model directory (" + f + " is missing)");
            }
        }
        return new ModelDirectory(dir, manifest);
    }

    /** Returns the directory. */
    public Path dir() {
        return dir;
    }

    /** Returns the manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** Returns the path of a file inside the directory. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * Parses the manifest's {@code config} with the task's reader.
     *
     * @throws ModelFormatException naming the manifest when the reader rejects it
     */
    public <C> C config(Function<JsonObject, C> reader) throws ModelFormatException {
        try {
            return reader.apply(manifest.config());
        } catch (RuntimeException e) {
            throw new ModelFormatException(
                    file(ModelManifest.FILE)
                            + ": invalid "
                            + manifest.task()
                            + " config ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    /** Loads the vocabulary ({@code vocab.txt}); errors name the file and line. */
    public Vocabulary vocabulary() throws IOException {
        return Vocabulary.load(file(VOCAB));
    }

    /**
     * Builds the tokenizer a spec names; a relative BPE merges file is read from this directory.
     *
     * @throws ModelFormatException when the merges file is missing or malformed
     */
    public Tokenizer tokenizer(TokenizerSpec spec) throws ModelFormatException {
        return tokenizer(spec, dir);
    }

    /** Builds a tokenizer whose files (if any) are where the spec says. */
    public static Tokenizer tokenizerOf(TokenizerSpec spec) throws ModelFormatException {
        return tokenizer(spec, null);
    }

    /** Builds a tokenizer, resolving a relative BPE merges file against {@code dir}. */
    public static Tokenizer tokenizerIn(TokenizerSpec spec, Path dir) throws ModelFormatException {
        return tokenizer(spec, dir);
    }

    private static Tokenizer tokenizer(TokenizerSpec spec, Path dir) throws ModelFormatException {
        if (spec.bpeFile() != null && dir != null && !Path.of(spec.bpeFile()).isAbsolute()) {
            spec =
                    new TokenizerSpec(
                            spec.name(), spec.options(), dir.resolve(spec.bpeFile()).toString());
        }
        try {
            return spec.build();
        } catch (UncheckedIOException e) {
            throw new ModelFormatException(
                    "Cannot load the BPE merges of the tokenizer: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Loads the weights file into {@code params}.
     *
     * @throws ModelFormatException naming the file (once) when it is unreadable, truncated or does
     *     not fit the parameters
     */
    public void loadParameters(NamedParameters params) throws ModelFormatException {
        try {
            params.load(file(PARAMS));
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ModelFormatException(
                    message.contains(PARAMS) ? message : file(PARAMS) + ": " + message, e);
        }
    }

    /** Builds a model's parts on a manager; may throw anything. */
    @FunctionalInterface
    public interface Builder<M> {
        /** Builds the model, its arrays owned by {@code manager}. */
        M build(NDManager manager) throws IOException;
    }

    /**
     * Builds a model on {@code manager} and returns it; when building fails, closes the manager
     * (freeing whatever native memory was allocated) and rethrows, as a {@link
     * ModelFormatException} naming the weights file unless it already is one.
     */
    public <M> M build(NDManager manager, Builder<M> builder) throws IOException {
        try {
            return builder.build(manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            if (e instanceof ModelFormatException m) {
                throw m;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ModelFormatException(
                    message.contains(dir.toString()) ? message : file(PARAMS) + ": " + message, e);
        }
    }

    /** Writes a task's extra files into a model directory. */
    @FunctionalInterface
    public interface Extra {
        /** Writes files into {@code dir}, each atomically. */
        void write(Path dir) throws IOException;
    }

    /**
     * Writes a model: the vocabulary (none for a model without one, such as a forecaster), the
     * weights and the task's extra files, each atomically, and the manifest last.
     */
    public static void save(
            Path dir,
            ModelManifest manifest,
            Vocabulary vocabulary,
            NamedParameters params,
            Extra extra)
            throws IOException {
        Files.createDirectories(dir);
        if (vocabulary != null) {
            vocabulary.save(dir.resolve(VOCAB));
        }
        params.save(dir.resolve(PARAMS));
        if (extra != null) {
            extra.write(dir);
        }
        manifest.write(dir);
    }

    /**
     * Copies the files a tokenizer depends on (a BPE merges file) into {@code dir} and returns the
     * spec pointing at the copy by a relative name; returns {@code spec} when it needs no file.
     */
    public static TokenizerSpec copyTokenizerFiles(TokenizerSpec spec, Path dir)
            throws IOException {
        if (spec.bpeFile() == null || spec.bpeFile().equals(BPE)) {
            return spec;
        }
        Path source = Path.of(spec.bpeFile());
        Files.createDirectories(dir);
        byte[] merges = InputFiles.readAllBytes(source);
        AtomicFiles.write(dir.resolve(BPE), o -> o.write(merges));
        return new TokenizerSpec(spec.name(), spec.options(), BPE);
    }
}
