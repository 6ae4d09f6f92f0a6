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

class ConfusionMatrixChartTest {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    @TempDir Path dir;

    @Test
    void writesOnlyThePngFileAndOverwritesIt() throws IOException {
        ConfusionMatrix m =
                ConfusionMatrix.of(
                        List.of("neg", "neu", "pos"),
                        new int[] {0, 0, 1, 1, 2, 2, 2},
                        new int[] {0, 1, 1, 2, 2, 2, 0});
        Path png = dir.resolve("confusion.png");
        ConfusionMatrixChart.write(m, png);
        assertPngOnly(png);
        ConfusionMatrixChart.write(m, png);
        assertPngOnly(png);
    }

    @Test
    void drawsAnEmptySingleLabelMatrixAtTheExactPath() throws IOException {
        Path out = dir.resolve("matrix");
        ConfusionMatrixChart.write(ConfusionMatrix.of(List.of("x"), new int[0], new int[0]), out);
        assertPngOnly(out);
    }

    @Test
    void rejectsNullArguments() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("x"), new int[0], new int[0]);
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrixChart.write(null, dir.resolve("x.png")));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixChart.write(m, null));
    }

    private void assertPngOnly(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }
}
