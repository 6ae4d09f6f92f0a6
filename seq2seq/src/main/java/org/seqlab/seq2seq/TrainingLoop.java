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
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.LossCurveChart;
import org.seqlab.eval.TrainingLog;

/**
 * Trains a {@link TrainingTask}: Adam, global-norm clipping, validation every epoch, keeping the
 * best model, learning-rate decay on a plateau, atomic checkpoints, resume, a wall-clock budget and
 * a stop on a non-finite loss.
 *
 * <p>Dropout is re-seeded from {@code (seed, globalStep)} before every step, so a run resumed from
 * a checkpoint applies exactly the updates the uninterrupted run would have applied.
 */
public final class TrainingLoop {

    /** Name of the JSON-lines training log written in the run directory. */
    public static final String LOG = "training-log.jsonl";

    /** Name of the loss-curve chart written in the run directory. */
    public static final String CHART = "loss-curve.png";

    /** Why a run ended. */
    public enum StopReason {
        /** All epochs ran. */
        COMPLETED,
        /** The {@code --max-time} budget ran out. */
        MAX_TIME,
        /** The learning rate decayed below its floor. */
        LEARNING_RATE_FLOOR
    }

    /**
     * The outcome of {@link #run}.
     *
     * @param reason why the run ended
     * @param epochsCompleted epochs completed, counting earlier runs of a resumed training
     * @param globalStep updates applied in total
     * @param bestValidLoss the best validation loss in nats per token
     * @param elapsedSeconds training time of all runs together
     * @param tokensPerSecond training throughput of this run (validation excluded)
     */
    public record Result(
            StopReason reason,
            int epochsCompleted,
            long globalStep,
            double bestValidLoss,
            double elapsedSeconds,
            double tokensPerSecond) {}

    private final TrainingTask task;
    private final TrainingConfig config;
    private final Path runDir;
    private final TrainingListener listener;
    private WeightAverage average;

    /** Creates a loop that keeps its checkpoint, log and chart in {@code runDir}. */
    public TrainingLoop(
            TrainingTask task, TrainingConfig config, Path runDir, TrainingListener listener) {
        this.task = task;
        this.config = config;
        this.runDir = runDir;
        this.listener = listener == null ? new TrainingListener() {} : listener;
    }

    /** Returns true when {@code runDir} holds a checkpoint that {@code run(true)} can resume. */
    public static boolean hasCheckpoint(Path runDir) {
        return Checkpoint.find(runDir) != null;
    }

    /**
     * Runs training to completion, to the time budget or to the learning-rate floor.
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
        Path log = runDir.resolve(LOG);
        try (AdamOptimizer adam = AdamOptimizer.defaults(params, config.weightDecay());
                WeightAverage avg =
                        config.average() > 0 ? new WeightAverage(params, config.average()) : null) {
            average = avg;
            Checkpoint.Position pos = start(resume, params, adam, log);
            List<EpochRecord> history = new ArrayList<>(TrainingLog.read(log));
            return loop(pos, params, adam, log, history);
        } finally {
            average = null;
        }
    }

    private Checkpoint.Position start(
            boolean resume, NamedParameters params, AdamOptimizer adam, Path log)
            throws IOException {
        Path found = Checkpoint.find(runDir);
        if (!resume) {
            if (found != null) {
                throw new IllegalStateException(
                        runDir
                                + " already holds a training run; pass"
                                + " --resume to continue it or choose another output directory.");
            }
            Files.deleteIfExists(log);
            return new Checkpoint.Position(
                    0, 0, 0, config.learningRate(), Double.NaN, 0, 0, 0, 0, 0);
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
                kept.add(r);
            }
        }
        TrainingLog.write(log, kept);
        listener.onMessage(
                String.format(
                        "resuming at epoch %d, step %d (update %d)",
                        pos.epoch() + 1, pos.step(), pos.globalStep()));
        return pos;
    }

    /** Where the run stands; mutated step by step and snapshotted into checkpoints. */
    private static final class RunState {
        int epoch;
        int step;
        long global;
        float lr;
        double best;
        int bad;
        double lossSum;
        int epochSteps;
        long epochTokens;
        final double priorSeconds;
        final long t0 = System.nanoTime();

        RunState(Checkpoint.Position p) {
            epoch = p.epoch();
            step = p.step();
            global = p.globalStep();
            lr = p.learningRate();
            best = p.bestValidLoss();
            bad = p.badEpochs();
            lossSum = p.epochLossSum();
            epochSteps = p.epochSteps();
            epochTokens = p.epochTokens();
            priorSeconds = p.elapsedSeconds();
        }

        double seconds() {
            return priorSeconds + (System.nanoTime() - t0) / 1e9;
        }

        void startEpoch() {
            step = 0;
            lossSum = 0;
            epochSteps = 0;
            epochTokens = 0;
        }

        /** Returns the position at which a resumed run goes on with {@code (atEpoch, atStep)}. */
        Checkpoint.Position resumeAt(int atEpoch, int atStep) {
            boolean fresh = atStep == 0;
            return new Checkpoint.Position(
                    atEpoch,
                    atStep,
                    global,
                    lr,
                    best,
                    bad,
                    seconds(),
                    fresh ? 0 : lossSum,
                    fresh ? 0 : epochSteps,
                    fresh ? 0 : epochTokens);
        }
    }

    private Result loop(
            Checkpoint.Position start,
            NamedParameters params,
            AdamOptimizer adam,
            Path log,
            List<EpochRecord> history)
            throws IOException {
        RunState s = new RunState(start);
        long deadline =
                config.maxTime() == null ? Long.MAX_VALUE : s.t0 + config.maxTime().toNanos();
        int steps = task.stepsPerEpoch();
        long runTokens = 0;
        double trainNanos = 0;
        double stepNanos = 0;
        double validNanos = 0;
        StopReason reason = StopReason.COMPLETED;
        Engine engine = Engine.getInstance();
        for (; s.epoch < config.epochs(); s.epoch++, s.step = 0) {
            if (s.step == 0) {
                task.startEpoch(s.epoch);
                s.startEpoch();
            }
            long epochStart = System.nanoTime();
            for (; s.step < steps; s.step++) {
                if (System.nanoTime() + stepNanos + validNanos > deadline) {
                    reason = StopReason.MAX_TIME;
                    break;
                }
                long s0 = System.nanoTime();
                engine.setRandomSeed((int) mix(config.seed(), s.global));
                double loss;
                long tokens;
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
                double norm = GradientClipping.clipGlobalNorm(params, config.clipNorm());
                if (!Double.isFinite(norm)) {
                    throw diverged("gradient norm", norm, s);
                }
                adam.step(s.lr);
                s.global++;
                if (average != null) {
                    average.update(s.global);
                }
                s.lossSum += loss;
                s.epochSteps++;
                s.epochTokens += tokens;
                runTokens += tokens;
                long dt = System.nanoTime() - s0;
                trainNanos += dt;
                stepNanos = stepNanos == 0 ? dt : 0.9 * stepNanos + 0.1 * dt;
                listener.onStep(s.epoch, s.step, steps, loss, runTokens / (trainNanos / 1e9));
                if (s.global % config.checkpointEvery() == 0 && s.step + 1 < steps) {
                    save(s.resumeAt(s.epoch, s.step + 1), params, adam);
                }
            }
            if (s.epochSteps == 0) {
                break;
            }
            long v0 = System.nanoTime();
            if (average != null) {
                average.swap(); // validate and keep the averaged weights
            }
            double valid = task.validate();
            validNanos = System.nanoTime() - v0;
            boolean partial = s.step < steps;
            double epochTokS = s.epochTokens / ((v0 - epochStart) / 1e9);
            EpochRecord record =
                    new EpochRecord(
                            s.epoch + 1,
                            s.global,
                            s.lossSum / s.epochSteps,
                            valid,
                            s.lr,
                            epochTokS,
                            s.seconds());
            boolean improved = Double.isNaN(valid) || Double.isNaN(s.best) || valid < s.best;
            if (improved) {
                s.best = Double.isNaN(valid) ? s.best : valid;
                s.bad = 0;
                task.saveBest(valid, s.epoch + 1);
            } else if (!partial) {
                s.bad++;
            }
            if (average != null) {
                average.swap(); // back to the trained weights
            }
            if (!partial) {
                TrainingLog.append(log, record);
                history.add(record);
                LossCurveChart.write(history, runDir.resolve(CHART), task.validationKind());
            }
            listener.onEpoch(record, improved);
            if (partial) {
                save(s.resumeAt(s.epoch, s.step), params, adam);
                break;
            }
            if (s.bad > config.patience()) {
                s.lr *= config.lrDecay();
                s.bad = 0;
                listener.onMessage(
                        String.format("validation did not improve: learning rate now %.3g", s.lr));
            }
            save(s.resumeAt(s.epoch + 1, 0), params, adam);
            if (s.lr < config.minLearningRate()) {
                reason = StopReason.LEARNING_RATE_FLOOR;
                s.epoch++;
                break;
            }
        }
        return new Result(
                reason,
                Math.min(s.epoch, config.epochs()),
                s.global,
                s.best,
                s.seconds(),
                trainNanos == 0 ? 0 : runTokens / (trainNanos / 1e9));
    }

    private void save(Checkpoint.Position at, NamedParameters params, AdamOptimizer adam)
            throws IOException {
        NDList state = new NDList();
        state.addAll(task.checkpointState());
        if (average != null) {
            state.addAll(average.state());
        }
        Checkpoint.save(runDir, at, params, adam, state);
    }

    private TrainingDivergedException diverged(String what, double value, RunState s) {
        return new TrainingDivergedException(
                String.format(
                        "Training stopped: the %s became %s at"
                                + " epoch %d, step %d (update %d). The last good checkpoint in %s is kept;"
                                + " try a lower --lr or --clip.",
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
