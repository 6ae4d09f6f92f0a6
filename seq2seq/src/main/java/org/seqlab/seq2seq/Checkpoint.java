package org.seqlab.seq2seq;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.Json;

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
     * @param learningRate the current learning rate
     * @param bestValidLoss the best validation loss so far (NaN if none)
     * @param badEpochs epochs since the last improvement
     * @param elapsedSeconds training seconds spent in all runs so far
     * @param epochLossSum summed mean losses of the steps run in this epoch
     * @param epochSteps steps run in this epoch
     * @param epochTokens tokens seen in this epoch
     */
    public record Position(
            int epoch,
            int step,
            long globalStep,
            float learningRate,
            double bestValidLoss,
            int badEpochs,
            double elapsedSeconds,
            double epochLossSum,
            int epochSteps,
            long epochTokens) {}

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
        AtomicFiles.writeString(tmp.resolve(POSITION), Json.toJson(position));
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
        try {
            return Json.fromJson(json, Position.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(POSITION) + ": unreadable checkpoint position", e);
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
