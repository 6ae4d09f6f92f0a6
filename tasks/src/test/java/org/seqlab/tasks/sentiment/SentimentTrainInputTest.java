package org.seqlab.tasks.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.tasks.cli.CliRun;

/** {@code sentiment train} refuses bad label sets before it writes anything. */
class SentimentTrainInputTest {

    @Test
    void aDevLabelTheTrainingDataLacksIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path train = TinyReviews.write(dir, "train.jsonl", 40, 1);
        Path dev =
                Files.write(
                        dir.resolve("dev.jsonl"),
                        List.of(
                                "{\"label\":\"pos\",\"text\":\"great\"}",
                                "{\"label\":\"meh\",\"text\":\"so so\"}"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.run(TinyReviews.trainArgs(train, out, "--dev", dev.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(dev + ":2: label 'meh'"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void oneLabelIsRefusedNamingTheFileAndLeavingNoDirectory(@TempDir Path dir) throws Exception {
        Path train =
                Files.write(
                        dir.resolve("one.jsonl"),
                        List.of(
                                "{\"label\":\"pos\",\"text\":\"great\"}",
                                "{\"label\":\"pos\",\"text\":\"fine\"}"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.run(TinyReviews.trainArgs(train, out));
        assertEquals(2, r.code(), r.err());
        assertTrue(
                r.err()
                        .contains(
                                train
                                        + ": a classifier needs at least 2 labels; the data has [pos]"),
                r.err());
        assertFalse(Files.exists(out), "no empty output directory");
    }

    @Test
    void helpShowsTheTasksOwnDefaultsForTheSharedFlags() {
        CliRun s = CliRun.run("sentiment", "train", "--help");
        CliRun l = CliRun.run("lm", "train", "--help");
        assertTrue(s.out().contains("(default: 1e-3)") && l.out().contains("(default: 2e-3)"));
        for (String flag : List.of("--stop-after", "--average", "--resume", "--checkpoint-every")) {
            assertTrue(s.out().contains(flag) && l.out().contains(flag), flag);
        }
        assertTrue(s.out().contains("Updates between checkpoints"));
        assertTrue(l.out().contains("Updates between checkpoints"));
    }

    @Test
    void aBpeTokenizerIsCopiedIntoTheModel(@TempDir Path dir) throws Exception {
        Path train = TinyReviews.write(dir, "train.jsonl", 60, 1);
        Path text =
                Files.writeString(
                        dir.resolve("text.txt"), String.join("\n", TinyReviews.lines(60, 2)));
        Path merges = dir.resolve("merges.txt");
        assertEquals(
                0,
                CliRun.run(
                                "bpe",
                                "learn",
                                "--corpus",
                                text.toString(),
                                "--merges",
                                "30",
                                "--out",
                                merges.toString())
                        .code());
        Path out = dir.resolve("bpe-model");
        CliRun r =
                CliRun.run(
                        TinyReviews.trainArgs(
                                train, out, "--epochs", "1", "--tokenizer", "bpe:" + merges));
        assertEquals(0, r.code(), r.err());
        String merged = Files.readString(merges);
        Files.delete(merges);
        assertEquals(merged, Files.readString(out.resolve("bpe-merges.txt")));
        CliRun s = CliRun.run("sentiment", "score", "--model", out.toString(), "a wonderful film");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("a wonderful film"), s.out());
    }
}
