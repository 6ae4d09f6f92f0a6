package org.seqlab.seq2seq;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.seqlab.io.AtomicFiles;

/**
 * The {@code manifest.json} of a model directory: format version, seqlab version, task, config,
 * seed, data fingerprint, metrics and the command that trained it.
 *
 * <p>{@link #read} refuses a directory without a manifest, a manifest of another task or of a newer
 * format version, and says what it expected and what it found.
 *
 * @param formatVersion version of the directory layout
 * @param seqlabVersion version of seqlab that wrote it
 * @param task the task id, e.g. {@code lm}
 * @param config the task's configuration
 * @param seed the seed of the training run
 * @param data where the training data came from and its SHA-256 fingerprints
 * @param metrics evaluation results at save time
 * @param command the command line that trained the model
 * @param created ISO-8601 time of writing
 */
public record ModelManifest(
        int formatVersion,
        String seqlabVersion,
        String task,
        JsonObject config,
        long seed,
        JsonObject data,
        JsonObject metrics,
        String command,
        String created) {

    /** The file name inside a model directory. */
    public static final String FILE = "manifest.json";

    /** The directory format version this seqlab writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** seqlab's version, from the jar manifest when packaged. */
    public static final String SEQLAB_VERSION = version();

    private static final Gson GSON =
            new GsonBuilder()
                    .setPrettyPrinting()
                    .disableHtmlEscaping()
                    .serializeSpecialFloatingPointValues()
                    .create();

    /** Creates a manifest of the current format and version, stamped now. */
    public static ModelManifest create(
            String task,
            JsonObject config,
            long seed,
            JsonObject data,
            JsonObject metrics,
            String command) {
        return new ModelManifest(
                FORMAT_VERSION,
                SEQLAB_VERSION,
                task,
                config,
                seed,
                data,
                metrics,
                command,
                Instant.now().toString());
    }

    /** Returns a copy with other metrics. */
    public ModelManifest withMetrics(JsonObject newMetrics) {
        return new ModelManifest(
                formatVersion,
                seqlabVersion,
                task,
                config,
                seed,
                data,
                newMetrics,
                command,
                created);
    }

    /** Writes {@code dir/manifest.json} atomically. */
    public void write(Path dir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", "seqlab-model");
        o.addProperty("format_version", formatVersion);
        o.addProperty("seqlab_version", seqlabVersion);
        o.addProperty("task", task);
        o.add("config", config);
        o.addProperty("seed", seed);
        o.add("data", data);
        o.add("metrics", metrics);
        o.addProperty("command", command);
        o.addProperty("created", created);
        AtomicFiles.writeString(dir.resolve(FILE), GSON.toJson(o) + "\n");
    }

    /**
     * Reads and checks {@code dir/manifest.json}.
     *
     * @param expectedTask the task the caller can load, or {@code null} for any
     * @throws ModelFormatException when the directory or manifest is missing, malformed, of another
     *     task or of a newer format
     */
    public static ModelManifest read(Path dir, String expectedTask) throws ModelFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + ": no such model directory");
        }
        Path file = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(
                    dir + ": not a seqlab model directory (" + FILE + " is missing)");
        } catch (IOException e) {
            throw new ModelFormatException(file + ": unreadable (" + e.getMessage() + ")");
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new JsonParseException("not a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelFormatException(file + ": malformed manifest (" + e.getMessage() + ")");
        }
        try {
            int version = o.get("format_version").getAsInt();
            if (version > FORMAT_VERSION) {
                throw new ModelFormatException(
                        String.format(
                                "%s: model format version %d is newer"
                                        + " than this seqlab (%s) reads (%d); upgrade seqlab",
                                file, version, SEQLAB_VERSION, FORMAT_VERSION));
            }
            if (version < 1) {
                throw new ModelFormatException(file + ": invalid format_version " + version);
            }
            String task = o.get("task").getAsString();
            if (expectedTask != null && !expectedTask.equals(task)) {
                throw new ModelFormatException(
                        String.format(
                                "%s holds a '%s' model, not a '%s' model",
                                dir, task, expectedTask));
            }
            return new ModelManifest(
                    version,
                    str(o, "seqlab_version"),
                    task,
                    o.getAsJsonObject("config"),
                    o.get("seed").getAsLong(),
                    o.getAsJsonObject("data"),
                    o.getAsJsonObject("metrics"),
                    str(o, "command"),
                    str(o, "created"));
        } catch (NullPointerException
                | ClassCastException
                | IllegalStateException
                | UnsupportedOperationException
                | NumberFormatException e) {
            throw new ModelFormatException(
                    file
                            + ": manifest lacks a required field or has one"
                            + " of the wrong type ("
                            + e
                            + ")");
        }
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String version() {
        String v = ModelManifest.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
