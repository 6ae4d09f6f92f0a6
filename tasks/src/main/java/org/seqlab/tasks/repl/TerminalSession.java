package org.seqlab.tasks.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive mode of a {@link Repl}: a JLine line reader on the system terminal, with the
 * history in a file and completion of the colon commands.
 *
 * <p>Input is taken literally: no history expansion ({@code !}), no quoting or escaping, so a line
 * with quotes, backslashes or exclamation marks reaches the handler exactly as typed. A pasted
 * block of several lines is handled line by line.
 */
final class TerminalSession {

    private final Repl repl;
    private final String prompt;
    private final Path historyFile;
    private volatile Terminal terminal;
    private volatile LineReader reader;
    private boolean historyWarned;
    private volatile boolean interrupted;

    TerminalSession(Repl repl, String prompt, Path historyFile) {
        this.repl = repl;
        this.prompt = prompt;
        this.historyFile = historyFile;
    }

    int run() throws IOException {
        // JNI, else exec, else dumb; not JNA: loading it (its native library extracted and
        // linked) cost ~80 ms of processor time before the prompt, and JNI covers the platforms
        // libtorch runs on.
        try (Terminal t =
                TerminalBuilder.builder()
                        .name("seqlab")
                        .system(true)
                        .jna(false)
                        .dumb(true)
                        .encoding(StandardCharsets.UTF_8)
                        .build()) {
            terminal = t;
            // Ctrl-C while a line is being handled: JLine's own handler is only in place while
            // it reads a line, and the default one would end the JVM. The line being handled
            // finishes; the rest of a pasted block is skipped.
            t.handle(Terminal.Signal.INT, signal -> interrupted = true);
            PrintWriter out = t.writer();
            if (t.getType().startsWith(Terminal.TYPE_DUMB)) {
                out.println("warning: line editing is off: the terminal could not be opened.");
            }
            DefaultHistory history = new DefaultHistory();
            LineReader r =
                    LineReaderBuilder.builder()
                            .terminal(t)
                            .appName("seqlab")
                            .parser(literalParser())
                            .completer(new CommandCompleter(repl))
                            .history(history)
                            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                            .option(LineReader.Option.HISTORY_INCREMENTAL, false)
                            .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                            .build();
            reader = r;
            openHistory(r, history, out);
            repl.ready();
            return loop(r, history, out);
        } finally {
            reader = null;
            terminal = null;
        }
    }

    int width() {
        Terminal t = terminal;
        int w = t == null ? 0 : t.getWidth();
        return w > 0 ? w : 80;
    }

    void notice(String message) {
        LineReader r = reader;
        if (r == null) {
            System.err.println(message);
        } else {
            r.printAbove(message);
        }
    }

    private int loop(LineReader r, DefaultHistory history, PrintWriter out) {
        while (true) {
            String text;
            interrupted = false;
            try {
                text = r.readLine(prompt);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                out.println();
                out.flush();
                return 0;
            }
            saveHistory(r, history, out);
            List<String> lines = lines(text);
            for (int i = 0; i < lines.size(); i++) {
                boolean goOn = repl.evaluate(lines.get(i), out);
                if (!goOn) {
                    out.flush();
                    return 0;
                }
                if (interrupted && i + 1 < lines.size()) {
                    int left = lines.size() - i - 1;
                    out.println(
                            "interrupted: the "
                                    + (left == 1
                                            ? "last pasted line was"
                                            : left + " pasted lines left were")
                                    + " skipped.");
                    break;
                }
                out.flush();
            }
            out.flush();
        }
    }

    /** Splits a pasted block into its lines; one typed line stays as it is, even if empty. */
    private static List<String> lines(String text) {
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            return lines.subList(0, lines.size() - 1);
        }
        return lines;
    }

    /**
     * A parser that splits words at spaces for completion and never treats a character specially.
     */
    private static DefaultParser literalParser() {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        return parser;
    }

    private void openHistory(LineReader r, DefaultHistory history, PrintWriter out) {
        if (historyFile == null) {
            return;
        }
        try {
            Path parent = historyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            r.setVariable(LineReader.HISTORY_FILE, historyFile);
            history.load();
        } catch (IOException | IllegalArgumentException e) {
            historyOff(r, out, "cannot be used", e);
        }
    }

    private void saveHistory(LineReader r, DefaultHistory history, PrintWriter out) {
        if (r.getVariable(LineReader.HISTORY_FILE) == null) {
            return;
        }
        try {
            history.save();
        } catch (IOException | IllegalArgumentException e) {
            historyOff(r, out, "cannot be written", e);
        }
    }

    /** Goes on without the history file, warning once. */
    private void historyOff(LineReader r, PrintWriter out, String problem, Exception e) {
        r.getVariables().remove(LineReader.HISTORY_FILE);
        if (!historyWarned) {
            historyWarned = true;
            out.println(
                    "warning: the history file "
                            + historyFile
                            + " "
                            + problem
                            + " ("
                            + describe(e)
                            + "); history is kept for this session only.");
            out.flush();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
        }
        return Repl.message(e);
    }
}
