package org.seqlab.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.seqlab.io.AtomicFiles;

/** What every chart of seqlab does around XChart: headless rendering and atomic PNG files. */
public final class ChartFiles {

    private ChartFiles() {}

    /**
     * Sets {@code java.awt.headless} to {@code true} unless it was already set; call before
     * building a chart.
     */
    public static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Returns the chart as PNG bytes. */
    public static byte[] png(Chart<?, ?> chart) throws IOException {
        headless();
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }

    /**
     * Writes the chart as a PNG to exactly {@code file} (whatever its extension), through a
     * temporary file in the same directory.
     */
    public static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        byte[] bytes = png(chart);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
