package org.seqlab.tasks.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;
import org.seqlab.seq2seq.Checkpoint;
import org.seqlab.tasks.cli.ChildTraining;
import org.seqlab.tasks.cli.CliRun;

/**
 * Kills a real {@code tag train} process mid-run (SIGKILL), resumes it, and checks that the result
 * equals an uninterrupted run of the same command: same log, same tags. The run has a CRF, BIOES, a
 * frozen embedding and weight averaging, so all their state must survive the kill.
 */
class TagResumeTest {

    @Test
    void aKilledRunResumesToTheSameModelAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path one = TinyTagged.conll(dir, "one.conll");
        Path data = dir.resolve("data.conll");
        Files.writeString(data, Files.readString(one).repeat(10), StandardCharsets.UTF_8);
        String[] extra = {
            "--crf",
            "--scheme",
            "bioes",
            "--freeze-epochs",
            "-1",
            "--average",
            "0.9",
            "--checkpoint-every",
            "5",
            "--word-dropout",
            "0.2"
        };
        Path straight = dir.resolve("straight");
        CliRun r = CliRun.run(TinyTagged.trainArgs(data, "conll", straight, extra));
        assertEquals(0, r.code(), r.err());

        Path killed = dir.resolve("killed");
        Checkpoint.Position at =
                ChildTraining.killAfter(
                        killed, 12, TinyTagged.trainArgs(data, "conll", killed, extra));
        assertTrue(at != null, "the child wrote a checkpoint before the kill");
        assertTrue(at.epoch() < 2, "killed mid-run at " + at);

        CliRun resumed =
                CliRun.run(
                        TinyTagged.trainArgs(
                                data, "conll", killed, "--resume", "--max-time", "5m"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming at epoch"), resumed.err());

        List<EpochRecord> a = TrainingLog.read(straight.resolve("training-log.jsonl"));
        List<EpochRecord> b = TrainingLog.read(killed.resolve("training-log.jsonl"));
        assertEquals(2, b.size());
        for (int i = 0; i < 2; i++) {
            assertEquals("f1", b.get(i).metric());
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 1e-5, "epoch " + (i + 1));
            assertEquals(a.get(i).valid(), b.get(i).valid(), 1e-9, "epoch " + (i + 1));
        }
        List<List<String>> words = TinyTagged.words(TinyTagged.NER);
        try (TagModel x = TagModel.load(straight);
                TagModel y = TagModel.load(killed)) {
            assertEquals(x.predict(words), y.predict(words));
        }
    }
}
