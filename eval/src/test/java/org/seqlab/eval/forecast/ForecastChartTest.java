package org.seqlab.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastChartTest {

    private static final String LABEL = "80% interval (q0.1-q0.9)";

    @TempDir Path dir;

    @Test
    void writesAPngWithAnInterval() throws IOException {
        Series s = series(200, 48, 24);
        Path png = dir.resolve("forecast.png");
        ForecastChart.write(
                png, "Load", "load (MW)", s.times, s.actual, s.forecast, s.lower, s.upper, LABEL);
        BufferedImage image = readPngOnly(png);
        assertTrue(bandPixels(image) > 5000, "the interval band is drawn");
    }

    @Test
    void writesAPngWithoutAnInterval() throws IOException {
        Series s = series(200, 48, 24);
        Path png = dir.resolve("forecast.png");
        ForecastChart.write(
                png, "Load", "load (MW)", s.times, s.actual, s.forecast, null, null, null);
        BufferedImage image = readPngOnly(png);
        // only the anti-aliased fringe of the blue forecast line has the band's colour
        assertTrue(bandPixels(image) < 1000, "no band without an interval");
    }

    @Test
    void nanBreaksTheLineInsteadOfDrawingToZero() throws IOException {
        // A ramp 0..99 forecast (the only blue line) with steps 40..59 unknown.
        int n = 100;
        double[] ramp = new double[n];
        for (int i = 0; i < n; i++) {
            ramp[i] = i;
        }
        Arrays.fill(ramp, 40, 60, Double.NaN);
        double[] none = nans(n);
        Path png = dir.resolve("line.png");
        ForecastChart.write(png, "Ramp", "y", times(n), none, ramp, null, null, null);
        assertGapInColumns(columnsWith(readPngOnly(png), ForecastChartTest::isLineBlue));
    }

    @Test
    void nanBreaksTheBandInsteadOfDrawingToZero() throws IOException {
        int n = 100;
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = i;
            upper[i] = i + 20;
        }
        Arrays.fill(lower, 40, 60, Double.NaN); // one missing bound is enough for a gap
        double[] none = nans(n);
        Path png = dir.resolve("band.png");
        ForecastChart.write(png, "Band", "y", times(n), none, none, lower, upper, LABEL);
        assertGapInColumns(columnsWith(readPngOnly(png), ForecastChartTest::isBand));
    }

    /**
     * Checks that the marked columns (steps 0..99 from the first marked column to the last) are
     * empty strictly between steps 39 and 60, and not empty on either side.
     */
    private static void assertGapInColumns(boolean[] marked) {
        int first = 0;
        while (!marked[first]) {
            first++;
        }
        int last = marked.length - 1;
        while (!marked[last]) {
            last--;
        }
        double step = (last - first) / 99.0;
        int gapStart = (int) Math.ceil(first + 39 * step) + 3;
        int gapEnd = (int) Math.floor(first + 60 * step) - 3;
        assertTrue(gapEnd - gapStart > 100, "a wide gap: " + gapStart + ".." + gapEnd);
        for (int x = gapStart; x <= gapEnd; x++) {
            assertFalse(marked[x], "nothing drawn in the gap, at column " + x);
        }
        assertTrue(marked[(int) (first + 20 * step)], "drawn before the gap");
        assertTrue(marked[(int) (first + 80 * step)], "drawn after the gap");
    }

    @Test
    void drawsGapsInEverySeries() throws IOException {
        Series s = series(300, 60, 30);
        Arrays.fill(s.actual, 50, 70, Double.NaN);
        s.actual[100] = Double.NaN;
        s.actual[102] = Double.NaN; // a lone value at 101
        int cut = 300 - 60;
        s.forecast[cut + 5] = Double.NaN;
        s.forecast[cut + 7] = Double.NaN; // a lone forecast at cut + 6
        s.lower[cut + 10] = Double.NaN;
        s.upper[cut + 12] = Double.NaN; // a lone interval at cut + 11
        Path png = dir.resolve("gaps.png");
        ForecastChart.write(
                png, "Gaps", "y", s.times, s.actual, s.forecast, s.lower, s.upper, LABEL);
        assertTrue(bandPixels(readPngOnly(png)) > 5000);
    }

    @Test
    void bandAloneAndNothingFiniteStillDraw() throws IOException {
        int n = 10;
        double[] none = nans(n);
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = i;
            upper[i] = i + 5;
        }
        Path png = dir.resolve("band.png");
        ForecastChart.write(png, "Band", "y", times(n), none, none, lower, upper, LABEL);
        assertTrue(bandPixels(readPngOnly(png)) > 5000);
        ForecastChart.write(png, null, null, times(n), none, none, none, none, null);
        assertEquals(0, bandPixels(readPngOnly(png)));
    }

    @Test
    void replacesTheFileAtomicallyAtTheExactPath() throws IOException {
        Series s = series(100, 24, 12);
        Path png = dir.resolve("chart"); // no extension: kept as given
        ForecastChart.write(png, "One", "y", s.times, s.actual, s.forecast, null, null, null);
        byte[] first = Files.readAllBytes(png);
        readPngOnly(png);
        ForecastChart.write(
                png, "Two", "y", s.times, s.actual, s.forecast, s.lower, s.upper, LABEL);
        readPngOnly(png);
        assertFalse(Arrays.equals(first, Files.readAllBytes(png)), "the file was replaced");
    }

    @Test
    void sixThousandPointsStayQuick() throws IOException {
        Series s = series(6500, 168, 48);
        Arrays.fill(s.actual, 3000, 3100, Double.NaN);
        Path png = dir.resolve("long.png");
        // The chart takes well under a second; the bound only catches a pathological slowdown.
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () ->
                        ForecastChart.write(
                                png,
                                "Long",
                                "y",
                                s.times,
                                s.actual,
                                s.forecast,
                                s.lower,
                                s.upper,
                                LABEL));
        assertTrue(bandPixels(readPngOnly(png)) > 1000);
    }

    @Test
    void rejectsBadArgumentsAndWritesNothing() throws IOException {
        Path png = dir.resolve("bad.png");
        List<LocalDateTime> t = times(3);
        double[] three = {1, 2, 3};
        double[] two = {1, 2};
        assertBad(() -> ForecastChart.write(null, "t", "y", t, three, three, null, null, null));
        assertBad(() -> ForecastChart.write(png, "t", "y", null, three, three, null, null, null));
        assertBad(
                () -> ForecastChart.write(png, "t", "y", List.of(), three, three, null, null, ""));
        List<LocalDateTime> withNull = new ArrayList<>(t);
        withNull.set(1, null);
        assertBad(() -> ForecastChart.write(png, "t", "y", withNull, three, three, null, null, ""));
        assertBad(() -> ForecastChart.write(png, "t", "y", t, two, three, null, null, null));
        assertBad(() -> ForecastChart.write(png, "t", "y", t, three, null, null, null, null));
        assertBad(() -> ForecastChart.write(png, "t", "y", t, three, three, three, null, "i"));
        assertBad(() -> ForecastChart.write(png, "t", "y", t, three, three, null, three, "i"));
        assertBad(() -> ForecastChart.write(png, "t", "y", t, three, three, three, two, "i"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void assertBad(Call call) {
        assertThrows(IllegalArgumentException.class, call::run);
    }

    /** Reads the PNG back, checks its size, and checks no other file is in the directory. */
    private BufferedImage readPngOnly(Path png) throws IOException {
        BufferedImage image = read(png);
        assertEquals(ForecastChart.WIDTH, image.getWidth());
        assertEquals(ForecastChart.HEIGHT, image.getHeight());
        assertEquals(1000, image.getWidth());
        assertEquals(500, image.getHeight());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
        return image;
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a readable PNG");
        return image;
    }

    /** Pixels of the light blue band's colour: bluish, and neither white nor a dark line. */
    private static long bandPixels(BufferedImage image) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isBand(image.getRGB(x, y))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Which columns hold a pixel of the colour, above the legend. */
    private static boolean[] columnsWith(BufferedImage image, IntPredicate colour) {
        boolean[] marked = new boolean[image.getWidth()];
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight() - 60 && !marked[x]; y++) {
                marked[x] = colour.test(image.getRGB(x, y));
            }
        }
        return marked;
    }

    private static boolean isLineBlue(int rgb) {
        return (rgb & 0xff) - ((rgb >> 16) & 0xff) > 60;
    }

    private static boolean isBand(int rgb) {
        int r = (rgb >> 16) & 0xff;
        return (rgb & 0xff) - r >= 25 && r >= 170;
    }

    private static double[] nans(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    private static List<LocalDateTime> times(int n) {
        List<LocalDateTime> times = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2024, 3, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            times.add(start.plusHours(i));
        }
        return times;
    }

    /** A daily cycle; actual known up to {@code n - future}, forecast for the last {@code h}. */
    private static Series series(int n, int h, int future) {
        double[] actual = new double[n];
        double[] forecast = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 80 + 30 * Math.sin(2 * Math.PI * i / 24);
            boolean known = i < n - future;
            boolean forecasted = i >= n - h;
            actual[i] = known ? v + 5 * Math.sin(1.7 * i) : Double.NaN;
            forecast[i] = forecasted ? v : Double.NaN;
            lower[i] = forecasted ? v - 10 : Double.NaN;
            upper[i] = forecasted ? v + 10 : Double.NaN;
        }
        return new Series(times(n), actual, forecast, lower, upper);
    }

    private record Series(
            List<LocalDateTime> times,
            double[] actual,
            double[] forecast,
            double[] lower,
            double[] upper) {}
}
