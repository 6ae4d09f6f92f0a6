package org.seqlab.seq2seq;

import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.JsonRecords;

/**
 * What every task's training run records beside its model so that {@code --resume} can continue it:
 * {@code run.json} (task, configuration, the SHA-256 of the training data and the command that
 * started it), and the loop with the loss-curve chart attached.
 *
 * <p>A new run refuses a directory that already holds a checkpoint; a resumed run refuses data
 * whose fingerprint changed and continues with the recorded configuration (only the time budget is
 * new).
 */
public final class TrainingRun {

    /** The file name inside the run directory. */
    public static final String FILE = "run.json";

    /**
     * What a run records.
     *
     * @param task the task id, e.g. {@code sentiment} (absent from lm runs of earlier versions)
     * @param config the task's configuration, as in the manifest
     * @param dataSha256 the SHA-256 of the training data ({@code corpus_sha256} in earlier lm runs)
     * @param command the command line that started the run
     * @param initFrom the model the run started from ({@link FineTune#toJson()}), or null
     */
    public record Recorded(
            @JsonRecords.Optional("\"lm\"") String task,
            JsonObject config,
            @SerializedName(value = "data_sha256", alternate = "corpus_sha256") String dataSha256,
            String command,
            @JsonRecords.Optional JsonObject initFrom) {

        /** A run that starts from fresh weights. */
        public Recorded(String task, JsonObject config, String dataSha256, String command) {
            this(task, config, dataSha256, command, (JsonObject) null);
        }

        /** A run that starts from {@code source}'s weights, or fresh ones when it is null. */
        public Recorded(
                String task,
                JsonObject config,
                String dataSha256,
                String command,
                FineTune source) {
            this(task, config, dataSha256, command, source == null ? null : source.toJson());
        }

        /**
         * Reopens the model the run started from, or returns null (see {@link FineTune#resumed}).
         */
        public FineTune source() throws IOException {
            return FineTune.resumed(initFrom, task);
        }
    }

    private TrainingRun() {}

    /**
     * Starts a new run in {@code out}: refuses a directory holding a checkpoint and writes {@code
     * run.json}.
     */
    public static void begin(Path out, Recorded run) throws IOException {
        requireFresh(out);
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(FILE), JsonRecords.toJson(run) + "\n");
    }

    /** Refuses a directory that already holds a training run (a checkpoint). */
    public static void requireFresh(Path out) {
        if (TrainingLoop.hasCheckpoint(out)) {
            throw new IllegalStateException(
                    out
                            + " already holds a training run; resume it (--resume) or choose"
                            + " another output directory.");
        }
    }

    /**
     * Reads the run to resume in {@code out} and checks that it is of {@code task} and was started
     * on the same data.
     *
     * @throws IllegalStateException when there is nothing to resume or the run is of another task
     * @throws IllegalArgumentException when the data changed
     */
    public static Recorded resume(Path out, String task, String dataSha256) throws IOException {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file) || !TrainingLoop.hasCheckpoint(out)) {
            throw new IllegalStateException(
                    "Cannot resume: "
                            + out
                            + " holds no checkpoint of a '"
                            + task
                            + "' training run.");
        }
        Recorded run;
        try {
            run =
                    JsonRecords.fromJson(
                            JsonRecords.parseObject(Files.readString(file, StandardCharsets.UTF_8)),
                            Recorded.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (!run.task().equals(task)) {
            throw new IllegalStateException(
                    "Cannot resume: "
                            + out
                            + " holds a '"
                            + run.task()
                            + "' run, not '"
                            + task
                            + "'.");
        }
        if (!run.dataSha256().equals(dataSha256)) {
            throw new IllegalArgumentException(
                    "Cannot resume: the training data differs from the data the run in "
                            + out
                            + " started with (SHA-256 mismatch).");
        }
        return run;
    }

    /**
     * Runs (or resumes) the training loop in {@code out}, drawing the loss curve ({@link
     * LossCurveWriter#FILE}) after every epoch.
     */
    public static TrainingLoop.Result train(
            TrainingTask task,
            TrainingConfig config,
            Path out,
            TrainingListener listener,
            boolean resume)
            throws IOException {
        return train(task, config, out, listener, resume, null);
    }

    /**
     * Runs (or resumes) a run that started from {@code source} (null: from fresh weights), with its
     * frozen parts frozen.
     */
    public static TrainingLoop.Result train(
            TrainingTask task,
            TrainingConfig config,
            Path out,
            TrainingListener listener,
            boolean resume,
            FineTune source)
            throws IOException {
        if (source != null) {
            task = source.freeze().apply(task);
        }
        TrainingListener all =
                TrainingListener.all(
                        listener, new LossCurveWriter(out.resolve(LossCurveWriter.FILE)));
        return new TrainingLoop(task, config, out, all).run(resume);
    }
}
