package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {

    private static final EpochRecord FIRST =
            EpochRecord.ofLoss(1, 156, 2.5, Double.NaN, 1e-3, 5400.5, 12.25);
    private static final EpochRecord SECOND =
            EpochRecord.ofLoss(2, 312, 1.75, 1.875, 5e-4, 5500.0, 24.5);

    @TempDir Path dir;

    @Test
    void missingFileReadsAsEmpty() throws IOException {
        assertEquals(List.of(), TrainingLog.read(dir.resolve("none.jsonl")));
    }

    @Test
    void appendThenReadRoundTrips() throws IOException {
        Path log = dir.resolve("train.jsonl");
        TrainingLog.append(log, FIRST);
        TrainingLog.append(log, SECOND);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals(
                "{\"epoch\":1,\"step\":156,\"train_loss\":2.5,\"metric\":\"loss\","
                        + "\"valid\":null,\"learning_rate\":0.001,\"tokens_per_s\":5400.5,"
                        + "\"elapsed_s\":12.25,\"partial\":false}",
                lines.get(0));
        List<EpochRecord> read = TrainingLog.read(log);
        assertEquals(List.of(FIRST, SECOND), read);
        assertTrue(Double.isNaN(read.get(0).valid()));
    }

    @Test
    void namedMetricsAndPartialEpochsRoundTrip() throws IOException {
        Path log = dir.resolve("acc.jsonl");
        EpochRecord r = new EpochRecord(3, 900, 0.25, "accuracy", 0.91, 1e-3, 800, 60, true);
        TrainingLog.append(log, r);
        assertEquals(List.of(r), TrainingLog.read(log));
    }

    @Test
    void linesOfEarlierVersionsReadAsLoss() throws IOException {
        Path log = dir.resolve("old.jsonl");
        Files.writeString(
                log,
                "{\"epoch\":2,\"step\":312,\"train_loss\":1.75,\"valid_loss\":1.875,"
                        + "\"learning_rate\":5e-4,\"tokens_per_s\":5500.0,\"elapsed_s\":24.5}\n");
        assertEquals(List.of(SECOND), TrainingLog.read(log));
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        Path log = dir.resolve("bad.jsonl");
        TrainingLog.append(log, FIRST);
        Files.writeString(log, "\n{\"epoch\":2,\"step\":", java.nio.file.StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> TrainingLog.read(log));
        assertTrue(e.getMessage().contains(log + ":3"), e.getMessage());
    }

    @Test
    void missingKeyOrWrongTypeIsMalformed() throws IOException {
        Path log = dir.resolve("keys.jsonl");
        Files.writeString(log, "{\"epoch\":1}\n");
        IOException e = assertThrows(IOException.class, () -> TrainingLog.read(log));
        assertTrue(e.getMessage().contains(log + ":1"), e.getMessage());
        assertTrue(e.getMessage().contains("step"), e.getMessage());
        Files.writeString(
                log,
                "{\"epoch\":1.5,\"step\":1,\"train_loss\":1,\"valid_loss\":null,"
                        + "\"learning_rate\":1,\"tokens_per_s\":1,\"elapsed_s\":1}\n");
        assertThrows(IOException.class, () -> TrainingLog.read(log));
        Files.writeString(log, "[1,2]\n");
        assertThrows(IOException.class, () -> TrainingLog.read(log));
    }

    @Test
    void writeReplacesContentWithoutStrayFiles() throws IOException {
        Path log = dir.resolve("train.jsonl");
        TrainingLog.append(log, FIRST);
        TrainingLog.append(log, SECOND);
        TrainingLog.write(log, List.of(FIRST));
        assertEquals(List.of(FIRST), TrainingLog.read(log));
        TrainingLog.write(log, List.of());
        assertEquals(List.of(), TrainingLog.read(log));
        assertEquals(0, Files.size(log));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(log), files.toList());
        }
    }
}
