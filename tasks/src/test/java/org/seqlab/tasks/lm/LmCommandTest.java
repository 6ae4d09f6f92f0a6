package org.seqlab.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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

/** CLI smoke test: train one epoch on a few KB, evaluate, generate; then each bad input. */
class LmCommandTest {

    @TempDir static Path dir;
    static Path corpus;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TinyCorpus.write(dir, "tiny.txt", 200);
        model = dir.resolve("model");
        CliRun r = CliRun.run(TinyCorpus.tinyTrainArgs(corpus, model));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stopped: completed after 1 epochs"), r.out());
    }

    @Test
    void diagnosticsRecordNormsClippingAndTheReachBackInTime() throws IOException {
        Path out = dir.resolve("diagnosed");
        CliRun r =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                corpus, out, "--diagnostics", "10", "--clip", "0.5"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("diagnostics.jsonl"));
        assertTrue(lines.size() >= 3, lines.size() + " lines");
        for (String line : lines) {
            com.google.gson.JsonObject o =
                    com.google.gson.JsonParser.parseString(line).getAsJsonObject();
            double before = o.get("grad_norm").getAsDouble();
            double after = o.get("grad_norm_clipped").getAsDouble();
            assertEquals(Math.min(before, 0.5), after, 1e-9);
            double fraction = o.get("clipped_fraction").getAsDouble();
            assertTrue(fraction >= 0 && fraction <= 1, line);
            com.google.gson.JsonObject layers = o.getAsJsonObject("layers");
            assertTrue(layers.has("rnn.l0") && layers.has("rnn.l1") && layers.has("embedding"));
            com.google.gson.JsonObject reach = o.getAsJsonObject("dl_dh");
            assertEquals(16, reach.getAsJsonArray("rnn.l0").size(), "one value per step");
            assertTrue(reach.getAsJsonArray("rnn.l1").get(15).getAsDouble() > 0, line);
        }
        assertTrue(Files.size(out.resolve("diagnostics-norms.png")) > 1000);
        assertTrue(Files.size(out.resolve("diagnostics-dh.png")) > 1000);
    }

    @Test
    void aBpeModelIsFineTunedWithItsMerges() throws IOException {
        Path merges = dir.resolve("merges.txt");
        CliRun learn =
                CliRun.run(
                        "bpe",
                        "learn",
                        "--corpus",
                        corpus.toString(),
                        "--merges",
                        "50",
                        "--out",
                        merges.toString());
        assertEquals(0, learn.code(), learn.err());
        Path source = dir.resolve("bpe-source");
        CliRun first =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                corpus, source, "--level", "word", "--tokenizer", "bpe:" + merges));
        assertEquals(0, first.code(), first.err());
        Path tuned = dir.resolve("bpe-tuned");
        CliRun second =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(corpus, tuned, "--init-from", source.toString()));
        assertEquals(0, second.code(), second.err());
        assertEquals(
                Files.readString(source.resolve("bpe-merges.txt")),
                Files.readString(tuned.resolve("bpe-merges.txt")));
        CliRun eval =
                CliRun.run(
                        "lm", "eval", "--model", tuned.toString(), "--corpus", corpus.toString());
        assertEquals(0, eval.code(), eval.err());
    }

    @Test
    void extendVocabAppendsTheNewDataCharactersAfterTheModels() throws IOException {
        Path other = dir.resolve("other.txt");
        Files.writeString(
                other, "Zebra quartz 0123456789 {}\n".repeat(20) + TinyCorpus.text(200, 5));
        Path out = dir.resolve("extended");
        CliRun r =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                other, out, "--init-from", model.toString(), "--extend-vocab"));
        assertEquals(0, r.code(), r.err());
        List<String> before = Files.readAllLines(model.resolve("vocab.txt"));
        List<String> after = Files.readAllLines(out.resolve("vocab.txt"));
        // line 1 is the header with the size; the entries keep their lines (ids)
        assertEquals(before.subList(1, before.size()), after.subList(1, before.size()));
        assertTrue(after.containsAll(List.of("Z", "q", "0", "{")), after.toString());
        CliRun kept =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                other, dir.resolve("kept"), "--init-from", model.toString()));
        assertEquals(0, kept.code(), kept.err());
        assertEquals(before, Files.readAllLines(dir.resolve("kept").resolve("vocab.txt")));
        assertTrue(after.size() > before.size() + 10, after.size() + " vs " + before.size());
    }

    @Test
    void fineTunesFromATrainedModel() throws IOException {
        Path out = dir.resolve("fine-tuned");
        InitFromRuns.sameAsSource(
                model,
                out,
                TinyCorpus.tinyTrainArgs(corpus, out),
                m ->
                        new String[] {
                            "lm",
                            "eval",
                            "--model",
                            m.toString(),
                            "--corpus",
                            corpus.toString(),
                            "--json"
                        },
                "loss_nats",
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
                TinyCorpus.tinyTrainArgs(corpus, out),
                "lm",
                "eval",
                "--model",
                out.toString(),
                "--corpus",
                corpus.toString());
    }

    @Test
    void trainingWritesAModelDirectoryWithLogAndChart() throws IOException {
        for (String f :
                new String[] {
                    "manifest.json",
                    "vocab.txt",
                    "model.safetensors",
                    "training-log.jsonl",
                    "loss-curve.png"
                }) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        JsonObject m =
                JsonParser.parseString(Files.readString(model.resolve("manifest.json")))
                        .getAsJsonObject();
        assertEquals(1, m.get("format_version").getAsInt());
        assertEquals("lm", m.get("task").getAsString());
        assertEquals(5, m.get("seed").getAsLong());
        assertEquals(64, m.getAsJsonObject("data").get("corpus_sha256").getAsString().length());
        assertTrue(m.get("command").getAsString().startsWith("seqlab lm train --corpus"));
        assertTrue(m.getAsJsonObject("metrics").get("valid_loss_nats").getAsDouble() > 0);
        assertEquals(1, Files.readAllLines(model.resolve("training-log.jsonl")).size());
    }

    @Test
    void evalPrintsTheFourJsonFields() {
        CliRun r =
                CliRun.run(
                        "lm",
                        "eval",
                        "--model",
                        model.toString(),
                        "--corpus",
                        corpus.toString(),
                        "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        double nats = o.get("loss_nats").getAsDouble();
        assertEquals(nats / Math.log(2), o.get("bits_per_token").getAsDouble(), 1e-4);
        assertEquals(Math.exp(nats), o.get("perplexity").getAsDouble(), 1e-3 * Math.exp(nats));
        assertTrue(o.get("tokens").getAsLong() > 1000);
    }

    @Test
    void generateIsReproducibleBySeedAndStartsWithThePrime() {
        String[] args = {
            "lm",
            "generate",
            "--model",
            model.toString(),
            "--prime",
            "ROMEO:",
            "--length",
            "80",
            "--seed",
            "3"
        };
        CliRun a = CliRun.run(args);
        CliRun b = CliRun.run(args);
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().startsWith("ROMEO:"), a.out());
        assertEquals("ROMEO:".length() + 80 + 1, a.out().codePointCount(0, a.out().length()));
        assertEquals(a.out(), b.out());
        CliRun c =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        model.toString(),
                        "--prime",
                        "ROMEO:",
                        "--length",
                        "80",
                        "--seed",
                        "4");
        assertNotEquals(a.out(), c.out());
    }

    @Test
    void wordLevelTrainsAndGeneratesWords() {
        Path words = dir.resolve("words");
        CliRun t =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                corpus, words, "--level", "word", "--seq-len", "6"));
        assertEquals(0, t.code(), t.err());
        CliRun g =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        words.toString(),
                        "--prime",
                        "ROMEO:",
                        "--length",
                        "12",
                        "--seed",
                        "1");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().startsWith("ROMEO:"), g.out());
        String generated = g.out().substring("ROMEO:".length()).trim();
        for (String w : generated.split("\\s+")) {
            assertTrue(TinyCorpus.text(200, 11).contains(w), "not a corpus word: " + w);
        }
        CliRun unknown =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        words.toString(),
                        "--prime",
                        "wherefore zebra",
                        "--length",
                        "3");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'zebra'"), unknown.err());
    }

    @Test
    void aWordModelRebuildsItsTokenizerFromTheManifest() throws IOException {
        Path english = dir.resolve("english");
        CliRun t =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                corpus, english, "--level", "word", "--tokenizer", "english"));
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.readString(english.resolve("manifest.json")).contains("\"english\""));
        // "Romeos" stems to "romeo", a word of the training text: only the stemmer knows that.
        CliRun g =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        english.toString(),
                        "--prime",
                        "Romeos",
                        "--length",
                        "3",
                        "--seed",
                        "1");
        assertEquals(0, g.code(), g.err());

        Path merges = dir.resolve("merges.txt");
        assertEquals(
                0,
                CliRun.run(
                                "bpe",
                                "learn",
                                "--corpus",
                                corpus.toString(),
                                "--merges",
                                "40",
                                "--out",
                                merges.toString())
                        .code());
        Path bpe = dir.resolve("bpe");
        CliRun b =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                corpus, bpe, "--level", "word", "--tokenizer", "bpe:" + merges));
        assertEquals(0, b.code(), b.err());
        Files.delete(merges);
        CliRun bg =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        bpe.toString(),
                        "--prime",
                        "ROMEO:",
                        "--length",
                        "20",
                        "--seed",
                        "1");
        assertEquals(0, bg.code(), bg.err());
        assertTrue(Files.exists(bpe.resolve("bpe-merges.txt")));
    }

    @Test
    void primeWithUnseenCharactersNamesThem() {
        CliRun r =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        model.toString(),
                        "--prime",
                        "Zoë",
                        "--length",
                        "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'ë' (U+00EB)"), r.err());
        assertTrue(r.err().contains("'Z'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void emptyCorpusIsRejected() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CliRun r = CliRun.run(TinyCorpus.tinyTrainArgs(empty, dir.resolve("e")));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("empty.txt") && r.err().contains("empty"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aMinCountNoTokenReachesIsRejected() {
        Path out = dir.resolve("mincount");
        CliRun r =
                CliRun.run(
                        TinyCorpus.tinyTrainArgs(
                                corpus, out, "--level", "word", "--min-count", "10000000"));
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "seqlab: "
                        + corpus
                        + ": no token occurs at least 10000000 times in the training part: the"
                        + " vocabulary would hold only <pad> <unk> <bos> <eos>; lower --min-count",
                r.err().trim());
        assertFalse(Files.exists(out), "nothing written for a rejected corpus");
    }

    @Test
    void corpusShorterThanOneWindowIsRejected() throws IOException {
        Path shortText = Files.writeString(dir.resolve("short.txt"), "To be or not to be.");
        CliRun r =
                CliRun.run(TinyCorpus.tinyTrainArgs(shortText, dir.resolve("s"), "--batch", "64"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("short.txt"), r.err());
    }

    @Test
    void nonUtf8CorpusNamesTheByteOffset() throws IOException {
        Path bad = dir.resolve("latin1.txt");
        Files.write(bad, new byte[] {'a', 'b', '\n', 'c', (byte) 0xE9, 'd'});
        CliRun r = CliRun.run(TinyCorpus.tinyTrainArgs(bad, dir.resolve("b")));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("latin1.txt") && r.err().contains("byte 4"), r.err());
    }

    @Test
    void invalidSettingsAreUsageErrors() {
        CliRun hidden =
                CliRun.run(TinyCorpus.tinyTrainArgs(corpus, dir.resolve("h"), "--hidden", "0"));
        assertEquals(2, hidden.code());
        assertTrue(hidden.err().contains("--hidden must be at least 1; got 0"), hidden.err());
        assertEquals(
                2,
                CliRun.run(TinyCorpus.tinyTrainArgs(corpus, dir.resolve("d"), "--dropout", "1.5"))
                        .code());
        assertEquals(
                2,
                CliRun.run(TinyCorpus.tinyTrainArgs(corpus, dir.resolve("t"), "--max-time", "soon"))
                        .code());
        assertEquals(
                2,
                CliRun.run("lm", "generate", "--model", model.toString(), "--top-p", "0").code());
        assertEquals(2, CliRun.run("lm", "frobnicate").code());
        assertFalse(Files.exists(dir.resolve("h")), "nothing written for a rejected config");
    }

    @Test
    void missingTruncatedAndNewerModelsAreRejected() throws IOException {
        CliRun missing = CliRun.run("lm", "generate", "--model", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope"), missing.err());

        Path truncated = copyModel("truncated");
        byte[] params = Files.readAllBytes(truncated.resolve("model.safetensors"));
        Files.write(
                truncated.resolve("model.safetensors"),
                java.util.Arrays.copyOf(params, params.length - 100));
        CliRun t = CliRun.run("lm", "generate", "--model", truncated.toString());
        assertEquals(2, t.code());
        assertTrue(t.err().contains("model.safetensors"), t.err());

        Path incomplete = copyModel("incomplete");
        Files.delete(incomplete.resolve("vocab.txt"));
        CliRun i =
                CliRun.run(
                        "lm",
                        "eval",
                        "--model",
                        incomplete.toString(),
                        "--corpus",
                        corpus.toString());
        assertEquals(2, i.code());
        assertTrue(i.err().contains("vocab.txt is missing"), i.err());

        Path newer = copyModel("newer");
        String manifest =
                Files.readString(newer.resolve("manifest.json"))
                        .replace("\"format_version\": 1", "\"format_version\": 7");
        Files.writeString(newer.resolve("manifest.json"), manifest);
        CliRun n = CliRun.run("lm", "generate", "--model", newer.toString());
        assertEquals(2, n.code());
        assertTrue(n.err().contains("format version 7 is newer"), n.err());
    }

    @Test
    void trainingOverAnExistingRunRefusesAndKeepsIt() throws IOException {
        Path run = dir.resolve("existing");
        assertEquals(0, CliRun.run(TinyCorpus.tinyTrainArgs(corpus, run)).code());
        byte[] before = Files.readAllBytes(run.resolve("checkpoint/params.safetensors"));
        CliRun again = CliRun.run(TinyCorpus.tinyTrainArgs(corpus, run));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        assertTrue(
                java.util.Arrays.equals(
                        before, Files.readAllBytes(run.resolve("checkpoint/params.safetensors"))));
        CliRun noCheckpoint =
                CliRun.run(TinyCorpus.tinyTrainArgs(corpus, dir.resolve("fresh"), "--resume"));
        assertEquals(2, noCheckpoint.code());
        assertTrue(noCheckpoint.err().contains("Cannot resume"), noCheckpoint.err());
    }

    private static Path copyModel(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        for (String f : new String[] {"manifest.json", "vocab.txt", "model.safetensors"}) {
            Files.copy(model.resolve(f), copy.resolve(f));
        }
        return copy;
    }
}
