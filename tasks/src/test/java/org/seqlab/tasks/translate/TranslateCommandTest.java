package org.seqlab.tasks.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.seqlab.seq2seq.CellType;
import org.seqlab.tasks.cli.CellRuns;
import org.seqlab.tasks.cli.CliRun;
import org.seqlab.tasks.cli.InitFromRuns;

/** CLI tests: train a tiny translator once, then evaluate, translate and feed it bad input. */
class TranslateCommandTest {

    @TempDir static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        data = TinyPairs.write(dir, "pairs.tsv");
        model = dir.resolve("model");
        CliRun r = CliRun.run(TinyPairs.trainArgs(data, model));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("best dev bleu"), r.out());
    }

    @Test
    void fineTunesFromATrainedModel() throws IOException {
        Path out = dir.resolve("fine-tuned");
        InitFromRuns.sameAsSource(
                model,
                out,
                TinyPairs.trainArgs(data, out),
                m ->
                        new String[] {
                            "translate",
                            "eval",
                            "--model",
                            m.toString(),
                            "--data",
                            data.toString(),
                            "--json"
                        },
                "chrf",
                "--encoder-hidden",
                "5");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void trainsAndRunsWithEveryCell(CellType cell) throws IOException {
        Path out = dir.resolve("cell-" + cell.id());
        CellRuns.trainAndUse(
                cell,
                out,
                TinyPairs.trainArgs(data, out),
                "translate",
                "eval",
                "--model",
                out.toString(),
                "--data",
                data.toString());
    }

    @Test
    void manifestRecordsTaskCommandDataAndDevBleu() throws IOException {
        JsonObject m =
                JsonParser.parseString(Files.readString(model.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals("translate", m.get("task").getAsString());
        assertTrue(m.get("command").getAsString().startsWith("seqlab translate train"));
        assertEquals(
                64,
                m.getAsJsonObject("data").get("data_sha256").getAsString().length(),
                m.toString());
        assertTrue(m.getAsJsonObject("metrics").has("dev_bleu"), m.toString());
    }

    @Test
    void evalPrintsBleuChrfAndSignatureAndWritesTheOutput() throws IOException {
        Path out = dir.resolve("hyp.txt");
        CliRun r =
                CliRun.run(
                        "translate",
                        "eval",
                        "--model",
                        model.toString(),
                        "--data",
                        data.toString(),
                        "--beam",
                        "3",
                        "--json",
                        "--output",
                        out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(TinyPairs.LINES.size(), j.get("sentences").getAsInt());
        double bleu = j.get("bleu").getAsDouble();
        assertTrue(bleu >= 0 && bleu <= 100, r.out());
        assertTrue(
                j.get("signature").getAsString().startsWith("nrefs:1|case:mixed|eff:no|tok:13a"));
        assertEquals(TinyPairs.LINES.size(), Files.readAllLines(out).size());
    }

    @Test
    void translatesArgumentsAndEveryStdinLineToOneLine() {
        CliRun args = CliRun.run("translate", "--model", model.toString(), "--beam", "2", "Go.");
        assertEquals(0, args.code(), args.err());
        assertEquals(1, args.out().lines().count(), args.out());

        CliRun pipe =
                CliRun.withInput(
                        "Go.\n\nI see.\n" + "go ".repeat(500) + "\nПривет 😀\n",
                        "translate",
                        "--model",
                        model.toString());
        assertEquals(0, pipe.code(), pipe.err());
        List<String> lines = pipe.out().lines().toList();
        assertEquals(5, lines.size(), pipe.out());
        assertEquals("", lines.get(1));
    }

    @Test
    void badInputExitsTwoNamingTheFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "Go.\tVa !\nonly one column\n", StandardCharsets.UTF_8);
        CliRun r =
                CliRun.run(
                        "translate", "eval", "--model", model.toString(), "--data", bad.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(bad + ":2"), r.err());

        Path latin1 = dir.resolve("latin1.tsv");
        Files.write(latin1, new byte[] {'a', '\t', (byte) 0xE9, '\n'});
        CliRun enc =
                CliRun.run(
                        "translate",
                        "eval",
                        "--model",
                        model.toString(),
                        "--data",
                        latin1.toString());
        assertEquals(2, enc.code(), enc.err());
        assertTrue(enc.err().contains("UTF-8"), enc.err());

        CliRun other =
                CliRun.run(
                        "translate",
                        "--model",
                        "src/test/resources/reference-models/sentiment-v1",
                        "Go.");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("sentiment"), other.err());

        CliRun toDir =
                CliRun.run(
                        "translate",
                        "eval",
                        "--model",
                        model.toString(),
                        "--data",
                        data.toString(),
                        "--output",
                        dir.toString());
        assertEquals(2, toDir.code(), toDir.err());
        assertTrue(toDir.err().contains("--output " + dir + ": is a directory"), toDir.err());

        CliRun beam = CliRun.run("translate", "--model", model.toString(), "--beam", "0", "Go.");
        assertEquals(2, beam.code(), beam.err());
        assertTrue(beam.err().contains("--beam"), beam.err());
    }
}
