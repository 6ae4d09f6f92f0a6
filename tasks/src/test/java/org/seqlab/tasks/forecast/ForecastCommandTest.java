package org.seqlab.tasks.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqlab.seq2seq.CellType;
import org.seqlab.tasks.cli.CellRuns;
import org.seqlab.tasks.cli.CliRun;
import org.seqlab.tasks.cli.InitFromRuns;

/** CLI tests: train a tiny forecaster once, then evaluate, predict and feed it bad input. */
class ForecastCommandTest {

    @TempDir static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = TinySeries.write(dir, "sales.csv", 200);
        model = dir.resolve("model");
        CliRun r =
                CliRun.run(
                        TinySeries.trainArgs(data, model, "--features", "temp", "--lags", "7,14"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("best validation MAE"), r.out());
        assertTrue(Files.isRegularFile(model.resolve("manifest.json")));
        assertTrue(Files.isRegularFile(model.resolve("loss-curve.png")));
        JsonObject metrics =
                JsonParser.parseString(Files.readString(model.resolve("manifest.json")))
                        .getAsJsonObject()
                        .getAsJsonObject("metrics");
        // The intervals were calibrated on the validation part to cover about 80% of it.
        assertEquals(0.8, metrics.get("valid_coverage").getAsDouble(), 0.05, metrics.toString());
        assertTrue(metrics.has("valid_coverage_uncalibrated"), metrics.toString());
        assertTrue(Files.isRegularFile(model.resolve(IntervalCalibration.FILE)));
    }

    @Test
    void fineTunesFromATrainedModel() throws IOException {
        Path out = dir.resolve("fine-tuned");
        InitFromRuns.sameAsSource(
                model,
                out,
                TinySeries.trainArgs(data, out, "--features", "temp", "--lags", "7,14"),
                m ->
                        new String[] {
                            "forecast",
                            "eval",
                            "--model",
                            m.toString(),
                            "--data",
                            data.toString(),
                            "--from",
                            "2020-06-01",
                            "--horizon",
                            "7",
                            "--stride",
                            "7",
                            "--json"
                        },
                "mae",
                "--hidden",
                "7");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void trainsAndRunsWithEveryCell(CellType cell) throws IOException {
        Path out = dir.resolve("cell-" + cell.id());
        CellRuns.trainAndUse(
                cell,
                out,
                TinySeries.trainArgs(data, out),
                "forecast",
                "predict",
                "--model",
                out.toString(),
                "--data",
                data.toString());
    }

    @Test
    void evalPrintsTheIssuesJsonAndWritesForecastsAndAPlot() throws IOException {
        Path csv = dir.resolve("f.csv");
        Path png = dir.resolve("f.png");
        CliRun r =
                CliRun.run(
                        "forecast",
                        "eval",
                        "--model",
                        model.toString(),
                        "--data",
                        data.toString(),
                        "--from",
                        "2020-06-01",
                        "--horizon",
                        "7",
                        "--stride",
                        "7",
                        "--json",
                        "--output",
                        csv.toString(),
                        "--plot",
                        png.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        // 2020-06-01 is day 147 of 200: origins 147, 154, ..., 189 (189 + 7 <= 200 < 196 + 7).
        assertEquals(7, j.get("origins").getAsInt(), r.out());
        assertEquals(7, j.get("horizon").getAsInt());
        for (String k : List.of("mae", "rmse", "mape", "smape", "mase", "skill")) {
            assertTrue(Double.isFinite(j.get(k).getAsDouble()), k + " in " + r.out());
        }
        double coverage = j.getAsJsonObject("coverage").get("0.1-0.9").getAsDouble();
        assertTrue(coverage >= 0 && coverage <= 1, r.out());
        double naive = j.getAsJsonObject("seasonal_naive").get("mae").getAsDouble();
        assertEquals(1 - j.get("mae").getAsDouble() / naive, j.get("skill").getAsDouble(), 1e-9);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("origin,timestamp,step,forecast,actual,q0.1,q0.9", lines.get(0));
        assertEquals(1 + 7 * 7, lines.size());
        assertTrue(lines.get(1).startsWith("2020-06-01,2020-06-01,1,"), lines.get(1));
        assertTrue(lines.get(7).startsWith("2020-06-01,2020-06-07,7,"), lines.get(7));
        // The MAE recomputed from the file equals the reported one.
        double sum = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            sum += Math.abs(Double.parseDouble(f[3]) - Double.parseDouble(f[4]));
        }
        assertEquals(j.get("mae").getAsDouble(), sum / 49, 1e-4 * (1 + sum / 49));
        assertEquals(1000, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void predictForecastsTheStepsAfterTheLastRow() throws IOException {
        Path png = dir.resolve("p.png");
        CliRun r =
                CliRun.run(
                        "forecast",
                        "predict",
                        "--model",
                        model.toString(),
                        "--data",
                        data.toString(),
                        "--plot",
                        png.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("timestamp,step,forecast,q0.1,q0.9", lines.get(0));
        assertEquals(8, lines.size(), r.out());
        // The data ends on day 199 = 2020-07-23.
        assertTrue(lines.get(1).startsWith("2020-07-24,1,"), lines.get(1));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double lo = Double.parseDouble(f[3]);
            double mid = Double.parseDouble(f[2]);
            double hi = Double.parseDouble(f[4]);
            assertTrue(lo <= mid && mid <= hi, line);
        }
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        expectBad(train(empty), "empty.csv");
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "date,sales,temp\n");
        expectBad(train(header), "header.csv");
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "date,units\n2020-01-01,1\n2020-01-02,2\n");
        expectBad(train(other), "units");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "date,sales,temp\n2020-01-01,1,2\n2020-01-02,abc,2\n");
        expectBad(train(text), "text.csv:3");
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, "date,sales,temp\n2020-01-01,1,2\n2020-01-02,1,2\n2020-01-05,1,2\n");
        expectBad(train(gap), "gap.csv:4");
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, "date,sales,temp\n2020-01-01,1,2\n2020-01-02,1,2\n2020-01-02,1,2\n");
        expectBad(train(dup), "dup.csv:4");
        Path shortSeries = TinySeries.write(dir, "short.csv", 20);
        expectBad(train(shortSeries), "too few");

        expectBad(evalFrom("2020-01-08"), "first possible origin");
        expectBad(evalFrom("2019-12-01"), "before the first row");
        expectBad(evalFrom("2020-07-20"), "no origin");
        expectBad(evalFrom("2021-01-01"), "after the end");
        expectBad(evalFrom("June"), "--from");
        // Past the horizon a forecast is recursive, which past covariates (temp) do not allow.
        expectBad(predictSteps("8"), "cannot forecast 8 steps recursively");
        expectBad(predictSteps("0"), "--horizon must be at least 1");
        expectBad(
                CliRun.run(
                        "forecast",
                        "predict",
                        "--model",
                        "src/test/resources/reference-models/sentiment-v1",
                        "--data",
                        data.toString()),
                "sentiment");
    }

    private static CliRun train(Path file) {
        return CliRun.run(TinySeries.trainArgs(file, dir.resolve("never"), "--features", "temp"));
    }

    private static CliRun predictSteps(String horizon) {
        return CliRun.run(
                "forecast",
                "predict",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--horizon",
                horizon);
    }

    private static CliRun evalFrom(String from) {
        return CliRun.run(
                "forecast",
                "eval",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--from",
                from);
    }

    private static void expectBad(CliRun r, String needle) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(needle), needle + " not in: " + r.err());
    }
}
