package org.seqlab.tasks.repl;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jline.utils.WCWidth;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.seqlab.eval.ChartFiles;

/**
 * Shows an attention matrix, one row of weights per target piece over the source pieces, as a
 * shaded text grid for a terminal ({@link #text}) or as a PNG chart ({@link #writePng}).
 *
 * <p>Pieces are shown by {@link #readable}: a space becomes {@code ▁}, so the leading space that a
 * byte-level BPE piece carries for a word start stays visible. Instances are immutable.
 */
public final class AttentionHeatMap {

    /**
     * The shades of the text grid, by weight: {@code ' '} below 0.2, {@code ░} below 0.4, {@code ▒}
     * below 0.6, {@code ▓} below 0.8 and {@code █} from 0.8 to 1.
     */
    public static final String SHADES = " ░▒▓█";

    /** The legend line that ends {@link #text}. */
    static final String LEGEND = "weight: ' ' <0.2  ░ <0.4  ▒ <0.6  ▓ <0.8  █ ≥0.8";

    static final String TITLE = "Attention (rows: target pieces, columns: source pieces)";

    /** Weights may exceed 1 by this much, for rounding in a softmax. */
    private static final float SLACK = 1e-3f;

    private static final int MAX_LABEL = 12;
    private static final int MAX_HEADER = 8;
    private static final int CELL_PX = 32;
    private static final int MAX_PX = 4000;

    private final List<String> source;
    private final List<String> target;
    private final float[][] weights;

    /**
     * Creates a heat map of {@code weights}, whose row {@code i} holds the attention of target
     * piece {@code i} over the source pieces.
     *
     * @param sourcePieces the source pieces, the columns; at least one
     * @param targetPieces the target pieces, the rows; at least one
     * @param weights one row per target piece, one weight from 0 to 1 per source piece
     * @throws IllegalArgumentException if an argument or piece is null, a list is empty, the rows
     *     or columns do not match the pieces, or a weight is NaN, infinite, negative or above 1
     */
    public AttentionHeatMap(
            List<String> sourcePieces, List<String> targetPieces, float[][] weights) {
        if (sourcePieces == null || targetPieces == null || weights == null) {
            throw new IllegalArgumentException(
                    "An attention heat map needs source pieces, target pieces and weights, but "
                            + (sourcePieces == null
                                    ? "the source pieces were"
                                    : targetPieces == null
                                            ? "the target pieces were"
                                            : "the weights were")
                            + " null.");
        }
        if (sourcePieces.isEmpty() || targetPieces.isEmpty()) {
            throw new IllegalArgumentException(
                    "An attention heat map needs at least one source and one target piece, but"
                            + " there were "
                            + sourcePieces.size()
                            + " source and "
                            + targetPieces.size()
                            + " target pieces.");
        }
        if (sourcePieces.stream().anyMatch(Objects::isNull)
                || targetPieces.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(
                    "The pieces of an attention heat map must not be null.");
        }
        if (weights.length != targetPieces.size()) {
            throw new IllegalArgumentException(
                    "The attention weights have "
                            + weights.length
                            + " rows, but there are "
                            + targetPieces.size()
                            + " target pieces: one row per target piece is needed.");
        }
        this.source = List.copyOf(sourcePieces);
        this.target = List.copyOf(targetPieces);
        this.weights = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = checkRow(weights[i], i);
        }
    }

    private float[] checkRow(float[] row, int i) {
        if (row == null || row.length != source.size()) {
            throw new IllegalArgumentException(
                    "Row "
                            + i
                            + " of the attention weights has "
                            + (row == null ? "no" : row.length)
                            + " columns, but there are "
                            + source.size()
                            + " source pieces: every row needs one weight per source piece.");
        }
        for (int j = 0; j < row.length; j++) {
            float w = row[j];
            if (!(w >= 0 && w <= 1 + SLACK)) {
                throw new IllegalArgumentException(
                        "The attention weight at row "
                                + i
                                + ", column "
                                + j
                                + " is "
                                + w
                                + ", but weights must be numbers from 0 to 1.");
            }
        }
        return row.clone();
    }

    /**
     * Returns a piece as it is shown: each space becomes {@code ▁} (U+2581), a control character
     * its Unicode control picture (a tab {@code ␉}, a line feed {@code ␊}), other characters stay.
     *
     * @param piece the piece, such as {@code " the"}
     * @return the piece as shown, such as {@code "▁the"}
     */
    public static String readable(String piece) {
        StringBuilder b = new StringBuilder(piece.length());
        piece.codePoints()
                .forEach(
                        cp -> {
                            if (cp == ' ') {
                                b.append('▁');
                            } else if (cp < 0x20) {
                                b.append((char) (0x2400 + cp));
                            } else if (cp == 0x7f) {
                                b.append('␡');
                            } else {
                                b.appendCodePoint(cp);
                            }
                        });
        return b.toString();
    }

    /**
     * Returns the shade character of a weight, as {@link #SHADES} describes.
     *
     * @param weight a weight from 0 to 1
     * @return one of {@link #SHADES}
     */
    public static char shade(float weight) {
        return SHADES.charAt(Math.min(SHADES.length() - 1, (int) (weight * 5)));
    }

    /**
     * Returns the matrix as a shaded text grid that fits {@code width} terminal columns.
     *
     * <p>Each target piece is a row, labelled on the left (cut to 12 columns with {@code …}); each
     * source piece is a column two terminal columns wide, shaded by weight with {@link #shade}
     * between {@code │} bars. Above the grid the source pieces are written downwards, one character
     * per column (cut to 8 characters with {@code …}), so the first characters line up on the first
     * header line. Widths follow the terminal's (a CJK character takes two columns). When the
     * columns do not fit, the grid is cut into blocks of as many columns as fit (at least one),
     * separated by an empty line, each with its own header. A legend line ends the text, which ends
     * with a line end. Lines have no trailing spaces except inside the grid.
     *
     * @param width the terminal's width in columns, at least 1
     * @return the grid
     * @throws IllegalArgumentException if {@code width} is less than 1
     */
    public String text(int width) {
        if (width < 1) {
            throw new IllegalArgumentException(
                    "A heat map needs a width of at least 1 column, but it was " + width + ".");
        }
        List<String> labels = new ArrayList<>();
        int labelWidth = 0;
        for (String piece : target) {
            String label = cut(readable(piece), MAX_LABEL);
            labels.add(label);
            labelWidth = Math.max(labelWidth, width(label));
        }
        List<List<String>> headers = new ArrayList<>();
        for (String piece : source) {
            headers.add(headerCells(readable(piece)));
        }
        int perBlock = Math.max(1, (width - labelWidth - 3) / 2);
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < source.size(); from += perBlock) {
            int to = Math.min(source.size(), from + perBlock);
            if (from > 0) {
                out.append('\n');
            }
            int height = 0;
            for (int j = from; j < to; j++) {
                height = Math.max(height, headers.get(j).size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder row = new StringBuilder(" ".repeat(labelWidth + 2));
                for (int j = from; j < to; j++) {
                    List<String> cells = headers.get(j);
                    row.append(line < cells.size() ? cells.get(line) : "  ");
                }
                out.append(row.toString().stripTrailing()).append('\n');
            }
            for (int i = 0; i < target.size(); i++) {
                String label = labels.get(i);
                out.append(label).append(" ".repeat(labelWidth - width(label))).append(" │");
                for (int j = from; j < to; j++) {
                    char c = shade(weights[i][j]);
                    out.append(c).append(c);
                }
                out.append("│\n");
            }
        }
        return out.append(LEGEND).append('\n').toString();
    }

    /**
     * Writes the matrix as a heat map chart to a PNG file, with the source pieces along the x axis
     * (left to right) and the target pieces along the y axis (top to bottom), shown by {@link
     * #readable}, shaded from white (0) to dark blue (1).
     *
     * <p>The image is {@code 260 + 32 * S} pixels wide (at least 560) and {@code 200 + 32 * T}
     * pixels high (at least 360) for S source and T target pieces, at most 4000 a side. It is
     * written atomically through a temporary file in the same directory and ends up at exactly
     * {@code png}, whatever its extension. Rendering is headless: {@code java.awt.headless} is set
     * to {@code true} unless it was already set.
     *
     * @param png the file to write
     * @throws IllegalArgumentException if {@code png} is null
     * @throws IOException if the file cannot be written
     */
    public void writePng(Path png) throws IOException {
        if (png == null) {
            throw new IllegalArgumentException("A heat map PNG needs a path, but it was null.");
        }
        ChartFiles.headless();
        ChartFiles.writePng(chart(), png);
    }

    /**
     * Returns the image's width and height in pixels for this matrix, as {@link #writePng} says.
     */
    int[] pngSize() {
        return new int[] {
            Math.min(MAX_PX, Math.max(560, 260 + CELL_PX * source.size())),
            Math.min(MAX_PX, Math.max(360, 200 + CELL_PX * target.size()))
        };
    }

    private HeatMapChart chart() {
        int[] size = pngSize();
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(size[0])
                        .height(size[1])
                        .title(TITLE)
                        .xAxisTitle("source")
                        .yAxisTitle("target")
                        .build();
        HeatMapStyler styler = chart.getStyler();
        styler.setRangeColors(
                new Color[] {Color.WHITE, new Color(107, 174, 214), new Color(8, 48, 107)});
        styler.setMin(0);
        styler.setMax(1);
        styler.setPlotContentSize(1.0);
        styler.setXAxisLabelRotation(90);
        List<String> x = distinct(source);
        // The heat map's y axis runs bottom to top, so the target pieces go in reverse order.
        List<String> reversed = new ArrayList<>(target);
        Collections.reverse(reversed);
        List<String> y = distinct(reversed);
        List<Number[]> cells = new ArrayList<>(source.size() * target.size());
        int n = target.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < source.size(); j++) {
                cells.add(new Number[] {j, n - 1 - i, weights[i][j]});
            }
        }
        chart.addSeries("attention", x, y, cells);
        return chart;
    }

    /**
     * Returns the readable pieces, a repeated one made distinct by invisible zero-width spaces, so
     * that the chart keeps one tick per piece.
     */
    private static List<String> distinct(List<String> pieces) {
        List<String> out = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            String label = readable(piece);
            while (out.contains(label)) {
                label += "\u200b";
            }
            out.add(label);
        }
        return out;
    }

    /** Cuts {@code s} to at most {@code max} terminal columns, ending a cut one with {@code …}. */
    private static String cut(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > max - 1) {
                break;
            }
            b.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }

    /**
     * Splits a header into cells two terminal columns wide, one per character: a wide character
     * alone, a narrow one with a space after it; a combining mark stays with its character.
     */
    private static List<String> headerCells(String s) {
        List<String> glyphs = new ArrayList<>();
        s.codePoints()
                .forEach(
                        cp -> {
                            String c = Character.toString(cp);
                            if (WCWidth.wcwidth(cp) > 0) {
                                glyphs.add(c);
                            } else if (!glyphs.isEmpty()) {
                                glyphs.set(glyphs.size() - 1, glyphs.get(glyphs.size() - 1) + c);
                            }
                        });
        List<String> shown = glyphs;
        if (glyphs.size() > MAX_HEADER) {
            shown = new ArrayList<>(glyphs.subList(0, MAX_HEADER - 1));
            shown.add("…");
        }
        List<String> cells = new ArrayList<>(shown.size());
        for (String g : shown) {
            cells.add(width(g) >= 2 ? g : g + " ");
        }
        return cells;
    }

    /** Returns the terminal columns {@code s} takes. */
    private static int width(String s) {
        return s.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }
}
