package org.seqlab.eval;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.seqlab.io.AtomicFiles;

/**
 * Draws a confusion matrix as a heat map in a PNG file.
 *
 * <p>The chart is titled "Confusion matrix (rows: gold, columns: predicted)". Predicted labels run
 * left to right along the x axis and gold labels top to bottom along the y axis, in matrix order,
 * so the diagonal of correct predictions runs from the top left. Each cell is shaded by its count
 * and shows the count as an integer. Rendering is headless: {@code java.awt.headless} is set to
 * {@code true} unless it was already set.
 */
public final class ConfusionMatrixChart {

    static final String TITLE = "Confusion matrix (rows: gold, columns: predicted)";

    private static final int MIN_SIDE = 500;
    private static final int CELL = 60;
    private static final int MAX_SIDE = 4000;

    private ConfusionMatrixChart() {}

    /**
     * Writes a confusion matrix as a heat map to a PNG file.
     *
     * <p>The image grows with the number of labels, from 500 pixels up to 4000 pixels a side. The
     * file is written atomically through a temporary file in the same directory, and ends up at
     * exactly {@code png}, whatever its extension.
     *
     * @param m the confusion matrix
     * @param png the file to write
     * @throws IllegalArgumentException if {@code m} or {@code png} is {@code null}
     * @throws IOException if the file cannot be written
     */
    public static void write(ConfusionMatrix m, Path png) throws IOException {
        if (m == null || png == null) {
            throw new IllegalArgumentException(
                    "A confusion matrix chart needs a matrix and a path, but "
                            + (m == null ? "the matrix" : "the path")
                            + " was null.");
        }
        ChartFiles.headless();
        byte[] bytes = render(m);
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    private static byte[] render(ConfusionMatrix m) throws IOException {
        int n = m.size();
        List<String> predicted = m.labels();
        // The heat map's y axis runs bottom to top, so gold labels go in reverse order.
        List<String> gold = new ArrayList<>(predicted.size());
        for (int g = n - 1; g >= 0; g--) {
            gold.add(predicted.get(g));
        }
        List<Number[]> cells = new ArrayList<>(n * n);
        long max = 1;
        for (int g = 0; g < n; g++) {
            for (int p = 0; p < n; p++) {
                long count = m.count(g, p);
                max = Math.max(max, count);
                cells.add(new Number[] {p, n - 1 - g, count});
            }
        }
        int side = Math.min(MAX_SIDE, Math.max(MIN_SIDE, 200 + CELL * n));
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(side + 100)
                        .height(side)
                        .title(TITLE)
                        .xAxisTitle("predicted")
                        .yAxisTitle("gold")
                        .build();
        HeatMapStyler styler = chart.getStyler();
        // Light blues keep the black counts readable on every cell.
        styler.setRangeColors(
                new Color[] {Color.WHITE, new Color(158, 202, 225), new Color(66, 146, 198)});
        styler.setShowValue(true);
        styler.setHeatMapDecimalValueFormatter(v -> Long.toString(Math.round(v)));
        styler.setMin(0);
        styler.setMax(max);
        styler.setPlotContentSize(1.0);
        chart.addSeries("count", predicted, gold, cells);
        return ChartFiles.png(chart);
    }
}
