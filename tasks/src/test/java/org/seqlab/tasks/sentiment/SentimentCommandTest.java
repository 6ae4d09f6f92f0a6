package org.seqlab.tasks.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqlab.seq2seq.CellType;
import org.seqlab.tasks.cli.CellRuns;
import org.seqlab.tasks.cli.CliRun;
import org.seqlab.tasks.cli.InitFromRuns;

/**
 * CLI tests: train on a tiny JSONL set; score, explain and evaluate with the committed reference
 * model, whose exact outputs they pin; then the bad inputs.
 */
class SentimentCommandTest {

    /** The committed reference model (see {@link ReferenceModelWriter}). */
    static final String REF = "src/test/resources/reference-models/sentiment-v1";

    @TempDir static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = TinyReviews.write(dir, "train.jsonl", 120, 1);
        model = dir.resolve("model");
        CliRun r = CliRun.run(TinyReviews.trainArgs(data, model));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("best dev accuracy"), r.out());
    }

    @Test
    void fineTunesFromATrainedModel() throws IOException {
        Path out = dir.resolve("fine-tuned");
        InitFromRuns.sameAsSource(
                model,
                out,
                TinyReviews.trainArgs(data, out, "--epochs", "1"),
                m ->
                        new String[] {
                            "sentiment", "score", "--model", m.toString(), "--json", "a great film"
                        },
                "scores.pos",
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
                TinyReviews.trainArgs(data, out, "--epochs", "1"),
                "sentiment",
                "eval",
                "--model",
                out.toString(),
                "--data",
                data.toString());
    }

    @Test
    void modelDirectoryHasManifestLabelsAndDevAccuracy() throws IOException {
        JsonObject m =
                JsonParser.parseString(Files.readString(model.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals("sentiment", m.get("task").getAsString());
        assertEquals(
                "standard-html",
                m.getAsJsonObject("config").getAsJsonObject("tokenizer").get("name").getAsString());
        assertTrue(m.getAsJsonObject("metrics").has("dev_accuracy"));
        assertEquals("[\"neg\",\"pos\"]", Files.readString(model.resolve("labels.json")).trim());
    }

    @Test
    void scoresArgumentsStdinAndJsonWithANoteForEmptyText() {
        CliRun args = CliRun.run("sentiment", "score", "--model", REF, "great film");
        assertEquals(0, args.code(), args.err());
        assertEquals("pos\t0.7022\tgreat film\n", args.out());

        CliRun stdin =
                CliRun.withInput(
                        "awful boring\n\n", "sentiment", "score", "--model", REF, "--json");
        assertEquals(0, stdin.code(), stdin.err());
        List<String> lines = stdin.out().lines().toList();
        assertEquals(2, lines.size());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("neg", first.get("label").getAsString());
        assertEquals(0.71523, first.get("probability").getAsDouble(), 1e-5);
        assertEquals(0.28477, first.getAsJsonObject("scores").get("pos").getAsDouble(), 1e-5);
        assertFalse(first.has("note"));
        JsonObject empty = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertEquals("pos", empty.get("label").getAsString());
        assertEquals(0.52313, empty.get("probability").getAsDouble(), 1e-5);
        assertEquals("empty text: scored as one unknown word", empty.get("note").getAsString());
    }

    @Test
    void scoreInputJsonlNeedsNoLabelAndEmptyInputsPrintNothing() throws IOException {
        Path texts =
                Files.writeString(
                        dir.resolve("texts.jsonl"),
                        "{\"text\": \"great film\"}\n\n{\"text\": \"awful boring\", \"label\": 3}\n");
        CliRun r = CliRun.run("sentiment", "score", "--model", REF, "--input", texts.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("pos\t0.7022\tgreat film\nneg\t0.7152\tawful boring\n", r.out());
        for (String name : List.of("empty.jsonl", "empty.txt")) {
            Path empty = Files.writeString(dir.resolve(name), "");
            CliRun e =
                    CliRun.run("sentiment", "score", "--model", REF, "--input", empty.toString());
            assertEquals(0, e.code(), name + ": " + e.err());
            assertEquals("", e.out(), name);
            assertEquals("", e.err(), name);
        }
    }

    @Test
    void scoreReadsStrictUtf8AndUnpacksGzipFromStdinAndFiles() throws IOException {
        byte[] bad = {'g', 'o', 'o', 'd', '\n', 'b', (byte) 0xE9, 'd', '\n'};
        CliRun stdin = CliRun.withBytes(bad, "sentiment", "score", "--model", REF);
        assertEquals(2, stdin.code());
        assertEquals("", stdin.out());
        assertEquals("seqlab: <stdin>: invalid UTF-8 at byte 6 (line 2)\n", stdin.err());

        Path badFile = Files.write(dir.resolve("latin1.txt"), bad);
        CliRun file =
                CliRun.run("sentiment", "score", "--model", REF, "--input", badFile.toString());
        assertEquals(2, file.code());
        assertEquals("seqlab: " + badFile + ": invalid UTF-8 at byte 6 (line 2)\n", file.err());

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(packed)) {
            z.write("great film\nawful boring\n".getBytes(StandardCharsets.UTF_8));
        }
        CliRun gz = CliRun.withBytes(packed.toByteArray(), "sentiment", "score", "--model", REF);
        assertEquals(0, gz.code(), gz.err());
        assertEquals("pos\t0.7022\tgreat film\nneg\t0.7152\tawful boring\n", gz.out());
        Path gzFile = Files.write(dir.resolve("texts.txt"), packed.toByteArray());
        CliRun gzInput =
                CliRun.run("sentiment", "score", "--model", REF, "--input", gzFile.toString());
        assertEquals(gz.out(), gzInput.out(), gzInput.err());
    }

    @Test
    void evalPrintsTheReferenceModelsExactReportAndWritesTheChart() throws IOException {
        Path refDir = Path.of(REF);
        Path report = dir.resolve("report");
        CliRun r =
                CliRun.run(
                        "sentiment",
                        "eval",
                        "--model",
                        REF,
                        "--data",
                        refDir.resolve(ReferenceModelWriter.EVAL).toString(),
                        "--json",
                        "--report",
                        report.toString());
        assertEquals(0, r.code(), r.err());
        String expected = Files.readString(refDir.resolve(ReferenceModelWriter.REPORT)).trim();
        assertEquals(expected, r.out().trim());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(10, o.get("examples").getAsInt());
        assertEquals(0.8, o.get("accuracy").getAsDouble(), 1e-12);
        assertEquals(
                1, o.getAsJsonObject("confusion").getAsJsonObject("neg").get("pos").getAsInt());
        assertEquals(expected, Files.readString(report.resolve("report.json")).trim());
        assertTrue(Files.size(report.resolve("confusion.png")) > 100);
    }

    @Test
    void badJsonlNamesTheLineAndSkipBadGoesOn() throws IOException {
        List<String> lines = new java.util.ArrayList<>(TinyReviews.lines(40, 2));
        lines.add(7, "{\"label\": \"pos\"}");
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        CliRun r = CliRun.run(TinyReviews.trainArgs(bad, dir.resolve("b1")));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.jsonl:8") && r.err().contains("text"), r.err());
        CliRun skip = CliRun.run(TinyReviews.trainArgs(bad, dir.resolve("b2"), "--skip-bad"));
        assertEquals(0, skip.code(), skip.err());
    }

    @Test
    void unknownLabelAtEvalAndAnotherTasksModelAreRejected() throws IOException {
        Path meh =
                Files.writeString(
                        dir.resolve("meh.jsonl"),
                        "{\"text\": \"great\", \"label\": \"pos\"}\n"
                                + "{\"text\": \"so so\", \"label\": \"meh\"}\n");
        CliRun r = CliRun.run("sentiment", "eval", "--model", REF, "--data", meh.toString());
        assertEquals(2, r.code());
        assertEquals(
                "seqlab: " + meh + ":2: label 'meh' is not one of the model's labels [neg, pos]\n",
                r.err());
        CliRun lm =
                CliRun.run(
                        "sentiment",
                        "score",
                        "--model",
                        "src/test/resources/reference-models/lm-v1",
                        "hello");
        assertEquals(2, lm.code());
        assertTrue(lm.err().contains("'lm' model, not a 'sentiment' model"), lm.err());
    }

    @Test
    void explainListsWordsWithEffectsInTextAndJson() {
        CliRun text =
                CliRun.run(
                        "sentiment",
                        "score",
                        "--model",
                        REF,
                        "--explain",
                        "--explain-top",
                        "2",
                        "great great film awful");
        assertEquals(0, text.code(), text.err());
        assertEquals(
                "pos\t0.7562\tgreat great film awful\n"
                        + "\tfor pos: great +0.115, great +0.115\n"
                        + "\tagainst: film -0.055, awful -0.042\n",
                text.out());

        CliRun json =
                CliRun.run(
                        "sentiment",
                        "score",
                        "--model",
                        REF,
                        "--json",
                        "--explain",
                        "great film awful");
        assertEquals(0, json.code(), json.err());
        assertExplanation(
                json.out(),
                "pos",
                new String[] {"great", "film", "awful"},
                new int[] {0, 5, 6, 10, 11, 16},
                new double[] {0.329986, -0.078778, -0.061135});

        CliRun bad = CliRun.run("sentiment", "score", "--model", REF, "--explain-top", "0", "x");
        assertEquals(2, bad.code());
        assertEquals("seqlab: --explain-top must be at least 1.\n", bad.err());
    }

    @Test
    void explainOffsetsCountCodePoints() {
        CliRun json =
                CliRun.run(
                        "sentiment", "score", "--model", REF, "--json", "--explain", "😀 loved it");
        assertEquals(0, json.code(), json.err());
        // UTF-16 offsets would put "loved" at 3-8: the emoji is two UTF-16 units.
        assertExplanation(
                json.out(),
                "neg",
                new String[] {"😀", "loved", "it"},
                new int[] {0, 1, 2, 7, 8, 10},
                new double[] {-0.072193, -0.051069, 0.092860});
    }

    private static void assertExplanation(
            String out, String label, String[] words, int[] offsets, double[] effects) {
        JsonObject o = JsonParser.parseString(out.trim()).getAsJsonObject();
        assertEquals(label, o.get("label").getAsString(), out);
        JsonArray explanation = o.getAsJsonArray("explanation");
        assertEquals(words.length, explanation.size(), out);
        for (int i = 0; i < words.length; i++) {
            JsonObject w = explanation.get(i).getAsJsonObject();
            assertEquals(words[i], w.get("word").getAsString(), out);
            assertEquals(offsets[2 * i], w.get("start").getAsInt(), out);
            assertEquals(offsets[2 * i + 1], w.get("end").getAsInt(), out);
            assertEquals(effects[i], w.get("effect").getAsDouble(), 1e-5, out);
        }
    }

    @Test
    void benchSentimentScoreReportsBothRatesAndTheirRatio() throws IOException {
        Path reviews = TinyReviews.write(dir, "bench.jsonl", 30, 5);
        CliRun r =
                CliRun.run(
                        "bench",
                        "sentiment-score",
                        "--model",
                        model.toString(),
                        "--data",
                        reviews.toString(),
                        "--reviews",
                        "20",
                        "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(20, o.get("reviews").getAsInt());
        double seqlab = o.get("reviews_per_s").getAsDouble();
        double bare = o.get("bare_reviews_per_s").getAsDouble();
        assertTrue(seqlab > 0 && bare > 0, r.out());
        assertEquals(seqlab / bare, o.get("ratio").getAsDouble(), 1e-3 * seqlab / bare + 1e-4);
        assertTrue(o.get("mean_tokens").getAsDouble() >= 5, r.out());
    }

    @Test
    void tailDevSplitIsRecordedAndABadOneIsRejected() throws IOException {
        Path out = dir.resolve("tail");
        CliRun r = CliRun.run(TinyReviews.trainArgs(data, out, "--dev-split", "tail"));
        assertEquals(0, r.code(), r.err());
        JsonObject m =
                JsonParser.parseString(Files.readString(out.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals("tail", m.getAsJsonObject("config").get("dev_split").getAsString());
        assertEquals(12, m.getAsJsonObject("data").get("dev_examples").getAsInt());
        CliRun bad =
                CliRun.run(TinyReviews.trainArgs(data, dir.resolve("bad"), "--dev-split", "x"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--dev-split"), bad.err());
    }
}
