package org.seqlab.tasks.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingConfig;

/** The forecaster's model: save/load, no leakage, the lag inputs and that training learns. */
class ForecastModelTest {

    @TempDir static Path dir;
    static TimeSeries series;

    @BeforeAll
    static void read() throws IOException {
        Path p = TinySeries.write(dir, "s.csv", 200);
        series = TimeSeriesReader.read(p, SeriesReadOptions.of("date", List.of("sales", "temp")));
    }

    static ForecastConfig config(CellType cell, List<Double> quantiles, int epochs) {
        return config(cell, quantiles, epochs, List.of("temp"));
    }

    static ForecastConfig config(
            CellType cell, List<Double> quantiles, int epochs, List<String> features) {
        return new ForecastConfig(
                "date",
                "sales",
                features,
                "auto",
                "daily",
                "none",
                14,
                7,
                List.of(7, 14),
                cell,
                8,
                1,
                0.1f,
                cell == CellType.GRU ? 2 : 1,
                quantiles,
                quantiles.isEmpty() ? "mae" : "pinball",
                7,
                0.2,
                "window",
                16,
                new TrainingConfig(epochs, 3e-3f, 5, 0, 0.5f, 0, 1e-5f, null, 1000, 3, 0, 0));
    }

    static ForecastModel fresh(CellType cell) {
        ForecastConfig c = config(cell, List.of(0.1, 0.5, 0.9), 1);
        double[][] v = {series.values("sales"), series.values("temp")};
        return ForecastModel.create(c, Scaling.fit(c.columns(), v, 160));
    }

    @Test
    void savedAndLoadedModelsForecastTheSame() throws IOException {
        for (CellType cell : CellType.values()) {
            Path out = dir.resolve("m-" + cell.id());
            int[] origins = {14, 100, 200};
            try (ForecastModel m = fresh(cell)) {
                // A calibration widens the intervals; the loaded model must apply it too.
                m.calibrate(new IntervalCalibration(new double[] {-0.75, 0, 0.75}));
                double[][][] before = m.predict(m.windows(series), origins);
                double[][][] raw = m.predictRaw(m.windows(series), origins);
                assertEquals(raw[1][3][0] - 0.75, before[1][3][0], 1e-9);
                m.save(
                        out,
                        ModelManifest.create(
                                ForecastModel.TASK,
                                m.config().toJson(),
                                3,
                                new com.google.gson.JsonObject(),
                                new com.google.gson.JsonObject(),
                                "test"));
                try (ForecastModel loaded = ForecastModel.load(out)) {
                    double[][][] after = loaded.predict(loaded.windows(series), origins);
                    for (int i = 0; i < origins.length; i++) {
                        for (int s = 0; s < 7; s++) {
                            assertArrayEquals(before[i][s], after[i][s], 1e-9);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aForecastUsesNothingAfterItsOrigin() throws IOException {
        // Every value from the origin on is changed; the forecast from the origin is not.
        String csv = Files.readString(dir.resolve("s.csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        int origin = 120;
        StringBuilder altered = new StringBuilder(lines.get(0)).append('\n');
        for (int r = 0; r < 200; r++) {
            String[] f = lines.get(r + 1).split(",");
            if (r >= origin) {
                f[1] = String.valueOf(Double.parseDouble(f[1]) * 3 + 100);
                f[2] = String.valueOf(-Double.parseDouble(f[2]));
            }
            altered.append(String.join(",", f)).append('\n');
        }
        Path p = dir.resolve("altered.csv");
        Files.writeString(p, altered, StandardCharsets.UTF_8);
        TimeSeries other =
                TimeSeriesReader.read(p, SeriesReadOptions.of("date", List.of("sales", "temp")));
        try (ForecastModel m = fresh(CellType.LSTM)) {
            double[][][] a = m.predict(m.windows(series), new int[] {origin, origin + 1});
            double[][][] b = m.predict(m.windows(other), new int[] {origin, origin + 1});
            for (int s = 0; s < 7; s++) {
                assertArrayEquals(a[0][s], b[0][s], 1e-12);
            }
            // The next origin sees a changed row: the test could notice a leak.
            assertNotEquals(a[1][0][1], b[1][0][1]);
        }
    }

    @Test
    void theDecoderSeesSeasonalLagsFromBeforeTheOrigin() {
        ForecastConfig c = config(CellType.GRU, List.of(), 1);
        double[][] v = {series.values("sales"), series.values("temp")};
        Scaling sc = Scaling.fit(c.columns(), v, 160);
        ForecastWindows w = new ForecastWindows(c, sc, series);
        int o = 50;
        ForecastWindows.Inputs in = w.inputs(new int[] {o}, true);
        int fd = ForecastWindows.decoderWidth(c);
        int cal = fd - 3;
        double level = in.level()[0];
        for (int s = 0; s < 7; s++) {
            // lag 7: the same weekday of the week before the origin; lag 14: two weeks before.
            double lag7 = sc.scale(0, v[0][o + s - 7]) - level;
            double lag14 = sc.scale(0, v[0][o + s - 14]) - level;
            assertEquals(lag7, in.decoder()[s * fd + cal], 1e-5);
            assertEquals(lag14, in.decoder()[s * fd + cal + 1], 1e-5);
            assertEquals(sc.scale(0, v[0][o + s]) - level, in.targets()[s], 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> w.inputs(new int[] {13}, false));
    }

    @Test
    void trainingBeatsTheSeasonalNaiveBaselineOnAClearPattern() throws IOException {
        ForecastConfig c = config(CellType.LSTM, List.of(), 40);
        Path out = dir.resolve("trained");
        ForecastTrainer.Result r = new ForecastTrainer(c, null).train(series, out, false, "test");
        assertTrue(Double.isFinite(r.loop().bestValid()));
        // The Java API as a user calls it: load, read a file, evaluate, forecast.
        try (ForecastModel m = ForecastModel.load(out)) {
            TimeSeries s = m.read(dir.resolve("s.csv"));
            ForecastReport e = m.evaluate(s, s.time(160), 7, 1);
            assertEquals(34, e.origins());
            // Noise of deviation 1 around a weekly pattern: seasonal naive's MAE is about
            // 2/sqrt(pi) = 1.13; averaging the two lags alone would give 0.98.
            assertTrue(e.model().mae() < 0.95 * e.naive().mae(), e.toText());
            Forecast f = m.forecast(s);
            assertEquals(7, f.times().size());
            assertEquals(s.time(199).plusDays(1), f.times().get(0));
            assertEquals(f.point(0), f.values()[0][0]);
            assertThrows(IllegalArgumentException.class, () -> f.quantile(0, 0.9));
        }
    }
}
