package org.seqlab.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;
import org.seqlab.seq2seq.Checkpoint;
import org.seqlab.tasks.cli.CliRun;

/**
 * Kills a real training process mid-run (SIGKILL, no chance to clean up), resumes it, and checks
 * that the result equals an uninterrupted run of the same command.
 */
class LmResumeTest {

    private static String[] args(Path corpus, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of(TinyCorpus.tinyTrainArgs(corpus, out, extra)));
        int i = a.indexOf("--epochs");
        a.set(i + 1, "2");
        return a.toArray(String[]::new);
    }

    @Test
    void aKilledRunResumesToTheSameModelAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path corpus = TinyCorpus.write(dir, "tiny.txt", 300);
        Path straight = dir.resolve("straight");
        CliRun r = CliRun.run(args(corpus, straight));
        assertEquals(0, r.code(), r.err());

        Path killed = dir.resolve("killed");
        Process p = startTraining(args(corpus, killed, "--max-time", "10m"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!hasMidRunCheckpoint(killed) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        assertTrue(hasMidRunCheckpoint(killed), "the child wrote a checkpoint before the kill");
        Checkpoint.Position at = Checkpoint.readPosition(Checkpoint.find(killed));
        assertTrue(at.globalStep() > 0 && at.epoch() < 2, "killed mid-run at " + at);

        CliRun resumed = CliRun.run(args(corpus, killed, "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming at epoch"), resumed.err());

        List<EpochRecord> a = TrainingLog.read(straight.resolve("training-log.jsonl"));
        List<EpochRecord> b = TrainingLog.read(killed.resolve("training-log.jsonl"));
        assertEquals(2, b.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 1e-5, "epoch " + (i + 1));
            assertEquals(a.get(i).valid(), b.get(i).valid(), 1e-5, "epoch " + (i + 1));
        }
        try (LmModel x = LmModel.load(straight);
                LmModel y = LmModel.load(killed);
                NDManager m = NDManager.newBaseManager()) {
            long[] ids = LmTrainer.toLongs(x.encode("ROMEO: But soft"));
            var in = m.create(ids, new Shape(1, ids.length));
            assertArrayEquals(
                    x.network().forward(in, null, false).logits().toFloatArray(),
                    y.network().forward(in, null, false).logits().toFloatArray(),
                    1e-4f);
        }
    }

    private static boolean hasMidRunCheckpoint(Path run) {
        Path found = Checkpoint.find(run);
        if (found == null) {
            return false;
        }
        try {
            Checkpoint.Position p = Checkpoint.readPosition(found);
            return p.globalStep() >= 4;
        } catch (IOException e) {
            return false;
        }
    }

    private static Process startTraining(String[] args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.seqlab.tasks.cli.Seqlab");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        new File(System.getProperty("java.io.tmpdir"), "seqlab-resume-child.log"))
                .start();
    }
}
