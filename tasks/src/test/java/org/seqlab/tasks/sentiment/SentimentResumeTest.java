package org.seqlab.tasks.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;
import org.seqlab.seq2seq.Checkpoint;
import org.seqlab.seq2seq.TrainingRun;
import org.seqlab.tasks.cli.ChildTraining;
import org.seqlab.tasks.cli.CliRun;

/**
 * Kills a real {@code sentiment train} process mid-run (SIGKILL), resumes it, and checks that the
 * result equals an uninterrupted run of the same command: same log, same scores.
 */
class SentimentResumeTest {

    private static final List<String> TEXTS =
            List.of("a wonderful moving film", "boring and awful", "the plot was dull");

    @Test
    void aKilledRunResumesToTheSameModelAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path data = TinyReviews.write(dir, "reviews.jsonl", 400, 5);
        String[] extra = {"--checkpoint-every", "5", "--word-dropout", "0.2", "--average", "0.9"};
        Path straight = dir.resolve("straight");
        CliRun r = CliRun.run(TinyReviews.trainArgs(data, straight, extra));
        assertEquals(0, r.code(), r.err());

        Path killed = dir.resolve("killed");
        Checkpoint.Position at =
                ChildTraining.killAfter(killed, 12, TinyReviews.trainArgs(data, killed, extra));
        assertTrue(at != null, "the child wrote a checkpoint before the kill");
        assertTrue(at.epoch() < 2, "killed mid-run at " + at);

        CliRun resumed =
                CliRun.run(TinyReviews.trainArgs(data, killed, "--resume", "--max-time", "5m"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming at epoch"), resumed.err());

        List<EpochRecord> a = TrainingLog.read(straight.resolve("training-log.jsonl"));
        List<EpochRecord> b = TrainingLog.read(killed.resolve("training-log.jsonl"));
        assertEquals(2, b.size());
        for (int i = 0; i < 2; i++) {
            assertEquals("accuracy", b.get(i).metric());
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 1e-5, "epoch " + (i + 1));
            assertEquals(a.get(i).valid(), b.get(i).valid(), 1e-9, "epoch " + (i + 1));
        }
        try (SentimentModel x = SentimentModel.load(straight);
                SentimentModel y = SentimentModel.load(killed)) {
            List<SentimentModel.Prediction> px = x.predict(TEXTS);
            List<SentimentModel.Prediction> py = y.predict(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertEquals(px.get(i).probability(), py.get(i).probability(), 1e-5, TEXTS.get(i));
            }
            assertTrue(
                    x.manifest().data().get("data_sha256").getAsString().matches("[0-9a-f]{64}"));
        }
        assertTrue(Files.isRegularFile(killed.resolve(TrainingRun.FILE)));
    }

    @Test
    void resumingWithOtherDataIsRefused(@TempDir Path dir) throws Exception {
        Path data = TinyReviews.write(dir, "reviews.jsonl", 120, 5);
        Path out = dir.resolve("run");
        assertEquals(0, CliRun.run(TinyReviews.trainArgs(data, out, "--epochs", "1")).code());
        Path other = TinyReviews.write(dir, "other.jsonl", 120, 6);
        CliRun r = CliRun.run(TinyReviews.trainArgs(other, out, "--resume"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("SHA-256 mismatch"), r.err());
    }
}
