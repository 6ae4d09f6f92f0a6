package org.seqlab.seq2seq;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;
import org.seqlab.eval.ValidationMetric;

/**
 * Trains a {@link TrainingTask}: Adam, global-norm clipping, validation every epoch by the task's
 * named metric, keeping the best model, learning-rate decay on a plateau, an early stop after
 * {@code stopAfter} validations without improvement, atomic checkpoints, resume, a wall-clock
 * budget and a stop on a non-finite loss. It writes the training log; charts and progress lines are
 * drawn by listeners (e.g. {@link LossCurveWriter}).
 *
 * <p>Dropout is re-seeded from {@code (seed, globalStep)} before every step, so a run resumed from
 * a checkpoint applies exactly the updates the uninterrupted run would have applied.
 */
public final class TrainingLoop {

    /** Name of the JSON-lines training log written in the run directory. */
    public static final String LOG = "training-log.jsonl";

    /** Why a run ended. */
    public enum StopReason {
        /** All epochs ran. */
        COMPLETED,
        /** The {@code --max-time} budget ran out. */
        MAX_TIME,
        /** The learning rate decayed below its floor. */
        LEARNING_RATE_FLOOR,
        /** {@code stopAfter} validations in a row did not improve. */
        NO_IMPROVEMENT
    }

    /**
     * The outcome of {@link #run}.
     *
     * @param reason why the run ended
     * @param epochsCompleted epochs completed, counting earlier runs of a resumed training
     * @param globalStep updates applied in total
     * @param metric what the validation measured
     * @param bestValid the best validation value, in that metric
     * @param elapsedSeconds training time of all runs together
     * @param tokensPerSecond training throughput of this run (validation excluded)
     */
    public record Result(
            StopReason reason,
            int epochsCompleted,
            long globalStep,
            ValidationMetric metric,
            double bestValid,
            double elapsedSeconds,
            double tokensPerSecond) {}

    private final TrainingTask task;
    private final TrainingConfig config;
    private final Path runDir;
    private final TrainingListener listener;
    private final Path log;
    private WeightAverage average;
    private AdamOptimizer adam;
    private Diagnostics diagnostics;

    /** Creates a loop that keeps its checkpoint and log in {@code runDir}. */
    public TrainingLoop(
            TrainingTask task, TrainingConfig config, Path runDir, TrainingListener listener) {
        this.task = task;
        this.config = config;
        this.runDir = runDir;
        this.listener = listener == null ? new TrainingListener() {} : listener;
        this.log = runDir.resolve(LOG);
    }

    /** Returns true when {@code runDir} holds a checkpoint that {@code run(true)} can resume. */
    public static boolean hasCheckpoint(Path runDir) {
        return Checkpoint.find(runDir) != null;
    }

    /**
     * Runs training to completion, to the time budget, to the learning-rate floor or to the early
     * stop.
     *
     * @param resume continue from the checkpoint in the run directory
     * @throws IllegalStateException when resuming without a checkpoint, or starting afresh over an
     *     existing one (which would destroy it)
     * @throws TrainingDivergedException when the loss or gradient norm stops being finite; the last
     *     good checkpoint is left in place
     */
    public Result run(boolean resume) throws IOException {
        Files.createDirectories(runDir);
        NamedParameters params = task.parameters();
        try (AdamOptimizer opt = AdamOptimizer.defaults(params, config.weightDecay());
                WeightAverage avg =
                        config.average() > 0 ? new WeightAverage(params, config.average()) : null) {
            adam = opt;
            average = avg;
            diagnostics =
                    config.diagnosticsEvery() > 0
                            ? new Diagnostics(runDir, config.diagnosticsEvery(), config.clipNorm())
                            : null;
            RunState s = new RunState(start(resume, params));
            listener.onStart(TrainingLog.read(log));
            return loop(s, params);
        } finally {
            adam = null;
            average = null;
            diagnostics = null;
        }
    }

    private Checkpoint.Position start(boolean resume, NamedParameters params) throws IOException {
        Path found = Checkpoint.find(runDir);
        if (!resume) {
            if (found != null) {
                throw new IllegalStateException(
                        runDir
                                + " already holds a training run; resume it or choose another"
                                + " output directory.");
            }
            Files.deleteIfExists(log);
            Files.deleteIfExists(runDir.resolve(Diagnostics.FILE));
            return Checkpoint.Position.start(config.learningRate());
        }
        if (found == null) {
            throw new IllegalStateException("Cannot resume: " + runDir + " holds no checkpoint.");
        }
        Checkpoint.Position pos = Checkpoint.readPosition(found);
        try (NDManager scratch = params.manager().newSubManager()) {
            NDList state = Checkpoint.restore(found, params, adam, scratch);
            if (average != null) {
                average.restore(state);
            }
            if (pos.step() > 0) {
                task.restoreState(WeightAverage.withoutAverages(state));
            }
        }
        List<EpochRecord> kept = new ArrayList<>();
        for (EpochRecord r : TrainingLog.read(log)) {
            if (r.epoch() <= pos.epoch()) {
                kept.add(r); // records of the epoch being resumed (a partial one) are redone
            }
        }
        TrainingLog.write(log, kept);
        listener.onMessage(
                String.format(
                        Locale.ROOT,
                        "resuming at epoch %d, step %d (update %d)",
                        pos.epoch() + 1,
                        pos.step(),
                        pos.globalStep()));
        return pos;
    }

    private Result loop(RunState s, NamedParameters params) throws IOException {
        long deadline =
                config.maxTime() == null ? Long.MAX_VALUE : s.t0 + config.maxTime().toNanos();
        StopReason reason = StopReason.COMPLETED;
        for (; s.epoch < config.epochs(); s.epoch++, s.step = 0) {
            if (s.step == 0) {
                task.startEpoch(s.epoch);
                s.startEpoch();
            }
            boolean timeUp = trainEpoch(s, params, deadline);
            if (s.epochSteps == 0) {
                reason = timeUp ? StopReason.MAX_TIME : reason;
                break;
            }
            StopReason stop = endEpoch(s, params, timeUp);
            if (stop != null) {
                reason = stop;
                break;
            }
        }
        return new Result(
                reason,
                Math.min(s.epoch, config.epochs()),
                s.global,
                task.metric(),
                s.best,
                s.seconds(),
                s.trainNanos == 0 ? 0 : s.runTokens / (s.trainNanos / 1e9));
    }

    /** Runs the rest of the current epoch's steps; returns true when the time budget ran out. */
    private boolean trainEpoch(RunState s, NamedParameters params, long deadline)
            throws IOException {
        int steps = task.stepsPerEpoch();
        Engine engine = Engine.getInstance();
        for (; s.step < steps; s.step++) {
            if (System.nanoTime() + s.stepNanos + s.validNanos > deadline) {
                return true;
            }
            long s0 = System.nanoTime();
            engine.setRandomSeed((int) mix(config.seed(), s.global));
            double loss;
            long tokens;
            boolean diagnose = diagnostics != null && diagnostics.due(s.global);
            try (GradientProbes probes = diagnose ? GradientProbes.open(params.manager()) : null) {
                try (NDManager sm = params.manager().newSubManager();
                        GradientCollector gc = engine.newGradientCollector()) {
                    TrainingTask.StepLoss out = task.forward(sm, s.epoch, s.step);
                    loss = out.loss().getFloat();
                    tokens = out.tokens();
                    if (!Double.isFinite(loss)) {
                        throw diverged("loss", loss, s);
                    }
                    gc.backward(out.loss());
                }
                task.beforeUpdate(s.epoch);
                Map<String, Double> layers = diagnose ? Diagnostics.layerNorms(params) : null;
                double norm = GradientClipping.clipGlobalNorm(params, config.clipNorm());
                if (!Double.isFinite(norm)) {
                    throw diverged("gradient norm", norm, s);
                }
                if (diagnostics != null) {
                    diagnostics.count(norm);
                    if (diagnose) {
                        diagnostics.record(
                                s.epoch + 1, s.global + 1, loss, norm, layers, probes.norms());
                    }
                }
            }
            adam.step(s.lr);
            s.global++;
            if (average != null) {
                average.update(s.global);
            }
            long dt = System.nanoTime() - s0;
            s.lossSum += loss;
            s.epochSteps++;
            s.epochTokens += tokens;
            s.epochSeconds += dt / 1e9;
            s.runTokens += tokens;
            s.trainNanos += dt;
            s.stepNanos = s.stepNanos == 0 ? dt : 0.9 * s.stepNanos + 0.1 * dt;
            listener.onStep(s.epoch, s.step, steps, loss, s.runTokens / (s.trainNanos / 1e9));
            if (config.validEvery() > 0
                    && s.global % config.validEvery() == 0
                    && s.step + 1 < steps) {
                validateWithin(s);
            }
            if (s.global % config.checkpointEvery() == 0 && s.step + 1 < steps) {
                save(s.resumeAt(s.epoch, s.step + 1));
            }
        }
        return false;
    }

    /**
     * Validates inside an epoch ({@code valid_every}): logs a partial record of the epoch so far
     * and keeps the model when it is the best yet; the schedule (learning-rate decay, early
     * stopping) still counts whole epochs.
     */
    private void validateWithin(RunState s) throws IOException {
        validateAndLog(s, true);
    }

    /**
     * Validates (the averaged weights, with averaging), saves the model when it is the best yet,
     * and logs the record of the epoch so far.
     */
    private void validateAndLog(RunState s, boolean partial) throws IOException {
        long v0 = System.nanoTime();
        if (average != null) {
            average.swap(); // validate and keep the averaged weights
        }
        double valid = task.validate();
        ValidationMetric metric = task.metric();
        boolean improved = metric.improves(valid, s.best) || Double.isNaN(s.best);
        if (improved) {
            s.best = Double.isNaN(valid) ? s.best : valid;
            s.improvedThisEpoch = true;
            task.saveBest(valid, s.epoch + 1);
        }
        if (average != null) {
            average.swap(); // back to the trained weights
        }
        s.validNanos = System.nanoTime() - v0;
        EpochRecord record =
                new EpochRecord(
                        s.epoch + 1,
                        s.global,
                        s.lossSum / s.epochSteps,
                        metric.name(),
                        valid,
                        s.lr,
                        s.epochSeconds > 0 ? s.epochTokens / s.epochSeconds : 0,
                        s.seconds(),
                        partial);
        TrainingLog.append(log, record);
        listener.onEpoch(record, improved);
    }

    /**
     * Validates, logs and checkpoints the epoch (or the part of it that ran before the time budget
     * ran out), and applies the schedule; returns why training stops now, or null to go on.
     */
    private StopReason endEpoch(RunState s, NamedParameters params, boolean partial)
            throws IOException {
        validateAndLog(s, partial);
        if (diagnostics != null) {
            diagnostics.draw();
        }
        ValidationMetric metric = task.metric();
        boolean improved = s.improvedThisEpoch; // by this or an earlier validation of the epoch
        s.improvedThisEpoch = false;
        if (partial) {
            save(s.resumeAt(s.epoch, s.step));
            return StopReason.MAX_TIME;
        }
        s.sinceDecay = improved ? 0 : s.sinceDecay + 1;
        s.sinceBest = improved ? 0 : s.sinceBest + 1;
        if (s.sinceDecay > config.patience()) {
            s.lr *= config.lrDecay();
            s.sinceDecay = 0;
            listener.onMessage(
                    String.format(
                            Locale.ROOT,
                            "validation %s did not improve: learning rate now %.3g",
                            metric.name(),
                            s.lr));
        }
        save(s.resumeAt(s.epoch + 1, 0));
        if (config.stopAfter() > 0 && s.sinceBest >= config.stopAfter()) {
            listener.onMessage(
                    String.format(
                            Locale.ROOT,
                            "stopping: validation %s has not improved for %d epochs",
                            metric.name(),
                            s.sinceBest));
            s.epoch++;
            return StopReason.NO_IMPROVEMENT;
        }
        if (s.lr < config.minLearningRate()) {
            s.epoch++;
            return StopReason.LEARNING_RATE_FLOOR;
        }
        return null;
    }

    private void save(Checkpoint.Position at) throws IOException {
        NDList state = new NDList();
        state.addAll(task.checkpointState());
        if (average != null) {
            state.addAll(average.state());
        }
        Checkpoint.save(runDir, at, task.parameters(), adam, state);
    }

    private TrainingDivergedException diverged(String what, double value, RunState s) {
        return new TrainingDivergedException(
                String.format(
                        Locale.ROOT,
                        "Training stopped: the %s became %s at epoch %d, step %d (update %d). The"
                                + " last good checkpoint in %s is kept; try a lower learning rate"
                                + " or gradient-norm limit.",
                        what,
                        value,
                        s.epoch + 1,
                        s.step,
                        s.global,
                        runDir.resolve(Checkpoint.DIR)));
    }

    /** Mixes a seed and a step into one well-spread seed (SplitMix64 finalizer). */
    static long mix(long seed, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
