package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

    /** Makes {@code dir} look like a run with a checkpoint and the given run.json. */
    private static Path run(Path dir, String runJson) throws IOException {
        Files.createDirectories(dir.resolve(Checkpoint.DIR));
        Files.writeString(dir.resolve(Checkpoint.DIR).resolve("position.json"), "{}");
        Files.writeString(dir.resolve(TrainingRun.FILE), runJson);
        return dir;
    }

    @Test
    void aRunRoundTripsAndChecksTaskAndData(@TempDir Path dir) throws IOException {
        JsonObject config = new JsonObject();
        config.addProperty("hidden", 8);
        TrainingRun.Recorded rec = new TrainingRun.Recorded("sentiment", config, "ab", "cmd");
        TrainingRun.begin(dir, rec);
        run(dir, Files.readString(dir.resolve(TrainingRun.FILE)));
        assertEquals(rec, TrainingRun.resume(dir, "sentiment", "ab"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrainingRun.resume(dir, "sentiment", "cd"))
                        .getMessage()
                        .contains("SHA-256 mismatch"));
        assertEquals(
                "Cannot resume: " + dir + " holds a 'sentiment' run, not 'lm'.",
                assertThrows(IllegalStateException.class, () -> TrainingRun.resume(dir, "lm", "ab"))
                        .getMessage());
        assertThrows(IllegalStateException.class, () -> TrainingRun.begin(dir, rec));
    }

    @Test
    void anLmRunOfAnEarlierVersionStillResumes(@TempDir Path dir) throws IOException {
        run(dir, "{\"config\":{},\"corpus_sha256\":\"ab\",\"command\":\"c\"}");
        TrainingRun.Recorded r = TrainingRun.resume(dir, "lm", "ab");
        assertEquals("lm", r.task());
        assertEquals("ab", r.dataSha256());
    }

    @Test
    void aBrokenRunRecordIsNamedWithItsField(@TempDir Path dir) throws IOException {
        run(dir, "{\"task\":\"lm\",\"config\":{},\"command\":\"c\"}");
        IOException e = assertThrows(IOException.class, () -> TrainingRun.resume(dir, "lm", "ab"));
        assertEquals(
                dir.resolve(TrainingRun.FILE) + ": missing field 'data_sha256'", e.getMessage());
        run(dir, "{\"task\":");
        e = assertThrows(IOException.class, () -> TrainingRun.resume(dir, "lm", "ab"));
        assertTrue(e.getMessage().startsWith(dir.resolve(TrainingRun.FILE) + ": not valid JSON"));
    }
}
