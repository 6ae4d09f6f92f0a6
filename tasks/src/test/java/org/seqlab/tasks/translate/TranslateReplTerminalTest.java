package org.seqlab.tasks.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.util.Utils;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.tasks.cli.CliRun;
import org.seqlab.tasks.cli.Seqlab;
import org.seqlab.tasks.repl.TmuxSession;

/**
 * The interactive translator as a user meets it: {@code seqlab translate --model DIR} in a child
 * JVM on a real pseudo-terminal ({@link TmuxSession}), over a tiny model trained once. Skipped
 * where tmux is not installed.
 */
class TranslateReplTerminalTest {

    /** The most the prompt may take after the start; generous, for slow and busy test machines. */
    private static final long PROMPT_BOUND_MS = 20_000;

    private static final String PROMPT = "en> ";

    @TempDir static Path models;
    static Path model;

    @TempDir Path dir;

    private TmuxSession tmux;

    @BeforeAll
    static void trainOnce() throws IOException {
        assumeTrue(TmuxSession.available(), "tmux is not installed");
        Path data = TinyPairs.write(models, "pairs.tsv");
        model = models.resolve("model");
        CliRun r = CliRun.run(TinyPairs.trainArgs(data, model));
        assertEquals(0, r.code(), r.err());
    }

    @BeforeEach
    void openTmux() {
        tmux = new TmuxSession(PROMPT);
    }

    @AfterEach
    void killServer() throws IOException {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void translatesShowsAttentionAndKeepsHistoryOnARealTerminal() throws Exception {
        String sentence = sentenceWithOutput();
        String expected = translateInProcess(sentence, 5);
        Path home = dir.resolve("home");
        Path png = dir.resolve("a.png");

        long t0 = System.nanoTime();
        Path rc = tmux.start("translate", javaCommand(home), environment(), dir);
        tmux.awaitPrompt("");
        long promptMs = (System.nanoTime() - t0) / 1_000_000;
        String loaded = "model " + model + " loaded in ";
        tmux.await(s -> s.replace("\n", "").contains(loaded), "the model-loaded notice");
        long loadedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "TranslateReplTerminalTest: prompt %d ms, model loaded %d ms after the start%n",
                promptMs, loadedMs);
        assertTrue(
                promptMs < PROMPT_BOUND_MS,
                "the prompt took " + promptMs + " ms, over " + PROMPT_BOUND_MS + " ms");

        // Default beam 5: the same line as `seqlab translate --beam 5 SENTENCE`.
        translate(sentence);
        List<String> out = outputAfter(tmux.capture(), sentence);
        assertFalse(out.isEmpty() || out.get(0).isBlank(), "no output line under " + sentence);
        assertEquals(
                expected.replace(" ", ""),
                String.join("", out).replace(" ", ""),
                "the REPL's translation of " + sentence);

        colonCommand(":beam 3", "beam 3");
        colonCommand(":greedy", "beam 1 (greedy)");
        colonCommand(":attn", "attention map on");
        translate(sentence);
        List<String> withMap = outputAfter(tmux.capture(), sentence);
        assertTrue(
                withMap.stream().anyMatch(l -> l.startsWith("weight: ")),
                "no heat map legend under " + sentence + ": " + withMap);

        tmux.type(":attn save " + png);
        tmux.keys("Enter");
        tmux.await(
                s -> s.replace("\n", "").contains("saved " + png),
                "the answer to :attn save " + png);
        tmux.awaitPrompt("");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image ImageIO can read");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0, png.toString());

        // An empty line: a new prompt, and the session goes on.
        tmux.keys("Enter");
        tmux.await(s -> endsWithTwoEmptyPrompts(s), "a second, empty prompt");
        colonCommand(":beam 2", "beam 2");

        tmux.keys("C-d");
        assertEquals("0", TmuxSession.awaitFile(rc), "Ctrl-D must end the REPL with exit code 0");
        assertEquals(
                List.of(
                        sentence,
                        ":beam 3",
                        ":greedy",
                        ":attn",
                        sentence,
                        ":attn save " + png,
                        ":beam 2"),
                Files.readAllLines(
                        home.resolve(".seqlab").resolve("translate_history"),
                        StandardCharsets.UTF_8));
    }

    /** Types a sentence and waits for the prompt after its translation. */
    private void translate(String sentence) throws IOException {
        tmux.type(sentence);
        tmux.keys("Enter");
        tmux.await(
                s -> !outputAfter(s, sentence).isEmpty() && TmuxSession.lastLine(s).equals("en>"),
                "the translation of " + sentence + " and a new prompt");
    }

    /** Types a colon command and waits for its one-line answer and a new prompt. */
    private void colonCommand(String line, String answer) throws IOException {
        tmux.type(line);
        tmux.keys("Enter");
        tmux.await(
                s -> s.contains("\n" + PROMPT + line + "\n" + answer + "\n"),
                "the answer '" + answer + "' to " + line);
        tmux.awaitPrompt("");
    }

    /**
     * Returns the lines between the last prompt line holding {@code input} and the next prompt, or
     * an empty list when the next prompt has not come yet.
     */
    private static List<String> outputAfter(String screen, String input) {
        List<String> lines = screen.lines().toList();
        int at = lines.lastIndexOf(PROMPT + input);
        List<String> out = new ArrayList<>();
        for (int i = at + 1; at >= 0 && i < lines.size(); i++) {
            if (lines.get(i).startsWith(PROMPT.strip())) {
                return out;
            }
            out.add(lines.get(i));
        }
        return List.of();
    }

    private static boolean endsWithTwoEmptyPrompts(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        int n = lines.size();
        return n >= 2 && lines.get(n - 1).equals("en>") && lines.get(n - 2).equals("en>");
    }

    /** Returns the first training source whose translation by the tiny model is not empty. */
    private static String sentenceWithOutput() {
        for (String pair : TinyPairs.LINES) {
            String source = pair.substring(0, pair.indexOf('\t'));
            if (!translateInProcess(source, 5).isBlank()) {
                return source;
            }
        }
        throw new AssertionError("The tiny model translates every training source to nothing.");
    }

    private static String translateInProcess(String sentence, int beam) {
        CliRun r =
                CliRun.run(
                        "translate",
                        "--model",
                        model.toString(),
                        "--beam",
                        String.valueOf(beam),
                        sentence);
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }

    /**
     * The real command in a child JVM on the test class path, with the JVM options of the tests
     * (the root pom's surefire argLine) and those bin/seqlab adds, and {@code home} as the user's
     * home; DJL keeps its usual cache, so libtorch is not unpacked again.
     */
    private static List<String> javaCommand(Path home) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Xmx2g",
                "-DDJL_CACHE_DIR=" + Utils.getCacheDir(),
                "-DENGINE_CACHE_DIR=" + Utils.getEngineCacheDir(),
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                Seqlab.class.getName(),
                "translate",
                "--model",
                model.toString());
    }

    /** The environment the root pom's surefire configuration gives the tests. */
    private static Map<String, String> environment() {
        Map<String, String> env = System.getenv();
        return Map.of(
                "ONEDNN_MAX_CPU_ISA",
                env.getOrDefault("ONEDNN_MAX_CPU_ISA", "AVX2_VNNI"),
                "MALLOC_TOP_PAD_",
                env.getOrDefault("MALLOC_TOP_PAD_", "67108864"),
                "MALLOC_MMAP_THRESHOLD_",
                env.getOrDefault("MALLOC_MMAP_THRESHOLD_", "33554432"));
    }
}
