package org.seqlab.tasks.tagging;

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

/** CLI tests: train a tiny POS tagger and a tiny CRF entity tagger once, then use them. */
class TagCommandTest {

    @TempDir static Path dir;
    static Path posData;
    static Path nerData;
    static Path pos;
    static Path ner;

    @BeforeAll
    static void trainOnce() throws IOException {
        posData = TinyTagged.conllu(dir, "pos.conllu");
        nerData = TinyTagged.conll(dir, "ner.conll");
        pos = dir.resolve("pos");
        ner = dir.resolve("ner");
        CliRun p = CliRun.run(TinyTagged.trainArgs(posData, "conllu", pos));
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("best dev accuracy"), p.out());
        CliRun n =
                CliRun.run(
                        TinyTagged.trainArgs(
                                nerData,
                                "conll",
                                ner,
                                "--crf",
                                "--char-encoder",
                                "lstm",
                                "--freeze-epochs",
                                "-1"));
        assertEquals(0, n.code(), n.err());
        assertTrue(n.out().contains("best dev f1"), n.out());
    }

    @Test
    void fineTunesFromATrainedModel() throws IOException {
        Path out = dir.resolve("fine-tuned");
        InitFromRuns.sameAsSource(
                pos,
                out,
                TinyTagged.trainArgs(posData, "conllu", out, "--epochs", "1"),
                m ->
                        new String[] {
                            "tag",
                            "eval",
                            "--model",
                            m.toString(),
                            "--data",
                            posData.toString(),
                            "--json"
                        },
                "accuracy",
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
                TinyTagged.trainArgs(posData, "conllu", out, "--epochs", "1"),
                "tag",
                "eval",
                "--model",
                out.toString(),
                "--data",
                posData.toString());
    }

    @Test
    void manifestRecordsTaskCommandDataAndDevMetric() throws IOException {
        JsonObject m =
                JsonParser.parseString(Files.readString(ner.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals("tagging", m.get("task").getAsString());
        assertTrue(m.get("command").getAsString().startsWith("seqlab tag train"));
        assertEquals(64, m.getAsJsonObject("data").get("data_sha256").getAsString().length());
        assertTrue(m.getAsJsonObject("metrics").has("dev_f1"), m.toString());
        assertEquals("iob2", m.getAsJsonObject("config").get("scheme").getAsString());
    }

    @Test
    void severalTrainingFilesAreReadInOrder() throws IOException {
        Path out = dir.resolve("two-files");
        Path second = TinyTagged.conll(dir, "second.conll");
        String[] args =
                TinyTagged.trainArgs(
                        nerData, "conll", out, "--train", second.toString(), "--epochs", "1");
        CliRun r = CliRun.run(args);
        assertEquals(0, r.code(), r.err());
        JsonObject m =
                JsonParser.parseString(Files.readString(out.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals(
                2 * TinyTagged.NER.size(),
                m.getAsJsonObject("data").get("train_sentences").getAsInt(),
                m.toString());
        assertTrue(m.get("command").getAsString().contains("--train " + second), m.toString());
    }

    @Test
    void evalReportsAccuracyAndForEntitiesSpans() {
        CliRun p =
                CliRun.run(
                        "tag",
                        "eval",
                        "--model",
                        pos.toString(),
                        "--data",
                        posData.toString(),
                        "--json");
        assertEquals(0, p.code(), p.err());
        JsonObject j = JsonParser.parseString(p.out().trim()).getAsJsonObject();
        assertEquals(TinyTagged.POS.size(), j.get("sentences").getAsInt());
        assertEquals(36, j.get("tokens").getAsInt());
        double acc = j.get("accuracy").getAsDouble();
        assertTrue(acc >= 0 && acc <= 1, p.out());
        assertTrue(!j.has("f1"), "no span scores for POS tags: " + p.out());

        CliRun n =
                CliRun.run(
                        "tag",
                        "eval",
                        "--model",
                        ner.toString(),
                        "--data",
                        nerData.toString(),
                        "--json");
        assertEquals(0, n.code(), n.err());
        JsonObject e = JsonParser.parseString(n.out().trim()).getAsJsonObject();
        for (String k : List.of("accuracy", "precision", "recall", "f1", "per_type")) {
            assertTrue(e.has(k), k + " in " + n.out());
        }
    }

    @Test
    void tagsTextInlineAsConllAndAsJsonWithOffsets() {
        String text = "John lives in Paris. Mary went to London.";
        CliRun inline = CliRun.run("tag", "--model", pos.toString(), text);
        assertEquals(0, inline.code(), inline.err());
        List<String> lines = inline.out().lines().toList();
        assertEquals(2, lines.size(), inline.out());
        assertTrue(lines.get(0).startsWith("John/"), inline.out());
        assertEquals(5, lines.get(0).split(" ").length, inline.out());

        CliRun conll = CliRun.run("tag", "--model", pos.toString(), "--conll", "The cat sleeps.");
        assertEquals(0, conll.code(), conll.err());
        assertTrue(conll.out().startsWith("1\tThe\t"), conll.out());
        assertEquals(4, conll.out().strip().lines().count(), conll.out());

        CliRun json = CliRun.run("tag", "--model", ner.toString(), "--json", text);
        assertEquals(0, json.code(), json.err());
        List<String> objects = json.out().lines().toList();
        assertEquals(2, objects.size(), json.out());
        JsonObject second = JsonParser.parseString(objects.get(1)).getAsJsonObject();
        JsonObject firstToken = second.getAsJsonArray("tokens").get(0).getAsJsonObject();
        assertEquals("Mary", firstToken.get("text").getAsString());
        assertEquals(text.indexOf("Mary"), firstToken.get("start").getAsInt());
        assertTrue(second.has("entities"), json.out());
        second.getAsJsonArray("entities")
                .forEach(
                        en -> {
                            JsonObject o = en.getAsJsonObject();
                            assertEquals(
                                    o.get("text").getAsString(),
                                    text.substring(
                                            o.get("start").getAsInt(), o.get("end").getAsInt()));
                        });
    }

    @Test
    void stdinIsTaggedLineByLineAndEmptyInputGivesNothing() {
        CliRun pipe =
                CliRun.withInput(
                        "The dog runs.\n\nA cat sleeps.\n", "tag", "--model", pos.toString());
        assertEquals(0, pipe.code(), pipe.err());
        assertEquals(2, pipe.out().lines().count(), pipe.out());
        CliRun empty = CliRun.withInput("", "tag", "--model", pos.toString());
        assertEquals(0, empty.code(), empty.err());
        assertEquals("", empty.out());
        String longSentence = "the dog runs and ".repeat(300) + "sleeps";
        CliRun longer = CliRun.run("tag", "--model", pos.toString(), longSentence);
        assertEquals(0, longer.code(), longer.err());
        assertEquals(1201, longer.out().strip().split(" ").length);
    }

    @Test
    void aGoldTagTheModelNeverSawIsCountedNotACrash() throws IOException {
        Path other = dir.resolve("other.conllu");
        Files.writeString(
                other,
                "1\tThe\t_\tDET\t_\t_\t0\tdep\t_\t_\n2\twow\t_\tINTJ\t_\t_\t1\tdep\t_\t_\n\n",
                StandardCharsets.UTF_8);
        CliRun r =
                CliRun.run(
                        "tag",
                        "eval",
                        "--model",
                        pos.toString(),
                        "--data",
                        other.toString(),
                        "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(1, j.get("unknown_gold_tags").getAsInt(), r.out());
        assertTrue(j.get("accuracy").getAsDouble() <= 0.5, r.out());
    }

    @Test
    void badInputExitsTwoNamingTheFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.conllu");
        Files.writeString(
                bad,
                "1\tThe\t_\tDET\t_\t_\t0\tdep\t_\t_\n2\tcat\tNOUN\n\n",
                StandardCharsets.UTF_8);
        CliRun r = CliRun.run("tag", "eval", "--model", pos.toString(), "--data", bad.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(bad + ":2"), r.err());

        CliRun other =
                CliRun.run(
                        "tag",
                        "--model",
                        "src/test/resources/reference-models/sentiment-v1",
                        "Hello.");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("sentiment"), other.err());

        CliRun both = CliRun.run("tag", "--model", pos.toString(), "--conll", "--json", "x");
        assertEquals(2, both.code(), both.err());

        // A CoNLL-U file read as the entity model's columns: every "tag" is the MISC column.
        CliRun misread =
                CliRun.run("tag", "eval", "--model", ner.toString(), "--data", posData.toString());
        assertEquals(2, misread.code(), misread.err());
        assertTrue(misread.err().contains(posData.toString()), misread.err());
        assertTrue(misread.err().contains("--format"), misread.err());

        CliRun format = CliRun.run(TinyTagged.trainArgs(posData, "tsv", dir.resolve("never")));
        assertEquals(2, format.code(), format.err());
        assertTrue(format.err().contains("tsv"), format.err());
    }
}
