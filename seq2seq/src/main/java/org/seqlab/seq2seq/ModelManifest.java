package org.seqlab.seq2seq;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.JsonRecords;

/**
 * The {@code manifest.json} of a model directory: format version, seqlab version, task, config,
 * seed, data fingerprint, metrics and the command that trained it.
 *
 * <p>The file is the record mapped by {@link JsonRecords} (snake-case keys, {@code NaN} metrics
 * written as {@code null}) after a constant {@code "format": "seqlab-model"}, pretty-printed.
 * {@link #read} refuses a directory without a manifest, a file that is not JSON, a missing or
 * mistyped field, a manifest of another task or of a newer format version, and says in one line
 * what it expected and what it found. {@code seqlab_version}, {@code command} and {@code created}
 * are informative and may be missing (read as empty).
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
        @JsonRecords.Optional("\"\"") String seqlabVersion,
        String task,
        JsonObject config,
        long seed,
        JsonObject data,
        JsonObject metrics,
        @JsonRecords.Optional("\"\"") String command,
        @JsonRecords.Optional("\"\"") String created) {

    /** The file name inside a model directory. */
    public static final String FILE = "manifest.json";

    /** The directory format version this seqlab writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** seqlab's version, from the jar manifest when packaged. */
    public static final String SEQLAB_VERSION = version();

    private static final String FORMAT_KEY = "format";
    private static final String FORMAT = "seqlab-model";
    private static final String VERSION_KEY = "format_version";

    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /** Refuses null for the fields every reader needs; the informative ones default to empty. */
    public ModelManifest {
        requireField(task, "task", "a string");
        requireField(config, "config", "an object");
        requireField(data, "data", "an object");
        requireField(metrics, "metrics", "an object");
        seqlabVersion = seqlabVersion == null ? "" : seqlabVersion;
        command = command == null ? "" : command;
        created = created == null ? "" : created;
    }

    private static void requireField(Object value, String key, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(
                    "field '" + key + "': expected " + expected + ", found null");
        }
    }

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

    /** Writes {@code dir/manifest.json} atomically; non-finite metrics become {@code null}. */
    public void write(Path dir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty(FORMAT_KEY, FORMAT);
        JsonRecords.toJson(this).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        AtomicFiles.writeString(dir.resolve(FILE), GSON.toJson(o) + "\n");
    }

    /**
     * Reads and checks {@code dir/manifest.json}.
     *
     * @param expectedTask the task the caller can load, or {@code null} for any
     * @throws ModelFormatException with one line naming the file (or directory) and the problem:
     *     the directory or manifest is missing, the file is not JSON, a field is missing or
     *     mistyped, or the model is of another task or of a newer format
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
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file + ": not valid JSON (not UTF-8 text)", e);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": unreadable (" + e.getMessage() + ")", e);
        }
        ModelManifest m;
        try {
            JsonObject o = JsonRecords.parseObject(text);
            refuseNewer(o, file);
            m = JsonRecords.fromJson(o, ModelManifest.class);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
        if (m.formatVersion() < 1) {
            throw new ModelFormatException(
                    file + ": invalid " + VERSION_KEY + " " + m.formatVersion());
        }
        if (expectedTask != null && !expectedTask.equals(m.task())) {
            throw new ModelFormatException(
                    String.format(
                            "%s holds a '%s' model, not a '%s' model",
                            dir, m.task(), expectedTask));
        }
        return m;
    }

    /** Refuses a newer format before its fields are checked, which that format may change. */
    private static void refuseNewer(JsonObject o, Path file) throws ModelFormatException {
        JsonElement v = o.get(VERSION_KEY);
        if (v != null
                && v.isJsonPrimitive()
                && v.getAsJsonPrimitive().isNumber()
                && v.getAsDouble() > FORMAT_VERSION) {
            throw new ModelFormatException(
                    String.format(
                            "%s: model format version %s is newer"
                                    + " than this seqlab (%s) reads (%d); upgrade seqlab",
                            file, v.getAsString(), SEQLAB_VERSION, FORMAT_VERSION));
        }
    }

    private static String version() {
        String v = ModelManifest.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
