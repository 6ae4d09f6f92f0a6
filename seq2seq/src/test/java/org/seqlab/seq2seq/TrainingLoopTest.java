package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;
import org.seqlab.eval.ValidationMetric;

/** The loop's control logic, on a one-weight task whose losses and validations are scripted. */
class TrainingLoopTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** loss = w * x_step; validation returns the scripted values in turn. */
    private final class Scripted implements TrainingTask {
        final NamedParameters params = new NamedParameters(manager, 1);
        final NDArray w = params.add("w", manager.create(new float[] {1f}));
        final float[] xs;
        final double[] valids;
        final List<Double> savedBest = new ArrayList<>();
        final List<Float> seen = new ArrayList<>();
        final List<Float> validated = new ArrayList<>();
        ValidationMetric metric = ValidationMetric.LOSS;
        int validations;
        long sleepMillis;

        Scripted(float[] xs, double... valids) {
            this.xs = xs;
            this.valids = valids;
        }

        @Override
        public NamedParameters parameters() {
            return params;
        }

        @Override
        public int stepsPerEpoch() {
            return xs.length;
        }

        @Override
        public void startEpoch(int epoch) {}

        @Override
        public StepLoss forward(NDManager m, int epoch, int step) {
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            seen.add(w.getFloat());
            return new StepLoss(w.mul(xs[step]).sum(), 10);
        }

        @Override
        public double validate() {
            validated.add(w.getFloat());
            return valids[Math.min(validations++, valids.length - 1)];
        }

        @Override
        public ValidationMetric metric() {
            return metric;
        }

        @Override
        public void saveBest(double validLoss, int epoch) {
            savedBest.add(validLoss);
        }

        @Override
        public NDList checkpointState() {
            return new NDList();
        }

        @Override
        public void restoreState(NDList state) {}
    }

    private static TrainingConfig config(int epochs, Duration maxTime, int checkpointEvery) {
        return new TrainingConfig(
                epochs, 0.1f, 0, 0, 0.5f, 0, 0.01f, maxTime, checkpointEvery, 7, 0, 0);
    }

    private static TrainingConfig stopping(int epochs, int stopAfter) {
        return new TrainingConfig(epochs, 0.1f, 0, 0, 0.9f, 5, 0.01f, null, 100, 7, 0, stopAfter);
    }

    @Test
    void aHigherIsBetterMetricKeepsItsMaximumAndStopsAfterNBadValidations(@TempDir Path dir)
            throws IOException {
        Scripted task = new Scripted(new float[] {1, 1}, 0.5, 0.7, 0.6, 0.65, 0.7, 0.9);
        task.metric = ValidationMetric.ACCURACY;
        TrainingLoop.Result r = new TrainingLoop(task, stopping(10, 3), dir, null).run(false);
        assertEquals(TrainingLoop.StopReason.NO_IMPROVEMENT, r.reason());
        assertEquals(List.of(0.5, 0.7), task.savedBest);
        assertEquals(0.7, r.bestValid());
        assertEquals(5, r.epochsCompleted());
        List<EpochRecord> log = TrainingLog.read(dir.resolve(TrainingLoop.LOG));
        assertEquals(5, log.size());
        assertEquals("accuracy", log.get(0).metric());
        assertEquals(0.65, log.get(3).valid());
    }

    @Test
    void validEveryValidatesInsideEpochsWhileTheScheduleCountsEpochs(@TempDir Path dir)
            throws IOException {
        // 4 steps per epoch, validation every 2 updates: inside each epoch after update 2, and at
        // its end. Epoch 1: 0.9 then 0.5 (best); epoch 2: 0.4 (best) then 0.45, which is worse
        // than the best but the epoch improved, so the learning rate must not decay for epoch 3.
        Scripted task = new Scripted(new float[] {1, 1, 1, 1}, 0.9, 0.5, 0.4, 0.45, 0.3, 0.35);
        TrainingConfig cfg =
                new TrainingConfig(3, 0.1f, 0, 0, 0.5f, 0, 0.01f, null, 100, 7, 0, 0, 2, 0);
        TrainingLoop.Result r = new TrainingLoop(task, cfg, dir, null).run(false);
        assertEquals(List.of(0.9, 0.5, 0.4, 0.3), task.savedBest);
        assertEquals(0.3, r.bestValid());
        List<EpochRecord> log = TrainingLog.read(dir.resolve(TrainingLoop.LOG));
        assertEquals(6, log.size());
        assertEquals(
                List.of(true, false, true, false, true, false),
                log.stream().map(EpochRecord::partial).toList());
        assertEquals(
                List.of(2L, 4L, 6L, 8L, 10L, 12L), log.stream().map(EpochRecord::step).toList());
        assertEquals(0.1, log.get(4).learningRate(), 1e-6, "an improving epoch keeps its rate");
        assertThrows(
                org.seqlab.io.SettingException.class,
                () -> new TrainingConfig(2, 0.1f, 0, 0, 0.5f, 0, 0.01f, null, 100, 7, 0, 0, -1, 0));
    }

    @Test
    void aStopInsideAnEpochIsLoggedAsPartialAndRedoneOnResume(@TempDir Path dir)
            throws IOException {
        Scripted task = new Scripted(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 2.0, 1.0);
        task.sleepMillis = 60;
        new TrainingLoop(task, config(2, Duration.ofMillis(250), 100), dir, null).run(false);
        List<EpochRecord> log = TrainingLog.read(dir.resolve(TrainingLoop.LOG));
        assertEquals(1, log.size(), "the part of epoch 1 that ran is logged");
        assertTrue(log.get(0).partial());
        double partialRate = log.get(0).tokensPerSecond();
        assertTrue(partialRate > 0 && partialRate < 10 / 0.05, "tokens/s " + partialRate);
        task.sleepMillis = 0;
        new TrainingLoop(task, config(2, null, 100), dir, null).run(true);
        log = TrainingLog.read(dir.resolve(TrainingLoop.LOG));
        assertEquals(List.of(1, 2), log.stream().map(EpochRecord::epoch).toList());
        assertTrue(!log.get(0).partial() && !log.get(1).partial());
        // epoch 1 mixes slept steps (before the stop) and fast ones: its rate counts the time of
        // both runs, so it stays far below the fast rate of epoch 2
        assertTrue(
                log.get(0).tokensPerSecond() < log.get(1).tokensPerSecond() / 4,
                log.get(0).tokensPerSecond() + " vs " + log.get(1).tokensPerSecond());
    }

    private static TrainingConfig averaged(int epochs, float average) {
        return new TrainingConfig(epochs, 0.1f, 0, 0, 0.5f, 0, 0.01f, null, 100, 7, average, 0);
    }

    @Test
    void averagedWeightsAreValidatedWhileTrainingGoesOnUnchanged(@TempDir Path dir)
            throws IOException {
        float[] xs = {1, -2, 3, 0.5f};
        Scripted plain = new Scripted(xs, 3.0, 2.0);
        new TrainingLoop(plain, averaged(2, 0), dir.resolve("plain"), null).run(false);
        Scripted avg = new Scripted(xs, 3.0, 2.0);
        new TrainingLoop(avg, averaged(2, 0.5f), dir.resolve("avg"), null).run(false);
        assertEquals(plain.w.getFloat(), avg.w.getFloat(), "training itself is unchanged");
        assertEquals(plain.seen, avg.seen);
        List<Float> trained = new ArrayList<>(avg.seen);
        trained.add(avg.w.getFloat()); // trained.get(t) = weight after t updates
        double a = trained.get(0);
        for (int t = 1; t <= 8; t++) {
            double d = Math.min(0.5, (1.0 + t) / (10.0 + t));
            a = d * a + (1 - d) * trained.get(t);
            if (t % 4 == 0) {
                assertEquals(a, avg.validated.get(t / 4 - 1), 1e-6, "average after update " + t);
            }
        }
        assertTrue(Math.abs(a - trained.get(8)) > 1e-3, "the average differs from the weights");
    }

    @Test
    void averagesSurviveAResume(@TempDir Path dir) throws IOException {
        float[] xs = {1, -2, 3, 0.5f};
        Scripted once = new Scripted(xs, 3.0, 2.0);
        new TrainingLoop(once, averaged(2, 0.9f), dir.resolve("once"), null).run(false);
        Scripted first = new Scripted(xs, 3.0);
        new TrainingLoop(first, averaged(1, 0.9f), dir.resolve("twice"), null).run(false);
        Scripted second = new Scripted(xs, 2.0);
        new TrainingLoop(second, averaged(2, 0.9f), dir.resolve("twice"), null).run(true);
        assertEquals(once.validated.get(1), second.validated.get(0), 1e-7);
        assertEquals(once.w.getFloat(), second.w.getFloat(), 1e-7);
        new TrainingLoop(new Scripted(xs, 3.0), averaged(1, 0), dir.resolve("plain"), null)
                .run(false);
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                new TrainingLoop(
                                                new Scripted(xs, 2.0),
                                                averaged(2, 0.9f),
                                                dir.resolve("plain"),
                                                null)
                                        .run(true));
        assertTrue(e.getMessage().contains("without weight averaging"), e.getMessage());
    }

    @Test
    void nonFiniteLossStopsAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        Scripted task = new Scripted(new float[] {1, 2, Float.NaN, 3}, 1.0);
        TrainingLoop loop = new TrainingLoop(task, config(2, null, 1), dir, null);
        TrainingDivergedException e =
                assertThrows(TrainingDivergedException.class, () -> loop.run(false));
        assertTrue(e.getMessage().contains("loss became NaN at epoch 1, step 2"), e.getMessage());
        Checkpoint.Position pos = Checkpoint.readPosition(Checkpoint.find(dir));
        assertEquals(2, pos.step());
        assertEquals(2, pos.globalStep());
        float[] good = task.w.toFloatArray();
        try (NamedParameters reloaded = new NamedParameters(manager, 1)) {
            reloaded.add("w", manager.create(new float[] {0f}));
            reloaded.load(Checkpoint.find(dir).resolve("params.safetensors"));
            assertArrayEquals(good, reloaded.get("w").toFloatArray());
        }
    }

    @Test
    void learningRateDecaysWhenValidationStopsImprovingAndBestIsKept(@TempDir Path dir)
            throws IOException {
        Scripted task = new Scripted(new float[] {1, 1}, 3.0, 2.0, 2.5, 2.4, 1.5);
        TrainingLoop.Result r = new TrainingLoop(task, config(5, null, 100), dir, null).run(false);
        assertEquals(TrainingLoop.StopReason.COMPLETED, r.reason());
        assertEquals(List.of(3.0, 2.0, 1.5), task.savedBest);
        assertEquals(1.5, r.bestValid());
        var log = TrainingLog.read(dir.resolve(TrainingLoop.LOG));
        assertEquals(5, log.size());
        // epochs 1-3 at 0.1; epoch 3 did not improve -> 0.05; epoch 4 did not -> 0.025
        assertEquals(0.1, log.get(2).learningRate(), 1e-7);
        assertEquals(0.05, log.get(3).learningRate(), 1e-7);
        assertEquals(0.025, log.get(4).learningRate(), 1e-7);
        assertEquals(10, r.globalStep());
    }

    @Test
    void maxTimeStopsCleanlyWithACheckpointThatResumes(@TempDir Path dir) throws IOException {
        Scripted task = new Scripted(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 2.0, 1.0);
        task.sleepMillis = 60;
        TrainingLoop.Result r =
                new TrainingLoop(task, config(3, Duration.ofMillis(250), 100), dir, null)
                        .run(false);
        assertEquals(TrainingLoop.StopReason.MAX_TIME, r.reason());
        Checkpoint.Position pos = Checkpoint.readPosition(Checkpoint.find(dir));
        assertTrue(pos.step() > 0 && pos.step() < 8, "stopped mid-epoch at " + pos);
        assertEquals(pos.globalStep(), r.globalStep());

        task.sleepMillis = 0;
        TrainingLoop.Result rest =
                new TrainingLoop(task, config(3, null, 100), dir, null).run(true);
        assertEquals(TrainingLoop.StopReason.COMPLETED, rest.reason());
        assertEquals(24, rest.globalStep());
        assertEquals(3, TrainingLog.read(dir.resolve(TrainingLoop.LOG)).size());
    }

    @Test
    void refusesToOverwriteARunOrResumeNothing(@TempDir Path dir) throws IOException {
        Scripted task = new Scripted(new float[] {1}, 1.0);
        assertThrows(
                IllegalStateException.class,
                () -> new TrainingLoop(task, config(1, null, 1), dir, null).run(true));
        new TrainingLoop(task, config(1, null, 1), dir, null).run(false);
        assertThrows(
                IllegalStateException.class,
                () -> new TrainingLoop(task, config(1, null, 1), dir, null).run(false));
    }
}
