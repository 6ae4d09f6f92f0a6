package org.seqlab.tasks.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.seqlab.tasks.repl.TmuxSession.awaitFile;
import static org.seqlab.tasks.repl.TmuxSession.lastLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real pseudo-terminal: {@link ReplDemo} runs in a {@link TmuxSession}. Skipped where
 * tmux is not installed.
 */
class ReplTerminalTest {

    @TempDir Path dir;

    private TmuxSession tmux;

    @BeforeEach
    void findTmux() {
        assumeTrue(TmuxSession.available(), "tmux is not installed");
        tmux = new TmuxSession("> ");
    }

    @AfterEach
    void killServer() throws IOException {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void editingCompletionInterruptHistoryAndEndOfInput() throws Exception {
        Path history = dir.resolve("new dir").resolve("history");
        Path rc = start("first", history);
        long started = System.nanoTime();
        tmux.awaitPrompt("");
        System.out.printf(
                "ReplTerminalTest: prompt %d ms after the session started%n",
                (System.nanoTime() - started) / 1_000_000);

        tmux.type("hello wörld \"q\" \\x !y");
        tmux.keys("Enter");
        tmux.await(
                s -> s.contains("\nHELLO WÖRLD \"Q\" \\X !Y\n"), "the handler's output, verbatim");

        tmux.type(":beam 3");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("\nbeam = 3\n"), "the output of :beam 3");

        // Taken literally: no history expansion of !!, no escapes, no open quote to continue.
        tmux.type("say \"q !! \\x wow!");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("\nSAY \"Q !! \\X WOW!\n"), "the line as typed, upper-cased");

        tmux.type(":be");
        tmux.keys("Tab");
        tmux.awaitPrompt(":beam");
        tmux.type("5");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("\nbeam = 5\n"), "the output of the completed :beam 5");

        tmux.type(":attn ");
        tmux.keys("Tab");
        tmux.awaitPrompt(":attn save");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("\nattn save\n"), "the output of :attn save");

        tmux.type("half typed");
        tmux.awaitPrompt("half typed");
        tmux.keys("C-c");
        tmux.awaitPrompt("");
        tmux.type("after");
        tmux.keys("Enter");
        String screen = tmux.await(s -> s.contains("\nAFTER\n"), "the line typed after Ctrl-C");
        assertFalse(screen.contains("HALF"), "Ctrl-C must drop the half-typed line:\n" + screen);

        tmux.type(":width");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("\nwidth = 120\n"), "the terminal's width");

        // A notice from another thread goes above the line being typed, which stays.
        tmux.type(":later");
        tmux.keys("Enter");
        tmux.type("abc");
        tmux.await(
                s -> s.contains("\nbackground work is done\n") && lastLine(s).equals("> abc"),
                "the notice above the prompt with the typed text");
        tmux.keys("C-u");
        tmux.awaitPrompt("");

        tmux.type(":nope");
        tmux.keys("Enter");
        tmux.await(
                s -> s.contains("\nerror: there is no command :nope; :help lists the commands.\n"),
                "the error for an unknown command");
        tmux.type("fail");
        tmux.keys("Enter");
        tmux.await(
                s -> s.contains("\nerror: The handler failed on purpose.\n"),
                "the handler's error");
        tmux.awaitPrompt("");

        tmux.keys("C-d");
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
        tmux.awaitPrompt("");
        tmux.keys("Up");
        tmux.awaitPrompt("fail");
        tmux.keys("C-u");
        tmux.type(":quit");
        tmux.keys("Enter");
        assertEquals("0", awaitFile(rc), ":quit must end the REPL with exit code 0");
    }

    @Test
    void ctrlCWhileALineIsHandledKeepsTheSessionAndSkipsTheRestOfAPaste() throws Exception {
        Path rc = start("interrupt", dir.resolve("history"));
        tmux.awaitPrompt("");
        tmux.type("sleep");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("> sleep\n"), "the line accepted");
        Thread.sleep(500);
        tmux.keys("C-c");
        tmux.await(s -> s.contains("SLEEP\n"), "the interrupted line finished");
        tmux.awaitPrompt("");

        // A bracketed paste lands in the line being edited; Enter sends the whole block.
        tmux.paste("sleep\nsecond\nthird");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("> third\n"), "the pasted block accepted");
        Thread.sleep(500);
        tmux.keys("C-c");
        String screen =
                tmux.await(
                        s -> s.contains("interrupted: the 2 pasted lines left were skipped."),
                        "the note on the skipped lines");
        tmux.awaitPrompt("");
        assertFalse(screen.contains("SECOND"), "the rest of the paste must be skipped:\n" + screen);
        tmux.type("after");
        tmux.keys("Enter");
        tmux.await(s -> s.contains("\nAFTER\n"), "a line after the interruptions");
        tmux.keys("C-d");
        assertEquals("0", awaitFile(rc), "Ctrl-D must end the REPL with exit code 0");
    }

    @Test
    void anUnusableHistoryFileWarnsOnceAndTheSessionGoesOn() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path rc = start("bad-history", notADirectory.resolve("history"));
        tmux.awaitPrompt("");
        for (String line : List.of("one", "two")) {
            tmux.type(line);
            tmux.keys("Enter");
            tmux.await(s -> s.contains("\n" + line.toUpperCase() + "\n"), "the answer to " + line);
        }
        String screen = tmux.capture();
        assertEquals(
                1,
                screen.lines().filter(l -> l.startsWith("warning: the history file ")).count(),
                "one warning:\n" + screen);
        assertTrue(screen.contains("history is kept for this session only."), screen);
        tmux.awaitPrompt("");
        tmux.keys("C-d");
        assertEquals("0", awaitFile(rc));
    }

    /** Starts the demo in a new tmux session; returns the file its exit code will be written to. */
    private Path start(String name, Path history) throws IOException {
        return tmux.start(name, ReplDemo.command(history.toString()), Map.of(), dir);
    }
}
