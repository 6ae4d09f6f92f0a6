package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.DataDigest;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Starting a training run from a trained model of the same task ({@code --init-from}), the same way
 * for every task.
 *
 * <p>The new run takes the source model's architecture (the task names which configuration keys are
 * architecture; a flag given on the command line that disagrees is an error, not silently
 * overridden) and its vocabulary, optionally extended with the new data's words ({@code
 * --extend-vocab}: new ids after the old ones, so every old row keeps its place). The trainer then
 * builds its model as for a new run, which initializes the new rows as the task initializes unknown
 * words, and {@link #copyWeights} copies every trained weight over. Optimizer state starts fresh.
 * The new manifest records the source's name, path and weight checksum ({@link #toJson}).
 *
 * @param dir the source model directory
 * @param task the task both models belong to
 * @param sha256 SHA-256 of the source's weight file
 * @param config the source's configuration, as in its manifest
 * @param extendVocab whether new words of the new data get new rows
 * @param freeze which parameters stay frozen, and for how long
 */
public record FineTune(
        Path dir,
        String task,
        String sha256,
        JsonObject config,
        boolean extendVocab,
        FrozenParts freeze) {

    /**
     * Opens the source model for a run of {@code task}.
     *
     * @throws ModelFormatException when it is not a complete model directory of {@code task}
     */
    public static FineTune open(Path dir, String task, boolean extendVocab, FrozenParts freeze)
            throws IOException {
        ModelDirectory md = ModelDirectory.open(dir, task, ModelDirectory.PARAMS);
        return new FineTune(
                dir,
                task,
                DataDigest.ofFile(md.file(ModelDirectory.PARAMS)),
                md.manifest().config(),
                extendVocab,
                freeze == null ? FrozenParts.NONE : freeze);
    }

    /**
     * Reopens the source of a run being resumed, from what {@link #toJson()} recorded.
     *
     * @return null when the run did not start from a model
     * @throws IllegalStateException when the source's weights changed since the run started
     */
    public static FineTune resumed(JsonObject recorded, String task) throws IOException {
        if (recorded == null) {
            return null;
        }
        FineTune f =
                open(
                        Path.of(recorded.get("path").getAsString()),
                        task,
                        recorded.get("extend_vocab").getAsBoolean(),
                        FrozenParts.parse(recorded.get("freeze").getAsString()));
        if (!f.sha256.equals(recorded.get("sha256").getAsString())) {
            throw new IllegalStateException(
                    "Cannot resume: the model the run started from ("
                            + f.dir
                            + ") has changed since (SHA-256 mismatch).");
        }
        return f;
    }

    /**
     * Copies the source's tokenizer files (its BPE merges) into the new run's directory {@code
     * out}, where the adopted tokenizer configuration names them; does nothing for a source without
     * any.
     */
    public void copyTokenizerFiles(Path out) throws IOException {
        Path merges = dir.resolve(ModelDirectory.BPE);
        if (Files.isRegularFile(merges)) {
            Files.createDirectories(out);
            byte[] bytes = Files.readAllBytes(merges);
            AtomicFiles.write(out.resolve(ModelDirectory.BPE), o -> o.write(bytes));
        }
    }

    /**
     * Returns the vocabulary of the fine-tuned model: the source's, or with {@link #extendVocab()}
     * the source's followed by the tokens of {@code counts} it lacks that occur at least {@code
     * minCount} times (most frequent first).
     */
    public Vocabulary vocabulary(Vocabulary source, Map<String, Long> counts, int minCount) {
        return extendVocab ? source.extend(counts, minCount) : source;
    }

    /**
     * Returns {@code given} (a new run's configuration) with the source's values for the
     * architecture {@code keys}.
     *
     * @param explicit the keys the user set explicitly (flags on the command line)
     * @throws IllegalArgumentException naming the key, both values and the flag when an explicit
     *     value differs from the source's
     */
    public JsonObject adopt(JsonObject given, Collection<String> keys, Set<String> explicit) {
        JsonObject out = given.deepCopy();
        for (String key : keys) {
            JsonElement theirs = config.get(key);
            if (theirs == null) {
                continue;
            }
            JsonElement ours = given.get(key);
            if (explicit.contains(key) && ours != null && !same(ours, theirs)) {
                throw new IllegalArgumentException(
                        "--init-from "
                                + dir
                                + ": the model's "
                                + key
                                + " is "
                                + theirs
                                + ", but --"
                                + key.replace('_', '-')
                                + " gives "
                                + ours
                                + ". A fine-tuned model keeps its architecture: drop the flag, or"
                                + " train from scratch.");
            }
            out.add(key, theirs.deepCopy());
        }
        return out;
    }

    private static boolean same(JsonElement a, JsonElement b) {
        if (a.isJsonPrimitive()
                && b.isJsonPrimitive()
                && a.getAsJsonPrimitive().isNumber()
                && b.getAsJsonPrimitive().isNumber()) {
            return a.getAsDouble() == b.getAsDouble();
        }
        if (a.isJsonPrimitive() && b.isJsonPrimitive()) {
            return a.getAsString()
                    .replace('-', '_')
                    .equalsIgnoreCase(b.getAsString().replace('-', '_'));
        }
        return a.equals(b);
    }

    /**
     * Copies every weight of {@code from} (the source model's) into {@code to} (the new model's,
     * built with the same architecture). A parameter whose first axis grew from {@code oldVocab} to
     * {@code newVocab} rows (an embedding or output layer of an extended vocabulary) gets the old
     * rows; its new rows keep their initialization.
     *
     * @throws IllegalArgumentException naming the parameter and both shapes when the architectures
     *     differ
     */
    public void copyWeights(NamedParameters from, NamedParameters to, int oldVocab, int newVocab) {
        copyWeights(from, to, Map.of((long) oldVocab, (long) newVocab));
    }

    /**
     * Copies every weight as {@link #copyWeights(NamedParameters, NamedParameters, int, int)} does,
     * for a model with several vocabularies (words, characters): {@code grown} maps each old size
     * to its new size.
     */
    public void copyWeights(NamedParameters from, NamedParameters to, Map<Long, Long> grown) {
        for (String name : to.names()) {
            if (!from.names().contains(name)) {
                throw new IllegalArgumentException(
                        "--init-from "
                                + dir
                                + ": the model has no parameter '"
                                + name
                                + "'; its architecture differs from this run's.");
            }
            NDArray source = from.get(name);
            NDArray target = to.get(name);
            Shape s = source.getShape();
            Shape t = target.getShape();
            if (s.equals(t)) {
                NamedParameters.assign(target, source);
            } else if (grewRows(s, t, grown)) {
                NDArray added = target.get(new NDIndex().addSliceDim(s.get(0), t.get(0)));
                NDArray rows = source.toDevice(target.getDevice(), false).concat(added, 0);
                NamedParameters.assign(target, rows);
            } else {
                throw new IllegalArgumentException(
                        "--init-from "
                                + dir
                                + ": parameter '"
                                + name
                                + "' is "
                                + s
                                + " in the model but "
                                + t
                                + " in this run; the architectures differ.");
            }
        }
        if (from.names().size() != to.names().size()) {
            throw new IllegalArgumentException(
                    "--init-from "
                            + dir
                            + ": the model has "
                            + from.names().size()
                            + " parameters, this run "
                            + to.names().size()
                            + "; the architectures differ.");
        }
    }

    private static boolean grewRows(Shape s, Shape t, Map<Long, Long> grown) {
        if (s.dimension() != t.dimension() || !Long.valueOf(t.get(0)).equals(grown.get(s.get(0)))) {
            return false;
        }
        for (int i = 1; i < s.dimension(); i++) {
            if (s.get(i) != t.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Returns what the new manifest records: the source's name, path and weight checksum. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        Path name = dir.toAbsolutePath().normalize().getFileName();
        o.addProperty("model", name == null ? dir.toString() : name.toString());
        o.addProperty("path", dir.toString());
        o.addProperty("sha256", sha256);
        o.addProperty("extend_vocab", extendVocab);
        o.addProperty("freeze", freeze.toString());
        return o;
    }
}
