package org.seqlab.tasks.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.tasks.cli.CliRun;

/** CLI smoke tests of {@code seqlab embeddings} on a hand-made GloVe fixture. */
class EmbeddingsCommandTest {

    /**
     * man-woman and king-queen differ by the same offset, so both analogy methods answer queen (all
     * vectors in one cone, as real embeddings are: 3CosMul divides by similarity to A).
     */
    private static final String GLOVE =
            String.join(
                    "\n",
                    "man 1.0 0.1 0.1",
                    "woman 1.0 1.0 0.1",
                    "king 0.2 0.1 1.0",
                    "queen 0.2 1.0 1.0",
                    "apple 0.6 0.1 0.5",
                    "pear 0.55 0.15 0.5",
                    "");

    @TempDir Path dir;

    private Path glove() throws IOException {
        return Files.writeString(dir.resolve("tiny.txt"), GLOVE);
    }

    @Test
    void infoReportsWordsDimAndFormat() throws IOException {
        CliRun r = CliRun.run("embeddings", "info", "--vectors", glove().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(6, o.get("words").getAsInt());
        assertEquals(3, o.get("dim").getAsInt());
        assertEquals("glove", o.get("format").getAsString());
    }

    @Test
    void neighborsAndAnalogyGiveTheConstructedAnswers() throws IOException {
        String v = glove().toString();
        CliRun n =
                CliRun.run("embeddings", "neighbors", "--vectors", v, "apple", "-k", "1", "--json");
        assertEquals(0, n.code(), n.err());
        JsonObject o = JsonParser.parseString(n.out().trim()).getAsJsonObject();
        assertEquals(
                "pear",
                o.getAsJsonArray("neighbors").get(0).getAsJsonObject().get("word").getAsString());
        for (String method : new String[] {"add", "mul"}) {
            CliRun a =
                    CliRun.run(
                            "embeddings",
                            "analogy",
                            "--vectors",
                            v,
                            "man",
                            "king",
                            "woman",
                            "-k",
                            "1",
                            "--method",
                            method,
                            "--json");
            assertEquals(0, a.code(), a.err());
            JsonObject ao = JsonParser.parseString(a.out().trim()).getAsJsonObject();
            assertEquals(
                    "queen",
                    ao.getAsJsonArray("answers").get(0).getAsJsonObject().get("word").getAsString(),
                    method);
        }
    }

    @Test
    void convertRoundTripsThroughWord2vecBinaryWithKeepVocab() throws IOException {
        Path bin = dir.resolve("tiny.bin");
        Path keep = Files.writeString(dir.resolve("keep.txt"), "king\nqueen\nzebra\n");
        CliRun c =
                CliRun.run(
                        "embeddings",
                        "convert",
                        "--vectors",
                        glove().toString(),
                        "--to",
                        "word2vec-bin",
                        "--out",
                        bin.toString(),
                        "--keep-vocab",
                        keep.toString());
        assertEquals(0, c.code(), c.err());
        CliRun i = CliRun.run("embeddings", "info", "--vectors", bin.toString(), "--json");
        assertEquals(0, i.code(), i.err());
        JsonObject o = JsonParser.parseString(i.out().trim()).getAsJsonObject();
        assertEquals(2, o.get("words").getAsInt());
        assertEquals("word2vec-bin", o.get("format").getAsString());
        Path back = dir.resolve("back.txt");
        assertEquals(
                0,
                CliRun.run(
                                "embeddings",
                                "convert",
                                "--vectors",
                                bin.toString(),
                                "--to",
                                "glove",
                                "--out",
                                back.toString())
                        .code());
        assertEquals("king 0.2 0.1 1.0\nqueen 0.2 1.0 1.0\n", Files.readString(back));
    }

    @Test
    void badInputIsAUsageErrorNamingTheLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "a 1 2 3\nb 1 2\n");
        CliRun r = CliRun.run("embeddings", "info", "--vectors", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.txt:2: expected 3 values, found 2"), r.err());
        CliRun unknown =
                CliRun.run("embeddings", "neighbors", "--vectors", glove().toString(), "zebra");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("zebra"), unknown.err());
        CliRun to =
                CliRun.run(
                        "embeddings",
                        "convert",
                        "--vectors",
                        glove().toString(),
                        "--to",
                        "xml",
                        "--out",
                        dir.resolve("x").toString());
        assertEquals(2, to.code());
        assertTrue(to.err().contains("--to must be glove or word2vec-bin"), to.err());
    }
}
