package org.seqlab.seq2seq;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.JsonRecords;

/**
 * A training checkpoint: a directory with weights, optimizer state, task state and the loop's
 * position, replaced as a whole.
 *
 * <p>A new checkpoint is written into {@code checkpoint.tmp/}, then the old {@code checkpoint/} is
 * renamed to {@code checkpoint.old/}, the new one renamed into place and the old one deleted. A
 * crash at any point leaves a complete checkpoint under one of the two names, and {@link #find}
 * prefers the newest complete one.
 */
public final class Checkpoint {

    /** Name of the checkpoint directory inside a run directory. */
    public static final String DIR = "checkpoint";

    private static final String PARAMS = "params.safetensors";
    private static final String OPTIMIZER = "optimizer.safetensors";
    private static final String TASK = "task.safetensors";
    private static final String POSITION = "position.json";

    /**
     * Where a run stands.
     *
     * @param epoch the epoch being run (0-based)
     * @param step the next step within that epoch
     * @param globalStep updates applied so far
     * @param schedule the learning rate and the record of validations
     * @param totals what the steps run so far in this epoch added up to
     * @param elapsedSeconds training seconds spent in all runs so far
     */
    public record Position(
            int epoch,
            int step,
            long globalStep,
            Schedule schedule,
            EpochTotals totals,
            double elapsedSeconds) {

        /** Returns the position of a run that has not started, at learning rate {@code lr}. */
        public static Position start(float lr) {
            return new Position(0, 0, 0, new Schedule(lr, Double.NaN, 0, 0), EpochTotals.NONE, 0);
        }
    }

    /**
     * The learning-rate schedule's state.
     *
     * @param learningRate the current learning rate
     * @param best the best validation value so far (NaN if none)
     * @param sinceDecay validations without improvement since the last improvement or decay
     * @param sinceBest validations in a row without improvement
     */
    public record Schedule(float learningRate, double best, int sinceDecay, int sinceBest) {}

    /**
     * Sums over the steps run so far in the current epoch.
     *
     * @param lossSum summed mean losses of the steps
     * @param steps steps run
     * @param tokens tokens seen
     * @param seconds training seconds spent on them (validation excluded)
     */
    public record EpochTotals(double lossSum, int steps, long tokens, double seconds) {
        /** Nothing run yet. */
        public static final EpochTotals NONE = new EpochTotals(0, 0, 0, 0);
    }

    private Checkpoint() {}

    /** Writes a complete checkpoint of the run into {@code runDir}, replacing the previous one. */
    public static void save(
            Path runDir,
            Position position,
            NamedParameters params,
            AdamOptimizer optimizer,
            NDList taskState)
            throws IOException {
        Path tmp = runDir.resolve(DIR + ".tmp");
        Path current = runDir.resolve(DIR);
        Path old = runDir.resolve(DIR + ".old");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        params.save(tmp.resolve(PARAMS));
        optimizer.save(tmp.resolve(OPTIMIZER));
        AtomicFiles.write(
                tmp.resolve(TASK), out -> taskState.encode(out, NDList.Encoding.SAFETENSORS));
        AtomicFiles.writeString(tmp.resolve(POSITION), JsonRecords.toJson(position) + "\n");
        if (Files.exists(current)) {
            deleteTree(old);
            AtomicFiles.move(current, old);
        }
        AtomicFiles.move(tmp, current);
        deleteTree(old);
    }

    /** Returns the directory of the newest complete checkpoint in {@code runDir}, or null. */
    public static Path find(Path runDir) {
        for (String name : new String[] {DIR, DIR + ".old"}) {
            Path dir = runDir.resolve(name);
            if (Files.isRegularFile(dir.resolve(POSITION))) {
                return dir;
            }
        }
        return null;
    }

    /** Reads the position of a checkpoint directory. */
    public static Position readPosition(Path dir) throws IOException {
        String json = Files.readString(dir.resolve(POSITION), StandardCharsets.UTF_8);
        JsonObject o;
        try {
            o = JsonRecords.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(POSITION) + ": " + e.getMessage(), e);
        }
        if (!o.has("schedule") && o.has("learningRate")) {
            throw new IOException(
                    dir.resolve(POSITION)
                            + ": a checkpoint of an earlier seqlab version, which this one cannot"
                            + " resume; start the training again in a new directory");
        }
        try {
            return JsonRecords.fromJson(o, Position.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(POSITION) + ": " + e.getMessage(), e);
        }
    }

    /** Loads weights and optimizer state into the given objects and returns the task state. */
    public static NDList restore(
            Path dir, NamedParameters params, AdamOptimizer optimizer, NDManager manager)
            throws IOException {
        params.load(dir.resolve(PARAMS));
        optimizer.load(dir.resolve(OPTIMIZER));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(TASK)))) {
            return NDList.decode(manager, in);
        } catch (RuntimeException e) {
            throw new IOException(dir.resolve(TASK) + ": unreadable task state", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
