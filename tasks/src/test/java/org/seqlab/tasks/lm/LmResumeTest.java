package org.seqlab.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;
import org.seqlab.seq2seq.Checkpoint;
import org.seqlab.tasks.cli.ChildTraining;
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
        Checkpoint.Position at =
                ChildTraining.killAfter(killed, 4, args(corpus, killed, "--max-time", "10m"));
        assertTrue(at != null, "the child wrote a checkpoint before the kill");
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

    @Test
    void aKilledFineTuningRunResumesFromTheSameSourceWithItsFrozenParts(@TempDir Path dir)
            throws Exception {
        Path corpus = TinyCorpus.write(dir, "tiny.txt", 300);
        Path source = dir.resolve("source");
        CliRun s = CliRun.run(TinyCorpus.tinyTrainArgs(corpus, source));
        assertEquals(0, s.code(), s.err());
        String[] tune = {"--init-from", source.toString(), "--freeze", "embedding:1"};
        Path straight = dir.resolve("straight");
        CliRun r = CliRun.run(args(corpus, straight, tune));
        assertEquals(0, r.code(), r.err());

        Path killed = dir.resolve("killed");
        List<String> child = new ArrayList<>(List.of(tune));
        child.addAll(List.of("--max-time", "10m"));
        Checkpoint.Position at =
                ChildTraining.killAfter(
                        killed, 4, args(corpus, killed, child.toArray(String[]::new)));
        assertTrue(at != null && at.epoch() < 2, "killed mid-run at " + at);
        // --resume alone: the run remembers its source and what it froze
        CliRun resumed = CliRun.run(args(corpus, killed, "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        List<EpochRecord> a = TrainingLog.read(straight.resolve("training-log.jsonl"));
        List<EpochRecord> b = TrainingLog.read(killed.resolve("training-log.jsonl"));
        assertEquals(2, b.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).valid(), b.get(i).valid(), 1e-5, "epoch " + (i + 1));
        }
    }
}
