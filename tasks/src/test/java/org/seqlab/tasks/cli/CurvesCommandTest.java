package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.TrainingLog;

class CurvesCommandTest {

    @Test
    void drawsRunsFromModelDirectoriesOrLogsAndNamesBadRuns(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        TrainingLog.append(a.resolve("training-log.jsonl"), record(30, 2.0));
        TrainingLog.append(a.resolve("training-log.jsonl"), record(60, 1.8));
        Path b = dir.resolve("b.jsonl");
        TrainingLog.append(b, record(45, 2.5));
        Path png = dir.resolve("c.png");
        CliRun r =
                CliRun.run(
                        "curves",
                        "--run",
                        "fine-tuned=" + a,
                        "--run",
                        "scratch=" + b,
                        "--out",
                        png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        CliRun missing =
                CliRun.run("curves", "--run", "x=" + dir.resolve("nope"), "--out", png.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope"), missing.err());
        Path binary = Files.write(dir.resolve("binary.jsonl"), new byte[] {(byte) 0xff, 0x41});
        Path garbage = Files.writeString(dir.resolve("garbage.jsonl"), "not json\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        for (Path bad : new Path[] {binary, garbage, empty}) {
            CliRun r2 = CliRun.run("curves", "--run", "x=" + bad, "--out", png.toString());
            assertEquals(2, r2.code(), bad.toString());
            assertTrue(r2.err().contains(bad.getFileName().toString()), r2.err());
            assertTrue(!r2.err().contains("com.google") && !r2.err().contains("http"), r2.err());
        }
        CliRun malformed = CliRun.run("curves", "--run", a.toString(), "--out", png.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("LABEL=DIR"), malformed.err());
    }

    private static EpochRecord record(double seconds, double valid) {
        return new EpochRecord(1, 10, valid + 0.1, "loss", valid, 1e-3, 100, seconds, true);
    }
}
