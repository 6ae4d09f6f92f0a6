package org.seqlab.eval.forecast;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.seqlab.eval.ChartFiles;

/**
 * Draws actual values, a point forecast and a forecast interval on a shared time axis as a PNG
 * chart.
 *
 * <p>The chart is 1000 by 500 pixels with dates on the x axis and the legend below the plot. The
 * actual values are a thin dark line, the forecast a blue line, and the interval a light blue band
 * filled between its lower and upper bounds, drawn beneath both lines. A value that is not finite
 * ({@code NaN}, typically an unknown future actual value or a step with no forecast) is a gap: the
 * line or band stops before it and starts again after it, and a lone finite value between gaps is
 * drawn as a dot (a lone interval as a vertical bar). Times are drawn as the wall-clock values they
 * hold, with no time zone shift, and the date labels do not depend on the default locale. A chart
 * with no finite value at all is drawn with empty axes. Rendering is headless: {@code
 * java.awt.headless} is set to {@code true} unless it was already set.
 */
public final class ForecastChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 500;

    private static final Color ACTUAL = new Color(33, 33, 33);
    private static final Color FORECAST = new Color(31, 119, 180);
    private static final Color BAND = new Color(31, 119, 180, 60);
    private static final Color BAR = new Color(31, 119, 180, 150);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private ForecastChart() {}

    /**
     * Writes a forecast chart to a PNG file.
     *
     * <p>All arrays are indexed like {@code times}. The interval is drawn when {@code lower} and
     * {@code upper} are both given, at the steps where both are finite, and appears in the legend
     * as {@code intervalLabel} (for example "80% interval (q0.1-q0.9)"). A series with no finite
     * value is left out of the chart and the legend. The file is written atomically through a
     * temporary file in the same directory, and ends up at exactly {@code png}, whatever its
     * extension.
     *
     * @param png the file to write
     * @param title the chart title; {@code null} for none
     * @param yLabel the y axis title, such as the quantity and its unit; {@code null} for none
     * @param times the time of each step, at least one, none {@code null}, in ascending order (not
     *     checked)
     * @param actual the actual value at each step; {@code NaN} where unknown
     * @param forecast the point forecast at each step; {@code NaN} where there is none
     * @param lower the lower bound of the interval at each step, or {@code null} for no interval
     * @param upper the upper bound of the interval at each step, or {@code null} for no interval
     * @param intervalLabel the legend name of the interval; {@code null} gives "interval"
     * @throws IllegalArgumentException if {@code png}, {@code times}, {@code actual} or {@code
     *     forecast} is {@code null}, {@code times} is empty or holds {@code null}, an array's
     *     length differs from the number of times, or only one of {@code lower} and {@code upper}
     *     is given
     * @throws IOException if the file cannot be written
     */
    public static void write(
            Path png,
            String title,
            String yLabel,
            List<LocalDateTime> times,
            double[] actual,
            double[] forecast,
            double[] lower,
            double[] upper,
            String intervalLabel)
            throws IOException {
        if (png == null) {
            throw new IllegalArgumentException("The chart's path was null.");
        }
        List<Date> dates = dates(times);
        checkLength("actual", actual, dates.size());
        checkLength("forecast", forecast, dates.size());
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException(
                    "An interval needs both bounds, but the "
                            + (lower == null ? "lower" : "upper")
                            + " bounds were null.");
        }
        if (lower != null) {
            checkLength("lower", lower, dates.size());
            checkLength("upper", upper, dates.size());
        }
        ChartFiles.headless();
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title == null ? "" : title)
                        .xAxisTitle("time")
                        .yAxisTitle(yLabel == null ? "" : yLabel)
                        .build();
        XYStyler styler = chart.getStyler();
        styler.setTimezone(UTC);
        styler.setLocale(Locale.ROOT);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setMarkerSize(4);
        styler.setErrorBarsColorSeriesColor(true);
        if (lower != null) {
            addBand(chart, intervalLabel == null ? "interval" : intervalLabel, dates, lower, upper);
        }
        addLine(chart, "actual", dates, actual, ACTUAL, 1f);
        addLine(chart, "forecast", dates, forecast, FORECAST, 1.5f);
        ChartFiles.writePng(chart, png);
    }

    private static List<Date> dates(List<LocalDateTime> times) {
        if (times == null || times.isEmpty()) {
            throw new IllegalArgumentException(
                    "A forecast chart needs at least one time, but the times were "
                            + (times == null ? "null." : "empty."));
        }
        List<Date> dates = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            LocalDateTime t = times.get(i);
            if (t == null) {
                throw new IllegalArgumentException("Time " + i + " of the chart was null.");
            }
            // Shown in UTC (see the styler), so the axis shows the wall-clock values as given.
            dates.add(Date.from(t.toInstant(ZoneOffset.UTC)));
        }
        return dates;
    }

    private static void checkLength(String name, double[] values, int size) {
        if (values == null) {
            throw new IllegalArgumentException("The " + name + " values were null.");
        }
        if (values.length != size) {
            throw new IllegalArgumentException(
                    "There must be one "
                            + name
                            + " value per time, but there were "
                            + values.length
                            + " values for "
                            + size
                            + " times.");
        }
    }

    /** Adds a line broken at non-finite values, and dots for finite values between two gaps. */
    private static void addLine(
            XYChart chart, String name, List<Date> dates, double[] y, Color color, float width) {
        List<Double> ys = new ArrayList<>(y.length);
        List<Date> loneX = new ArrayList<>();
        List<Double> loneY = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < y.length; i++) {
            boolean finite = Double.isFinite(y[i]);
            any |= finite;
            ys.add(finite ? y[i] : Double.NaN);
            if (finite && isLone(y, i)) {
                loneX.add(dates.get(i));
                loneY.add(y[i]);
            }
        }
        if (!any) {
            return;
        }
        XYSeries line = chart.addSeries(name, dates, ys);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineWidth(width);
        if (!loneX.isEmpty()) {
            XYSeries dots = chart.addSeries(name + " (single points)", loneX, loneY);
            dots.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            dots.setMarkerColor(color);
            dots.setShowInLegend(false);
        }
    }

    /**
     * Adds the interval as one filled polygon per run of steps with both bounds finite (upper
     * bounds forward, lower bounds back, a {@code NaN} closing each polygon), and a vertical bar
     * for each run of one step, which a polygon would not show.
     */
    private static void addBand(
            XYChart chart, String name, List<Date> dates, double[] lower, double[] upper) {
        List<Date> polyX = new ArrayList<>();
        List<Double> polyY = new ArrayList<>();
        List<Date> barX = new ArrayList<>();
        List<Double> barMid = new ArrayList<>();
        List<Double> barHalf = new ArrayList<>();
        int n = lower.length;
        int i = 0;
        while (i < n) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                i++;
            }
            int end = i - 1;
            if (start == end) {
                barX.add(dates.get(start));
                barMid.add((lower[start] + upper[start]) / 2);
                barHalf.add(Math.abs(upper[start] - lower[start]) / 2);
                continue;
            }
            for (int j = start; j <= end; j++) {
                polyX.add(dates.get(j));
                polyY.add(upper[j]);
            }
            for (int j = end; j >= start; j--) {
                polyX.add(dates.get(j));
                polyY.add(lower[j]);
            }
            polyX.add(dates.get(end));
            polyY.add(Double.NaN);
        }
        boolean named = false;
        if (!polyX.isEmpty()) {
            XYSeries band = chart.addSeries(name, polyX, polyY);
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setLineStyle(SeriesLines.NONE);
            band.setFillColor(BAND);
            band.setLineColor(BAND);
            named = true;
        }
        if (!barX.isEmpty()) {
            XYSeries bars =
                    chart.addSeries(
                            named ? name + " (single points)" : name, barX, barMid, barHalf);
            bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            bars.setMarker(SeriesMarkers.NONE);
            bars.setLineColor(BAR);
            bars.setMarkerColor(BAR);
            bars.setShowInLegend(!named);
        }
    }

    /** Whether step {@code i} has no finite neighbour. */
    private static boolean isLone(double[] y, int i) {
        boolean before = i > 0 && Double.isFinite(y[i - 1]);
        boolean after = i + 1 < y.length && Double.isFinite(y[i + 1]);
        return !before && !after;
    }
}
