package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI smoke tests of {@code seqlab tokenize}. */
class TokenizeCommandTest {

    @Test
    void standardLowercasesAndSplitsPunctuationPerLine() {
        CliRun r =
                CliRun.withInput(
                        "Hello, World!\nIt was GREAT.\n", "tokenize", "--tokenizer", "standard");
        assertEquals(0, r.code(), r.err());
        assertEquals("hello world\nit was great\n", r.out());
    }

    @Test
    void sentencesAreSplitBeforeTokenizing() {
        CliRun r =
                CliRun.withInput(
                        "I saw it. It was good.\n",
                        "tokenize",
                        "--tokenizer",
                        "whitespace",
                        "--sentences");
        assertEquals(0, r.code(), r.err());
        assertEquals("I saw it.\nIt was good.\n", r.out());
    }

    @Test
    void htmlTagsDisappearAndNumbersFold() {
        CliRun r =
                CliRun.withInput(
                        "Loved it<br /><br />10 out of 10\n",
                        "tokenize",
                        "--tokenizer",
                        "english-html",
                        "--fold-numbers");
        assertEquals(0, r.code(), r.err());
        assertEquals("love it <num> out of <num>\n", r.out());
    }

    @Test
    void learnedBpeRoundTripsThroughTheTokenizeCommand(@TempDir Path dir) throws IOException {
        Path corpus =
                Files.writeString(
                        dir.resolve("c.txt"), "low lower lowest newer newest\n".repeat(20));
        Path merges = dir.resolve("merges.txt");
        CliRun learn =
                CliRun.run(
                        "bpe",
                        "learn",
                        "--corpus",
                        corpus.toString(),
                        "--merges",
                        "10",
                        "--out",
                        merges.toString());
        assertEquals(0, learn.code(), learn.err());
        assertTrue(learn.out().contains("10 merges"), learn.out());
        CliRun r = CliRun.withInput("lowest née\n", "tokenize", "--tokenizer", "bpe:" + merges);
        assertEquals(0, r.code(), r.err());
        // BPE pieces keep their leading space, so only the letters are compared.
        assertEquals("lowestnée", r.out().replace(" ", "").strip());
        int pieces = r.out().strip().split(" +").length;
        assertTrue(pieces >= 2 && pieces < "lowestnée".length(), r.out());
    }

    @Test
    void stdinIsStrictUtf8AndAGzipStreamIsUnpacked() throws IOException {
        byte[] bad = {'o', 'k', '\n', 'b', (byte) 0xE9, 'd', '\n'};
        CliRun r = CliRun.withBytes(bad, "tokenize", "--tokenizer", "whitespace");
        assertEquals(2, r.code());
        assertEquals("ok\n", r.out());
        assertEquals("seqlab: <stdin>: invalid UTF-8 at byte 4 (line 2)\n", r.err());

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(packed)) {
            z.write("Hello, Wörld!\n".getBytes(StandardCharsets.UTF_8));
        }
        CliRun gz = CliRun.withBytes(packed.toByteArray(), "tokenize", "--tokenizer", "standard");
        assertEquals(0, gz.code(), gz.err());
        assertEquals("hello wörld\n", gz.out());
    }

    @Test
    void unknownTokenizerIsAUsageError() {
        CliRun r = CliRun.run("tokenize", "--tokenizer", "spacy");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("spacy"), r.err());
    }
}
