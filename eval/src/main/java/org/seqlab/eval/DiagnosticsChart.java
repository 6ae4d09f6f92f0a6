package org.seqlab.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Charts of gradient diagnostics, log-scaled: values over training updates (gradient norms), and
 * values over the time steps of a window ({@code |dL/dh_t|} per layer). Points that are not
 * positive and finite cannot sit on a log axis and are left out.
 */
public final class DiagnosticsChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private DiagnosticsChart() {}

    /**
     * Draws one line per series against {@code x}, on a log y axis.
     *
     * @param series name to values, each as long as {@code x}
     * @throws IllegalArgumentException when no series has a positive finite point
     */
    public static void lines(
            String title,
            String xTitle,
            String yTitle,
            double[] x,
            Map<String, double[]> series,
            Path png)
            throws IOException {
        ChartFiles.headless();
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(3);
        int drawn = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] y = e.getValue();
            for (int i = 0; i < y.length && i < x.length; i++) {
                if (y[i] > 0 && Double.isFinite(y[i])) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(e.getKey(), xs, ys);
                drawn++;
            }
        }
        if (drawn == 0) {
            throw new IllegalArgumentException(
                    "Nothing to draw in '" + title + "': no positive finite value.");
        }
        ChartFiles.writePng(chart, png);
    }
}
