package org.seqlab.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.Json;
import org.seqlab.io.JsonRecords;

/**
 * A training log in JSON-lines format: one {@link EpochRecord} per line.
 *
 * <p>A line looks like {@code
 * {"epoch":1,"step":156,"train_loss":2.1,"metric":"accuracy","valid":0.91,"learning_rate":0.001,
 * "tokens_per_s":5400.0,"elapsed_s":12.5,"partial":false}}; a missing validation value is written
 * as {@code null}. Logs of earlier versions, whose lines carry {@code "valid_loss"} instead of
 * {@code metric} and {@code valid}, still read (as the metric {@code loss}). Lines are appended one
 * at a time and forced to disk, so a crash loses at most the line being written. Blank lines are
 * ignored when reading.
 */
public final class TrainingLog {

    private static final String[] KEYS = {
        "epoch", "step", "train_loss", "learning_rate", "tokens_per_s", "elapsed_s"
    };

    private TrainingLog() {}

    /**
     * Appends one record as one line and forces it to disk.
     *
     * <p>The file is created if it does not exist. The line is written with a single write call.
     *
     * @param file the log file
     * @param record the record to append
     * @throws IOException if the file cannot be written
     */
    public static void append(Path file, EpochRecord record) throws IOException {
        ByteBuffer line = ByteBuffer.wrap(toLine(record).getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE)) {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(true);
        }
    }

    /**
     * Reads every record of a log.
     *
     * @param file the log file
     * @return the records in file order; empty if the file does not exist
     * @throws IOException if the file cannot be read, or a line is malformed; the message then
     *     names the file and the 1-based line number as {@code file:line}
     */
    public static List<EpochRecord> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not a training log (not UTF-8 text)", e);
        }
        List<EpochRecord> records = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                records.add(parseLine(line));
            } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
                throw new IOException(
                        file + ":" + (i + 1) + ": malformed training log line: " + e.getMessage(),
                        e);
            }
        }
        return List.copyOf(records);
    }

    /**
     * Replaces the whole log with the given records, atomically.
     *
     * <p>The records are written to a temporary file in the same directory, forced to disk, and
     * moved over {@code file}; readers see either the old or the new content. Used on resume to cut
     * the log back to a checkpoint.
     *
     * @param file the log file
     * @param records the records to keep, in order; may be empty
     * @throws IOException if the file cannot be written or replaced
     */
    public static void write(Path file, List<EpochRecord> records) throws IOException {
        StringBuilder text = new StringBuilder();
        for (EpochRecord record : records) {
            text.append(toLine(record));
        }
        AtomicFiles.writeString(file, text.toString());
    }

    private static String toLine(EpochRecord r) {
        return "{\"epoch\":"
                + r.epoch()
                + ",\"step\":"
                + r.step()
                + ",\"train_loss\":"
                + Json.number(r.trainLoss())
                + ",\"metric\":"
                + Json.toJson(r.metric())
                + ",\"valid\":"
                + Json.number(r.valid())
                + ",\"learning_rate\":"
                + Json.number(r.learningRate())
                + ",\"tokens_per_s\":"
                + Json.number(r.tokensPerSecond())
                + ",\"elapsed_s\":"
                + Json.number(r.elapsedSeconds())
                + ",\"partial\":"
                + r.partial()
                + "}\n";
    }

    private static EpochRecord parseLine(String line) {
        JsonObject object = JsonRecords.parseObject(line);
        for (String key : KEYS) {
            if (!object.has(key)) {
                throw new IllegalArgumentException("the key '" + key + "' is missing");
            }
        }
        boolean old = !object.has("metric") && object.has("valid_loss");
        if (!old && !(object.has("metric") && object.has("valid"))) {
            throw new IllegalArgumentException("the keys 'metric' and 'valid' are missing");
        }
        JsonElement metric = object.get("metric");
        if (!old && !(metric.isJsonPrimitive() && metric.getAsJsonPrimitive().isString())) {
            throw new IllegalArgumentException(
                    "the value of 'metric' is " + metric + ", not a name");
        }
        JsonElement partial = object.get("partial");
        return new EpochRecord(
                (int) integer(object, "epoch"),
                integer(object, "step"),
                real(object, "train_loss"),
                old ? ValidationMetric.LOSS.name() : metric.getAsString(),
                real(object, old ? "valid_loss" : "valid"),
                real(object, "learning_rate"),
                real(object, "tokens_per_s"),
                real(object, "elapsed_s"),
                partial != null && partial.isJsonPrimitive() && partial.getAsBoolean());
    }

    private static long integer(JsonObject object, String key) {
        double value = real(object, key);
        if (value != Math.rint(value) || Math.abs(value) > (1L << 53)) {
            throw new IllegalArgumentException(
                    "the value of '" + key + "' is " + object.get(key) + ", not an integer");
        }
        if (key.equals("epoch") && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("the epoch " + (long) value + " is out of range");
        }
        return (long) value;
    }

    private static double real(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value.isJsonNull()) {
            return Double.NaN;
        }
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            if (primitive.isNumber()) {
                return primitive.getAsDouble();
            }
        }
        throw new IllegalArgumentException(
                "the value of '" + key + "' is " + value + ", not a number or null");
    }
}
