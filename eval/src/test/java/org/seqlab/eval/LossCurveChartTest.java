package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurveChartTest {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    @TempDir Path dir;

    @Test
    void writesOnlyThePngFile() throws IOException {
        List<EpochRecord> records =
                List.of(
                        EpochRecord.ofLoss(1, 10, 3.0, Double.NaN, 1e-3, 100, 1),
                        EpochRecord.ofLoss(2, 20, 2.0, 2.5, 1e-3, 100, 2),
                        EpochRecord.ofLoss(3, 30, 1.5, 2.2, 1e-3, 100, 3));
        Path png = dir.resolve("loss.png");
        LossCurveChart.write(records, png);
        assertPngOnly(png);
        LossCurveChart.write(records.subList(0, 1), png);
        assertPngOnly(png);
    }

    @Test
    void validationsInsideEpochsPutUpdatesOnTheXAxis() throws IOException {
        EpochRecord mid = new EpochRecord(1, 50, 2.0, "loss", 1.9, 1e-3, 100, 5, true);
        EpochRecord end = new EpochRecord(1, 100, 1.8, "loss", 1.7, 1e-3, 100, 10, false);
        EpochRecord next = new EpochRecord(2, 200, 1.6, "loss", 1.5, 1e-3, 100, 20, false);
        assertEquals(true, LossCurveChart.byUpdate(List.of(mid, end, next)));
        assertEquals(false, LossCurveChart.byUpdate(List.of(end, next)));
        Path png = dir.resolve("inside.png");
        LossCurveChart.write(List.of(mid, end, next), png);
        assertEquals(true, Files.size(png) > 1000);
    }

    @Test
    void accuracyChartsRenderWithASecondAxis() throws IOException {
        Path png = dir.resolve("sentiment.png");
        LossCurveChart.write(
                List.of(
                        new EpochRecord(1, 10, 0.5, "accuracy", 0.83, 1e-3, 100, 1, false),
                        new EpochRecord(2, 20, 0.3, "accuracy", 0.89, 1e-3, 100, 2, true)),
                png);
        assertPngOnly(png);
    }

    @Test
    void keepsTheExactPathWhateverTheExtension() throws IOException {
        Path out = dir.resolve("curve");
        LossCurveChart.write(List.of(EpochRecord.ofLoss(1, 1, 1.0, 1.0, 0.1, 1, 1)), out);
        assertPngOnly(out);
    }

    @Test
    void rejectsEmptyRecords() {
        assertThrows(
                IllegalArgumentException.class,
                () -> LossCurveChart.write(List.of(), dir.resolve("x.png")));
    }

    private void assertPngOnly(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }
}
