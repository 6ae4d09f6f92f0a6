package org.seqlab.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.seqlab.io.AtomicFiles;

/**
 * Draws the training and validation loss per epoch as a PNG chart.
 *
 * <p>The chart is 800 by 500 pixels, titled "Training loss", with the epoch on the x axis (the
 * update, when a run also validated inside epochs) and the loss in nats per token on the y axis.
 * Rendering is headless: {@code java.awt.headless} is set to {@code true} unless it was already
 * set.
 */
public final class LossCurveChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private LossCurveChart() {}

    /**
     * Writes the loss curve of a training log to a PNG file.
     *
     * <p>There is a "train" series, and a "validation NAME" series (named by the records' metric)
     * when any record has a finite validation value; non-finite points are skipped. A loss shares
     * the training loss's axis; any other metric (accuracy, F1, BLEU) gets a second y axis. The
     * file is written atomically through a temporary file in the same directory, and ends up at
     * exactly {@code png}, whatever its extension.
     *
     * @param records the training log, at least one record with a finite training loss
     * @param png the file to write
     * @throws IllegalArgumentException if {@code records} is empty or has no finite training loss
     * @throws IOException if the file cannot be written
     */
    public static void write(List<EpochRecord> records, Path png) throws IOException {
        if (records == null || records.isEmpty()) {
            throw new IllegalArgumentException(
                    "A loss curve needs at least one epoch record, but the list was empty.");
        }
        List<Double> trainX = new ArrayList<>();
        List<Double> trainY = new ArrayList<>();
        List<Double> validX = new ArrayList<>();
        List<Double> validY = new ArrayList<>();
        boolean byUpdate = byUpdate(records);
        for (EpochRecord r : records) {
            double x = byUpdate ? r.step() : r.epoch();
            if (Double.isFinite(r.trainLoss())) {
                trainX.add(x);
                trainY.add(r.trainLoss());
            }
            if (Double.isFinite(r.valid())) {
                validX.add(x);
                validY.add(r.valid());
            }
        }
        if (trainX.isEmpty()) {
            throw new IllegalArgumentException(
                    "A loss curve needs a finite training loss, but all "
                            + records.size()
                            + " records had none.");
        }
        ChartFiles.headless();
        String metric = records.get(records.size() - 1).metric();
        byte[] bytes =
                render(trainX, trainY, validX, validY, metric, byUpdate ? "update" : "epoch");
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    /**
     * Returns whether the x axis counts updates rather than epochs: when a run validated inside
     * epochs (several records of one epoch), so that each point sits where it was measured.
     */
    static boolean byUpdate(List<EpochRecord> records) {
        return records.stream().map(EpochRecord::epoch).distinct().count() < records.size();
    }

    private static byte[] render(
            List<Double> trainX,
            List<Double> trainY,
            List<Double> validX,
            List<Double> validY,
            String metric,
            String xTitle)
            throws IOException {
        boolean loss = metric.endsWith("loss");
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(loss ? "Training loss" : "Training loss and validation " + metric)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(loss ? "loss (nats/token)" : "train loss (nats)")
                        .build();
        chart.addSeries("train", trainX, trainY);
        if (!validX.isEmpty()) {
            XYSeries valid = chart.addSeries("validation " + metric, validX, validY);
            if (!loss) {
                valid.setYAxisGroup(1);
                chart.setYAxisGroupTitle(1, "validation " + metric);
            }
        }
        return ChartFiles.png(chart);
    }

    /**
     * Writes the validation curves of several runs into one PNG, against training time in minutes
     * (every record's elapsed seconds), to compare runs given the same time budget.
     *
     * @param runs run label to its training log, in the order to draw; each needs a finite
     *     validation value
     * @param title the chart's title
     * @param yTitle the y axis title, e.g. {@code validation loss (nats/char)}
     * @throws IllegalArgumentException if there is no run or a run has no finite validation value
     * @throws IOException if the file cannot be written
     */
    public static void compare(
            java.util.Map<String, List<EpochRecord>> runs, String title, String yTitle, Path png)
            throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A comparison needs at least one run.");
        }
        ChartFiles.headless();
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle("training time (minutes)")
                        .yAxisTitle(yTitle)
                        .build();
        for (java.util.Map.Entry<String, List<EpochRecord>> run : runs.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (EpochRecord r : run.getValue()) {
                if (Double.isFinite(r.valid())) {
                    x.add(r.elapsedSeconds() / 60);
                    y.add(r.valid());
                }
            }
            if (x.isEmpty()) {
                throw new IllegalArgumentException(
                        "Run '" + run.getKey() + "' has no finite validation value to draw.");
            }
            chart.addSeries(run.getKey(), x, y);
        }
        ChartFiles.writePng(chart, png);
    }
}
