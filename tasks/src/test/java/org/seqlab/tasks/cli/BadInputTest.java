package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input ends the run with one line naming the file and field, or the flag. */
class BadInputTest {

    @TempDir Path dir;

    /** Asserts exit code 2 and exactly {@code seqlab: MESSAGE} on stderr. */
    private static void assertOneLine(String message, CliRun r) {
        assertEquals(Seqlab.BAD_INPUT, r.code(), r.err());
        assertEquals("seqlab: " + message, r.err().strip(), r.err());
    }

    private Path directoryWithAFile(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("part-1.txt"), "some text\n");
        return d;
    }

    @Test
    void aDirectoryGivenForAFileIsNamed() throws IOException {
        Path texts = directoryWithAFile("texts");
        String expected = texts + ": is a directory, expected a file";
        Path out = dir.resolve("out");
        assertOneLine(
                expected,
                CliRun.run("lm", "train", "--corpus", texts.toString(), "--out", out.toString()));
        // An existing empty --out directory is not the one meant.
        Files.createDirectories(out);
        assertOneLine(
                expected,
                CliRun.run("lm", "train", "--corpus", texts.toString(), "--out", out.toString()));
        assertOneLine(
                expected,
                CliRun.run(
                        "bpe",
                        "learn",
                        "--corpus",
                        texts.toString(),
                        "--out",
                        dir.resolve("merges.txt").toString()));
        assertOneLine(expected, CliRun.run("embeddings", "info", "--vectors", texts.toString()));
    }

    @Test
    void anExistingFileAsLmOutputIsRefusedBeforeTheCorpusIsRead() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertOneLine(
                "--out " + file + ": exists and is not a directory",
                CliRun.run(
                        "lm",
                        "train",
                        "--corpus",
                        dir.resolve("no-such-corpus.txt").toString(),
                        "--out",
                        file.toString()));
    }

    @Test
    void aBadDurationNamesTheFlagAndShowsExamples() {
        assertOneLine(
                "--max-time: 'garbage' is not a duration (e.g. 90s, 45m, 1h30m)",
                CliRun.run("lm", "train", "--corpus", "c", "--out", "o", "--max-time", "garbage"));
        assertOneLine(
                "--hidden: 'abc' is not an int",
                CliRun.run("lm", "train", "--corpus", "c", "--out", "o", "--hidden", "abc"));
    }

    @Test
    void aGarbageOrEmptyManifestNamesTheFileAndField() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Path manifest = model.resolve("manifest.json");
        Files.writeString(manifest, "garbage{");
        CliRun garbage = CliRun.run("lm", "generate", "--model", model.toString());
        assertEquals(Seqlab.BAD_INPUT, garbage.code(), garbage.err());
        assertTrue(
                garbage.err()
                        .matches(
                                "seqlab: \\Q"
                                        + manifest
                                        + "\\E: not valid JSON \\(.*"
                                        + " at line 1 column \\d+\\)\\R"),
                garbage.err());
        Files.writeString(manifest, "{}");
        assertOneLine(
                manifest + ": missing field 'format_version'",
                CliRun.run("lm", "generate", "--model", model.toString()));
    }

    /** Copies a model directory with its parameter file cut in half; returns that file. */
    private Path truncatedCopy(Path model, String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path params = copy.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(bytes, bytes.length / 2));
        return params;
    }

    private static void assertNamedOnce(Path params, CliRun r) {
        assertEquals(Seqlab.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("seqlab: " + params + ": "), r.err());
        assertEquals(2, r.err().split(Pattern.quote(params.toString()), -1).length, r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aTruncatedParameterFileIsNamedOnce() throws IOException {
        Path lm = truncatedCopy(Path.of("src/test/resources/reference-models/lm-v1"), "lm");
        assertNamedOnce(
                lm,
                CliRun.run(
                        "lm", "generate", "--model", lm.getParent().toString(), "--length", "1"));
        Path sentiment = truncatedCopy(Path.of("../models/sentiment-imdb"), "sentiment");
        assertNamedOnce(
                sentiment,
                CliRun.run("sentiment", "score", "--model", sentiment.getParent().toString(), "x"));
    }
}
