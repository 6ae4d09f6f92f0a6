package org.seqlab.tasks.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.series.SeriesReadOptions;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.corpora.series.TimeSeriesReader;
import org.seqlab.seq2seq.CellType;

/** Forecasts past the model's horizon: each part continues the series with the one before. */
class ForecastRecursionTest {

    private static final int H = 7;

    @TempDir static Path dir;
    static TimeSeries series;

    @BeforeAll
    static void read() throws IOException {
        Path p = TinySeries.write(dir, "s.csv", 200);
        series = TimeSeriesReader.read(p, SeriesReadOptions.of("date", List.of("sales")));
    }

    static ForecastModel model() {
        ForecastConfig c =
                ForecastModelTest.config(CellType.LSTM, List.of(0.1, 0.5, 0.9), 1, List.of());
        return ForecastModel.create(
                c, Scaling.fit(c.columns(), new double[][] {series.values("sales")}, 160));
    }

    @Test
    void eachLaterPartIsTheDirectForecastFromTheSeriesContinuedByThePointForecast()
            throws IOException {
        int origin = 120;
        try (ForecastModel m = model()) {
            double[][] direct = m.predict(m.windows(series), new int[] {origin})[0];
            double[][] steps = m.predict(m.windows(series), new int[] {origin}, 2 * H + 3)[0];
            assertEquals(2 * H + 3, steps.length);
            for (int s = 0; s < H; s++) {
                assertArrayEquals(direct[s], steps[s], 1e-12);
            }
            // The file a user would write: the rows before the origin, then the point forecast.
            List<String> lines = Files.readAllLines(dir.resolve("s.csv"), StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder("date,sales\n");
            for (int r = 0; r < origin + H; r++) {
                String[] f = lines.get(r + 1).split(",");
                String v = r < origin ? f[1] : Double.toString(direct[r - origin][1]);
                b.append(f[0]).append(',').append(v).append('\n');
            }
            Path continued = dir.resolve("continued.csv");
            Files.writeString(continued, b, StandardCharsets.UTF_8);
            TimeSeries c =
                    TimeSeriesReader.read(
                            continued, SeriesReadOptions.of("date", List.of("sales")));
            double[][] second = m.predict(m.windows(c), new int[] {origin + H})[0];
            for (int s = 0; s < H; s++) {
                assertArrayEquals(second[s], steps[H + s], 1e-9);
            }
            // The recursion stays causal: nothing from the origin on is read.
            double[][] again = m.predict(m.windows(c), new int[] {origin}, 2 * H + 3)[0];
            for (int s = 0; s < steps.length; s++) {
                assertArrayEquals(steps[s], again[s], 1e-9);
            }
        }
    }

    @Test
    void forecastingPastTheEndContinuesTheCalendar() {
        try (ForecastModel m = model()) {
            Forecast direct = m.forecast(series);
            Forecast longer = m.forecast(series, 20);
            assertEquals(20, longer.times().size());
            assertEquals(series.time(199).plusDays(20), longer.times().get(19));
            for (int s = 0; s < H; s++) {
                assertArrayEquals(direct.values()[s], longer.values()[s], 1e-12);
            }
            for (double[] step : longer.values()) {
                assertTrue(step[0] <= step[1] && step[1] <= step[2]);
            }
            assertThrows(IllegalArgumentException.class, () -> m.forecast(series, 0));
        }
    }

    @Test
    void aModelWithPastCovariatesRefusesToForecastPastItsHorizon() throws IOException {
        TimeSeries both =
                TimeSeriesReader.read(
                        dir.resolve("s.csv"),
                        SeriesReadOptions.of("date", List.of("sales", "temp")));
        ForecastConfig c = ForecastModelTest.config(CellType.GRU, List.of(0.1, 0.5, 0.9), 1);
        double[][] v = {both.values("sales"), both.values("temp")};
        try (ForecastModel m = ForecastModel.create(c, Scaling.fit(c.columns(), v, 160))) {
            assertEquals(H, m.forecast(both, H).times().size());
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> m.forecast(both, H + 1));
            assertTrue(e.getMessage().contains("[temp]"), e.getMessage());
            assertTrue(e.getMessage().contains("--horizon"), e.getMessage());
        }
    }
}
