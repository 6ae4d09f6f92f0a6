package org.seqlab.tasks.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real pseudo-terminal: {@link ReplDemo} runs in a detached tmux session, keys go in
 * with {@code send-keys} and the screen comes back with {@code capture-pane}. Skipped where tmux is
 * not installed.
 */
class ReplTerminalTest {

    private static final long WAIT_MS = 60_000;

    @TempDir Path dir;

    private String tmux;
    private String socket;
    private String session;

    @BeforeEach
    void findTmux() {
        tmux = onPath("tmux");
        assumeTrue(tmux != null, "tmux is not installed");
        socket = "seqlab-repl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void killServer() throws Exception {
        if (tmux != null) {
            run(List.of(tmux, "-L", socket, "kill-server"), false);
        }
    }

    @Test
    void editingCompletionInterruptHistoryAndEndOfInput() throws Exception {
        Path history = dir.resolve("new dir").resolve("history");
        Path rc = start("first", history);
        long started = System.nanoTime();
        awaitPrompt("");
        System.out.printf(
                "ReplTerminalTest: prompt %d ms after the session started%n",
                (System.nanoTime() - started) / 1_000_000);

        type("hello wörld \"q\" \\x !y");
        keys("Enter");
        await(s -> s.contains("\nHELLO WÖRLD \"Q\" \\X !Y\n"), "the handler's output, verbatim");

        type(":beam 3");
        keys("Enter");
        await(s -> s.contains("\nbeam = 3\n"), "the output of :beam 3");

        // Taken literally: no history expansion of !!, no escapes, no open quote to continue.
        type("say \"q !! \\x wow!");
        keys("Enter");
        await(s -> s.contains("\nSAY \"Q !! \\X WOW!\n"), "the line as typed, upper-cased");

        type(":be");
        keys("Tab");
        awaitPrompt(":beam");
        type("5");
        keys("Enter");
        await(s -> s.contains("\nbeam = 5\n"), "the output of the completed :beam 5");

        type(":attn ");
        keys("Tab");
        awaitPrompt(":attn save");
        keys("Enter");
        await(s -> s.contains("\nattn save\n"), "the output of :attn save");

        type("half typed");
        awaitPrompt("half typed");
        keys("C-c");
        awaitPrompt("");
        type("after");
        keys("Enter");
        String screen = await(s -> s.contains("\nAFTER\n"), "the line typed after Ctrl-C");
        assertFalse(screen.contains("HALF"), "Ctrl-C must drop the half-typed line:\n" + screen);

        type(":width");
        keys("Enter");
        await(s -> s.contains("\nwidth = 120\n"), "the terminal's width");

        // A notice from another thread goes above the line being typed, which stays.
        type(":later");
        keys("Enter");
        type("abc");
        await(
                s -> s.contains("\nbackground work is done\n") && lastLine(s).equals("> abc"),
                "the notice above the prompt with the typed text");
        keys("C-u");
        awaitPrompt("");

        type(":nope");
        keys("Enter");
        await(
                s -> s.contains("\nerror: there is no command :nope; :help lists the commands.\n"),
                "the error for an unknown command");
        type("fail");
        keys("Enter");
        await(s -> s.contains("\nerror: The handler failed on purpose.\n"), "the handler's error");
        awaitPrompt("");

        keys("C-d");
        assertEquals("0", awaitFile(rc), "Ctrl-D must end the REPL with exit code 0");
        assertEquals(
                List.of(
                        "hello wörld \"q\" \\\\x !y", // JLine's history file escapes backslashes
                        ":beam 3",
                        "say \"q !! \\\\x wow!",
                        ":beam 5",
                        ":attn save",
                        "after",
                        ":width",
                        ":later",
                        ":nope",
                        "fail"),
                Files.readAllLines(history, StandardCharsets.UTF_8));

        // A new session finds the history; :quit ends it too.
        rc = start("second", history);
        awaitPrompt("");
        keys("Up");
        awaitPrompt("fail");
        keys("C-u");
        type(":quit");
        keys("Enter");
        assertEquals("0", awaitFile(rc), ":quit must end the REPL with exit code 0");
    }

    @Test
    void anUnusableHistoryFileWarnsOnceAndTheSessionGoesOn() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path rc = start("bad-history", notADirectory.resolve("history"));
        awaitPrompt("");
        for (String line : List.of("one", "two")) {
            type(line);
            keys("Enter");
            await(s -> s.contains("\n" + line.toUpperCase() + "\n"), "the answer to " + line);
        }
        String screen = capture();
        assertEquals(
                1,
                screen.lines().filter(l -> l.startsWith("warning: the history file ")).count(),
                "one warning:\n" + screen);
        assertTrue(screen.contains("history is kept for this session only."), screen);
        awaitPrompt("");
        keys("C-d");
        assertEquals("0", awaitFile(rc));
    }

    /** Starts the demo in a new tmux session; returns the file its exit code will be written to. */
    private Path start(String name, Path history) throws Exception {
        session = name;
        Path rc = dir.resolve(name + ".rc");
        String java =
                ReplDemo.command(history.toString()).stream()
                        .map(ReplTerminalTest::quote)
                        .collect(Collectors.joining(" "));
        Path script = dir.resolve(name + ".sh");
        // bash, not sh: it waits for a child that handles Ctrl-C instead of dying with it.
        Files.writeString(script, java + "\necho $? > " + quote(rc.toString()) + "\n");
        run(
                List.of(
                        tmux,
                        "-u",
                        "-L",
                        socket,
                        "new-session",
                        "-d",
                        "-s",
                        name,
                        "-x",
                        "120",
                        "-y",
                        "30",
                        "bash " + quote(script.toString())),
                true);
        return rc;
    }

    private void type(String text) throws Exception {
        run(List.of(tmux, "-L", socket, "send-keys", "-t", session, "-l", text), true);
    }

    private void keys(String key) throws Exception {
        run(List.of(tmux, "-L", socket, "send-keys", "-t", session, key), true);
    }

    private String capture() throws Exception {
        return run(List.of(tmux, "-u", "-L", socket, "capture-pane", "-p", "-t", session), true);
    }

    /** Waits until the last non-empty line of the screen is the prompt followed by {@code text}. */
    private void awaitPrompt(String text) throws Exception {
        await(s -> lastLine(s).equals(("> " + text).strip()), "the prompt '> " + text + "'");
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    private String await(Predicate<String> ready, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        String screen = "";
        while (System.currentTimeMillis() < deadline) {
            screen = "\n" + capture();
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The screen never showed " + what + ":" + screen);
    }

    private static String awaitFile(Path file) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The REPL did not end: no exit code in " + file);
    }

    /** Runs a tmux command with a UTF-8 locale and returns its output. */
    private static String run(List<String> command, boolean check) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "tmux did not answer");
        String text = new String(out, StandardCharsets.UTF_8);
        if (check && p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 5)) + " failed: " + text);
        }
        return text;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String onPath(String name) {
        List<String> dirs =
                new ArrayList<>(
                        List.of(
                                System.getenv()
                                        .getOrDefault("PATH", "")
                                        .split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
