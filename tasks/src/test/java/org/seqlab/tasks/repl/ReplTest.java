package org.seqlab.tasks.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.seqlab.corpora.CorpusFormatException;

/** The REPL's dispatch, commands, completion and pipe mode, in process. */
class ReplTest {

    private final List<String> seen = new ArrayList<>();
    private final List<List<String>> beamArgs = new ArrayList<>();

    private Repl repl() {
        Repl repl =
                new Repl(
                        "> ",
                        null,
                        (text, out) -> {
                            seen.add(text);
                            if (text.equals("fail")) {
                                throw new IllegalStateException("It failed.\nSecond line.");
                            }
                            if (!text.isEmpty()) {
                                out.println(text.toUpperCase(Locale.ROOT));
                            }
                        });
        return repl.command(
                new ReplCommand(
                        "beam",
                        "N",
                        "sets the beam width",
                        (args, out) -> {
                            beamArgs.add(args);
                            if (args.size() != 1) {
                                throw new IllegalArgumentException(":beam takes one number.");
                            }
                            out.println("beam = " + args.get(0));
                        }));
    }

    private static String eval(Repl repl, String line) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            assertTrue(repl.evaluate(line, out), "the session ended on " + line);
        }
        return s.toString();
    }

    @Test
    void linesGoToTheHandlerAndCommandsToTheirAction() {
        Repl repl = repl();
        assertEquals("HELLO\n", eval(repl, "hello"));
        assertEquals("", eval(repl, ""));
        assertEquals("beam = 3\n", eval(repl, ":beam   3 "));
        assertEquals(
                "  :BEAM 3\n", eval(repl, "  :beam 3"), "a command starts at the first character");
        assertEquals(":X\n", eval(repl, "::x"), "'::' passes a line that starts with ':'");
        assertEquals(List.of("hello", "", "  :beam 3", ":x"), seen);
        assertEquals(List.of(List.of("3")), beamArgs);
    }

    @Test
    void errorsAreOneLineAndTheSessionGoesOn() {
        Repl repl = repl();
        assertEquals(
                "error: there is no command :nope; :help lists the commands.\n",
                eval(repl, ":nope"));
        assertEquals("error: It failed.\n", eval(repl, "fail"));
        assertEquals("error: :beam takes one number.\n", eval(repl, ":beam"));
        assertEquals("error: there is no command :; :help lists the commands.\n", eval(repl, ":"));
        assertEquals("STILL HERE\n", eval(repl, "still here"));
    }

    @Test
    void messagesOfWrappedFailuresAreTheCause() {
        CompletableFuture<Object> failed =
                CompletableFuture.failedFuture(new IOException("model.bin: no such file"));
        CompletionException e = assertThrows(CompletionException.class, failed::join);
        assertEquals("model.bin: no such file", Repl.message(e));
        assertEquals("NullPointerException", Repl.message(new NullPointerException()));
    }

    @Test
    void quitEndsTheSessionAndHelpListsTheCommands() {
        Repl repl = repl();
        StringWriter s = new StringWriter();
        assertFalse(repl.evaluate(":quit", new PrintWriter(s)));
        assertEquals(
                String.join(
                        "\n",
                        "  :beam N  sets the beam width",
                        "  :help    lists the commands",
                        "  :quit    ends the session (Ctrl-D too)",
                        "Any other line is input; '::' starts one that begins with ':'.",
                        ""),
                eval(repl, ":help"));
    }

    @Test
    void commandsAreValidatedAndUnique() {
        Repl repl = repl();
        ReplCommand.Action none = (a, o) -> {};
        for (String name : List.of("help", "quit", "beam")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> repl.command(new ReplCommand(name, "", "again", none)));
        }
        for (String name : List.of(":beam", "Beam", "", "two words", "9lives")) {
            assertThrows(
                    IllegalArgumentException.class, () -> new ReplCommand(name, "", "h", none));
        }
        assertThrows(IllegalArgumentException.class, () -> new ReplCommand("a", "", " ", none));
        assertThrows(IllegalArgumentException.class, () -> new ReplCommand("a", "", "h", null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReplCommand("a", "", "h", List.of("two words"), none));
        assertThrows(IllegalArgumentException.class, () -> new Repl("> ", null, null));
    }

    @Test
    void completionOffersCommandsThenTheirFixedArguments() {
        Repl repl = repl();
        repl.command(
                new ReplCommand("attn", "[save FILE]", "shows it", List.of("save"), (a, o) -> {}));
        CommandCompleter completer = new CommandCompleter(repl);
        DefaultParser parser = new DefaultParser();
        List<Candidate> first = new ArrayList<>();
        completer.complete(null, parser.parse(":b", 2), first);
        assertEquals(
                List.of(":attn", ":beam", ":help", ":quit"),
                first.stream().map(Candidate::value).toList());
        List<Candidate> second = new ArrayList<>();
        completer.complete(null, parser.parse(":attn s", 7), second);
        assertEquals(List.of("save"), second.stream().map(Candidate::value).toList());
        List<Candidate> none = new ArrayList<>();
        completer.complete(null, parser.parse("hello wo", 8), none);
        completer.complete(null, parser.parse(":beam 3", 7), none);
        completer.complete(null, parser.parse("::be", 4), none);
        assertEquals(List.of(), none);
    }

    @Test
    void pipeModeWritesOneLinePerInputLine() throws IOException {
        Repl repl = repl();
        byte[] in = "hello\n\n:beam 3\nfail\r\nwörld".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                repl.runPipe(
                        new ByteArrayInputStream(in),
                        out,
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(
                "HELLO\n\n:BEAM 3\n\nWÖRLD\n",
                out.toString(StandardCharsets.UTF_8),
                "an empty line, a failure and a command each give one line");
        assertEquals("<stdin>:4: It failed.\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, code, "a failed line makes the exit code 1");
        assertEquals(List.of("hello", "", ":beam 3", "fail", "wörld"), seen);
        assertEquals(List.of(), beamArgs, "colon lines are input in a pipe");
    }

    @Test
    void runStartsTheReadyActionBeforeTheFirstLineIsRead() throws IOException {
        List<String> events = new ArrayList<>();
        Repl repl = new Repl("> ", null, (text, out) -> events.add("line " + text));
        assertThrows(IllegalArgumentException.class, () -> repl.onReady(null));
        repl.onReady(() -> events.add("ready"));
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        try {
            // Standard input throws until the action has run: it must not be read before.
            System.setIn(
                    new SequenceInputStream(
                            new InputStream() {
                                @Override
                                public int read() throws IOException {
                                    if (!events.contains("ready")) {
                                        throw new IOException("read before the ready action");
                                    }
                                    return -1;
                                }
                            },
                            new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8))));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
            assertEquals(0, repl.run(), "the pipe mode, as standard input is not a terminal");
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        assertEquals(List.of("ready", "line a", "line b"), events);
    }

    @Test
    void pipeModeStopsAtInvalidUtf8NamingStdinAndTheLine() {
        Repl repl = repl();
        byte[] in = {'a', '\n', 'b', '\n', (byte) 0xff, '\n', 'c', '\n'};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () -> repl.runPipe(new ByteArrayInputStream(in), out, System.err));
        assertEquals("<stdin>: invalid UTF-8 at byte 4 (line 3)", e.getMessage());
        assertEquals("A\nB\n", out.toString(StandardCharsets.UTF_8));
    }
}
