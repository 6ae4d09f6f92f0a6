package org.seqlab.tasks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.LanguageModelSpec;
import org.seqlab.tasks.cli.Seqlab;

/** Smoke test of {@code bench lm-train}: fields and their relations, not speeds. */
class BenchCommandTest {

    @Test
    void lmTrainPrintsConsistentJson() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code =
                    Seqlab.execute(
                            "bench",
                            "lm-train",
                            "--json",
                            "--steps",
                            "2",
                            "--warmup",
                            "1",
                            "--batch",
                            "2",
                            "--seq-len",
                            "4");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        JsonObject o =
                JsonParser.parseString(out.toString(StandardCharsets.UTF_8).trim())
                        .getAsJsonObject();
        double seqlab = o.get("tokens_per_s").getAsDouble();
        double bare = o.get("bare_tokens_per_s").getAsDouble();
        assertTrue(seqlab > 0 && bare > 0);
        assertEquals(seqlab / bare, o.get("ratio").getAsDouble(), 0.01 * seqlab / bare);
        double flopsPerToken =
                new LanguageModelSpec(CellType.LSTM, 65, 64, 512, 2, 0.2f).forwardFlopsPerToken();
        assertEquals(
                3 * flopsPerToken * seqlab / 1e9,
                o.get("model_gflops").getAsDouble(),
                0.01 + 1e-3 * o.get("model_gflops").getAsDouble());
    }

    @Test
    void lmTrainWithAnotherCellReportsItBesideTheFusedLstm() {
        org.seqlab.tasks.cli.CliRun r =
                org.seqlab.tasks.cli.CliRun.run(
                        "bench",
                        "lm-train",
                        "--json",
                        "--cell",
                        "rnn-tanh",
                        "--steps",
                        "2",
                        "--warmup",
                        "1",
                        "--batch",
                        "2",
                        "--seq-len",
                        "4");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals("rnn-tanh", o.get("cell").getAsString());
        double cell = o.get("tokens_per_s").getAsDouble();
        double lstm = o.get("lstm_tokens_per_s").getAsDouble();
        assertTrue(cell > 0 && lstm > 0);
        assertEquals(cell / lstm, o.get("ratio_to_lstm").getAsDouble(), 0.01 * cell / lstm);
        double flopsPerToken =
                new LanguageModelSpec(CellType.RNN_TANH, 65, 64, 512, 2, 0.2f)
                        .forwardFlopsPerToken();
        assertEquals(
                3 * flopsPerToken * cell / 1e9,
                o.get("model_gflops").getAsDouble(),
                0.01 + 1e-3 * o.get("model_gflops").getAsDouble());
        org.seqlab.tasks.cli.CliRun bad =
                org.seqlab.tasks.cli.CliRun.run("bench", "lm-train", "--cell", "elman");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--cell") && bad.err().contains("rnn-tanh"), bad.err());
    }

    @Test
    void forwardFlopsFollowTheFormula() {
        // layer 1: 2*4*512*(64+512); layer 2: 2*4*512*(512+512); output: 2*512*65
        double expected = 2.0 * 4 * 512 * 576 + 2.0 * 4 * 512 * 1024 + 2.0 * 512 * 65;
        assertEquals(
                expected,
                new LanguageModelSpec(CellType.LSTM, 65, 64, 512, 2, 0.2f).forwardFlopsPerToken());
    }

    @Test
    void vectorsReportsSizeAndPositiveTimings(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path glove =
                java.nio.file.Files.writeString(dir.resolve("v.txt"), "a 1 0\nb 0 1\nc 1 1\n");
        org.seqlab.tasks.cli.CliRun r =
                org.seqlab.tasks.cli.CliRun.run(
                        "bench",
                        "vectors",
                        "--vectors",
                        glove.toString(),
                        "--runs",
                        "1",
                        "--queries",
                        "2",
                        "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(3, o.get("words").getAsInt());
        assertEquals(2, o.get("dim").getAsInt());
        assertTrue(o.get("load_s").getAsDouble() >= 0);
        assertTrue(o.get("query_ms").getAsDouble() >= 0, "a tiny file rounds to 0.00 ms");
    }
}
