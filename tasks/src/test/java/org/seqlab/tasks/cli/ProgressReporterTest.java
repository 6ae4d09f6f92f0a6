package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.seqlab.eval.EpochRecord;

class ProgressReporterTest {

    private static String epochLine(String metric, double valid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressReporter r =
                new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            r.onEpoch(new EpochRecord(3, 30, 0.25, metric, valid, 1e-3, 1000, 12, false), true);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void labelsALossInNatsAndBits() {
        String line = epochLine("loss", Math.log(2));
        assertTrue(
                line.startsWith("epoch 3: train loss 0.2500, valid loss 0.6931 (1.0000 bits)"),
                line);
        assertTrue(line.contains("(best so far: saved)"), line);
    }

    @Test
    void labelsAnyOtherMetricByItsName() {
        String line = epochLine("accuracy", 0.91);
        assertTrue(line.contains("valid accuracy 0.9100"), line);
        assertTrue(!line.contains("bits") && !line.contains("valid loss"), line);
    }
}
