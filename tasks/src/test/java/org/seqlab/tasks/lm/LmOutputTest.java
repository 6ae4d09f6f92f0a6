package org.seqlab.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.tasks.cli.CliRun;

/**
 * What {@code seqlab lm} (and {@code seqlab bench}) print besides the numbers' values: decimal
 * points whatever the default locale, and the seed a generation drew.
 */
class LmOutputTest {

    static final Path MODEL = LmEvalCommandTest.MODEL;

    @TempDir Path dir;

    /** Runs {@code run} with a German default locale (decimal comma), then restores the locale. */
    private static CliRun inGerman(Supplier<CliRun> run) {
        Locale locale = Locale.getDefault();
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.GERMANY);
            return run.get();
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.FORMAT, format);
            Locale.setDefault(Locale.Category.DISPLAY, display);
        }
    }

    private static void assertFinds(String regex, String text) {
        assertTrue(Pattern.compile(regex).matcher(text).find(), regex + " not in: " + text);
    }

    @Test
    void evalPrintsDecimalPointsInAGermanLocale() throws IOException {
        Path corpus = TinyCorpus.write(dir, "tiny.txt", 50);
        CliRun r =
                inGerman(
                        () ->
                                CliRun.run(
                                        "lm",
                                        "eval",
                                        "--model",
                                        MODEL.toString(),
                                        "--corpus",
                                        corpus.toString()));
        assertEquals(0, r.code(), r.err());
        assertFinds(
                "^\\d+ tokens: loss \\d+\\.\\d{4} nats/token, \\d+\\.\\d{4} bits/token,"
                        + " perplexity \\d+\\.\\d{3}$",
                r.out().trim());
    }

    @Test
    void trainPrintsDecimalPointsInAGermanLocale() throws IOException {
        Path corpus = TinyCorpus.write(dir, "tiny.txt", 60);
        CliRun r =
                inGerman(
                        () ->
                                CliRun.run(
                                        TinyCorpus.tinyTrainArgs(
                                                corpus, dir.resolve("m"), "--hidden", "8")));
        assertEquals(0, r.code(), r.err());
        assertFinds(
                "after 1 epochs, \\d+ updates, \\d+ s; best valid loss \\d+\\.\\d{4} nats/token;",
                r.out());
    }

    @Test
    void benchPrintsDecimalPointsInAGermanLocale() throws IOException {
        Path vectors = Files.writeString(dir.resolve("v.txt"), "a 1 0\nb 0 1\nc 1 1\n");
        CliRun v =
                inGerman(
                        () ->
                                CliRun.run(
                                        "bench",
                                        "vectors",
                                        "--vectors",
                                        vectors.toString(),
                                        "--runs",
                                        "1",
                                        "--queries",
                                        "2"));
        assertEquals(0, v.code(), v.err());
        assertFinds(
                "3 x 2, load \\d+\\.\\d{3} s \\(best of 1\\), -?\\d+\\.\\d MB heap,"
                        + " \\d+\\.\\d{2} ms per query",
                v.out());
        CliRun t =
                inGerman(
                        () ->
                                CliRun.run(
                                        "bench",
                                        "lm-train",
                                        "--steps",
                                        "1",
                                        "--warmup",
                                        "1",
                                        "--batch",
                                        "1",
                                        "--seq-len",
                                        "2"));
        assertEquals(0, t.code(), t.err());
        assertFinds(
                "^seqlab \\d+ tokens/s, bare DJL \\d+ tokens/s, ratio \\d+\\.\\d{3},"
                        + " \\d+\\.\\d GFLOP/s$",
                t.out().trim());
    }

    @Test
    void generateWithoutSeedPrintsOneThatReproducesTheText() {
        String[] drawn = {
            "lm", "generate", "--model", MODEL.toString(), "--prime", "ROMEO:", "--length", "60"
        };
        CliRun a = CliRun.run(drawn);
        assertEquals(0, a.code(), a.err());
        Matcher seed =
                Pattern.compile("seed (\\d+) \\(pass --seed \\1 to reproduce\\)")
                        .matcher(a.err().trim());
        assertTrue(seed.matches(), a.err());

        String[] given = new String[drawn.length + 2];
        System.arraycopy(drawn, 0, given, 0, drawn.length);
        given[drawn.length] = "--seed";
        given[drawn.length + 1] = seed.group(1);
        CliRun b = CliRun.run(given);
        assertEquals(0, b.code(), b.err());
        assertEquals(a.out(), b.out());
        assertEquals("", b.err(), "nothing extra when --seed is given");
    }

    @Test
    void aRejectedPrimeGivesOneErrorLineAndNoSeed() {
        CliRun r =
                CliRun.run(
                        "lm",
                        "generate",
                        "--model",
                        MODEL.toString(),
                        "--prime",
                        "Zoë",
                        "--length",
                        "5");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("'ë'"), r.err());
    }
}
