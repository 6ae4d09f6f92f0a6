package org.seqlab.tasks.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionHeatMapTest {

    private static final String LEGEND = AttentionHeatMap.LEGEND + "\n";

    /** Two target pieces over three source pieces, with weights on the bins' edges. */
    private static AttentionHeatMap small() {
        return new AttentionHeatMap(
                List.of(" a", "bc", "."),
                List.of(" x", "yy"),
                new float[][] {{0f, 0.2f, 0.95f}, {0.39f, 0.4f, 0.79f}});
    }

    @Test
    void textOfASmallMatrix() {
        String expected =
                String.join("\n", "    ▁ b .", "    a c", "▁x │  ░░██│", "yy │░░▒▒▓▓│", "");
        assertEquals(expected + LEGEND, small().text(80));
    }

    @Test
    void columnsThatDoNotFitGoToBlocksWithTheirOwnHeader() {
        // 9 columns: 2 for labels, 2 for " │", 1 for "│": room for two cells of two columns.
        String expected =
                String.join(
                        "\n",
                        "    ▁ b",
                        "    a c",
                        "▁x │  ░░│",
                        "yy │░░▒▒│",
                        "",
                        "    .",
                        "▁x │██│",
                        "yy │▓▓│",
                        "");
        assertEquals(expected + LEGEND, small().text(9));
        // Even a terminal too narrow for one cell gets one column per block.
        assertEquals(3, small().text(1).split("\n\n").length);
    }

    @Test
    void longPiecesAreCutAndWideCharactersTakeTwoColumns() {
        AttentionHeatMap m =
                new AttentionHeatMap(
                        List.of("東京", "abcdefghij"),
                        List.of(" internationalization", "日本"),
                        new float[][] {{1f, 0f}, {0.5f, 0.5f}});
        String pad = " ".repeat(14);
        String expected =
                String.join(
                        "\n",
                        pad + "東a",
                        pad + "京b",
                        pad + "  c",
                        pad + "  d",
                        pad + "  e",
                        pad + "  f",
                        pad + "  g",
                        pad + "  …",
                        "▁internatio… │██  │",
                        "日本         │▒▒▒▒│",
                        "");
        assertEquals(expected + LEGEND, m.text(80));
    }

    @Test
    void aCombiningMarkStaysWithItsCharacter() {
        AttentionHeatMap m =
                new AttentionHeatMap(List.of("e\u0301x"), List.of("t"), new float[][] {{1f}});
        assertEquals("   e\u0301\n   x\nt │██│\n" + LEGEND, m.text(80));
    }

    @Test
    void shadesFollowTheDocumentedBins() {
        float[] weights = {0f, 0.19f, 0.2f, 0.39f, 0.4f, 0.59f, 0.6f, 0.79f, 0.8f, 1f, 1.0005f};
        String expected = "  ░░▒▒▓▓███";
        StringBuilder got = new StringBuilder();
        for (float w : weights) {
            got.append(AttentionHeatMap.shade(w));
        }
        assertEquals(expected, got.toString());
    }

    @Test
    void piecesAreShownReadably() {
        assertEquals("▁the", AttentionHeatMap.readable(" the"));
        assertEquals("▁▁", AttentionHeatMap.readable("  "));
        assertEquals("a␉b␊␡", AttentionHeatMap.readable("a\tb\n\u007f"));
        assertEquals("東京", AttentionHeatMap.readable("東京"));
    }

    @Test
    void pngIsWrittenDecodableAndSizedByTheMatrix(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("attention.png");
        small().writePng(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO could not decode the PNG");
        // 3 source, 2 target pieces: both sides are at their minimum.
        assertEquals(560, image.getWidth());
        assertEquals(360, image.getHeight());

        List<String> source = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
            source.add(j % 2 == 0 ? " the" : " cat"); // repeated pieces keep one tick each
        }
        float[][] w = new float[10][20];
        for (int i = 0; i < 10; i++) {
            w[i][2 * i] = 1f;
        }
        List<String> target = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            target.add(" le");
        }
        Path big = dir.resolve("big.png");
        new AttentionHeatMap(source, target, w).writePng(big);
        BufferedImage image2 = ImageIO.read(big.toFile());
        assertEquals(260 + 32 * 20, image2.getWidth());
        assertEquals(200 + 32 * 10, image2.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void raggedRowsAreRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new AttentionHeatMap(
                                        List.of("a", "b"),
                                        List.of("x", "y"),
                                        new float[][] {{0.5f, 0.5f}, {1f}}));
        assertEquals(
                "Row 1 of the attention weights has 1 columns, but there are 2 source pieces:"
                        + " every row needs one weight per source piece.",
                e.getMessage());
    }

    @Test
    void nanAndOutOfRangeWeightsAreRejected() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, -0.01f, 1.01f}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    new AttentionHeatMap(
                                            List.of("a", "b"),
                                            List.of("x"),
                                            new float[][] {{0.5f, bad}}));
            assertTrue(
                    e.getMessage().startsWith("The attention weight at row 0, column 1 is "),
                    e.getMessage());
        }
    }

    @Test
    void shapesThatDoNotMatchThePiecesAreRejected() {
        float[][] one = {{1f}};
        assertThrows(
                IllegalArgumentException.class,
                () -> new AttentionHeatMap(List.of("a"), List.of("x", "y"), one));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AttentionHeatMap(List.of(), List.of(), new float[0][]));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AttentionHeatMap(List.of("a"), List.of("x"), new float[][] {null}));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AttentionHeatMap(List.of("a"), null, one));
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(
                IllegalArgumentException.class,
                () -> new AttentionHeatMap(withNull, List.of("x"), one));
        assertThrows(IllegalArgumentException.class, () -> small().text(0));
    }

    @Test
    void theMatrixIsCopied() {
        float[][] w = {{1f, 0f}};
        AttentionHeatMap m = new AttentionHeatMap(List.of("a", "b"), List.of("x"), w);
        String before = m.text(80);
        w[0][0] = 0f;
        assertEquals(before, m.text(80));
        assertFalse(before.isEmpty());
    }
}
