package org.seqlab.tasks.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A line-oriented read-eval-print loop: each line of input goes to a {@link LineHandler}, except
 * colon commands such as {@code :beam 3}, which go to the {@link ReplCommand} of that name.
 *
 * <p><b>On a terminal</b> (standard input and output both a terminal), {@link #run()} reads with
 * JLine: line editing, a history that persists in a file, tab completion of the colon commands and
 * of their fixed arguments. Ctrl-C clears the line being typed, Ctrl-D on an empty line or {@code
 * :quit} ends the session. The built-in {@code :help} lists the commands with their one-line help.
 * A line that starts with one colon is a command; {@code ::text} passes {@code :text} to the
 * handler. An unknown command, or an exception from the handler or a command, prints one line
 * ({@code error: } and the message) and the session goes on. A history file that cannot be read or
 * written gives one warning and the session goes on without it.
 *
 * <p><b>In a pipe</b> (either not a terminal), {@link #run()} reads standard input as strict UTF-8
 * and passes every line to the handler, colon or not, in order; see {@link #runPipe}.
 *
 * <p>JLine takes about half a second to open the terminal and build the reader (0.4 to 0.8 s
 * measured on a busy two-core machine, most of it the terminal), so the prompt shows about a second
 * after the JVM starts. A caller that needs a slow resource, such as a model, should start loading
 * it in the background from {@link #onReady} and have the handler wait for it; {@link #notice}
 * reports its arrival without disturbing the line being typed. Ctrl-C while the handler runs is not
 * caught: it ends the program, as in a shell. Keys typed while the handler runs are read at the
 * next prompt, except Ctrl-D, which the terminal swallows then.
 */
public final class Repl {

    static final String HELP = "help";
    static final String QUIT = "quit";

    private final String prompt;
    private final Path history;
    private final LineHandler handler;
    private final Map<String, ReplCommand> commands = new TreeMap<>();
    private volatile TerminalSession session;
    private Runnable onReady;

    /**
     * Creates a loop over {@code handler} with the built-in {@code :help} and {@code :quit}.
     *
     * @param prompt what is shown before each line on a terminal, such as {@code "> "}
     * @param history the history file, such as {@code ~/.seqlab/translate_history}, whose missing
     *     parent directories are created; null for a history kept in memory only
     * @param handler what handles the lines that are not commands
     * @throws IllegalArgumentException if {@code prompt} or {@code handler} is null
     */
    public Repl(String prompt, Path history, LineHandler handler) {
        if (prompt == null || handler == null) {
            throw new IllegalArgumentException(
                    "A REPL needs a prompt and a line handler, but "
                            + (prompt == null ? "the prompt" : "the handler")
                            + " was null.");
        }
        this.prompt = prompt;
        this.history = history;
        this.handler = handler;
        commands.put(HELP, new ReplCommand(HELP, "", "lists the commands", (a, out) -> help(out)));
        commands.put(
                QUIT, new ReplCommand(QUIT, "", "ends the session (Ctrl-D too)", (a, o) -> {}));
    }

    /**
     * Registers a colon command.
     *
     * @param command the command
     * @return this loop, for chaining
     * @throws IllegalArgumentException if a command of that name exists, built in or registered
     */
    public Repl command(ReplCommand command) {
        if (command == null) {
            throw new IllegalArgumentException("A command to register must not be null.");
        }
        if (commands.containsKey(command.name())) {
            throw new IllegalArgumentException(
                    "There is already a command :" + command.name() + "; names must be unique.");
        }
        commands.put(command.name(), command);
        return this;
    }

    /**
     * Sets what {@link #run()} does once it is ready to read: on a terminal after JLine has opened
     * it, just before the first prompt; in the pipe mode before the first line is read. This is the
     * place to start loading a slow resource in the background (and return at once): started before
     * {@link #run()}, the loading competes with opening the terminal for the processor and holds
     * the prompt back, by 1 to 2 s on a busy two-core machine.
     *
     * @param action run on the thread of {@link #run()}, once per call of it
     * @return this loop, for chaining
     * @throws IllegalArgumentException if {@code action} is null
     */
    public Repl onReady(Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("The action to run when ready must not be null.");
        }
        onReady = action;
        return this;
    }

    /**
     * Tells whether {@link #run()} would read from a terminal: standard input and output are both
     * one.
     *
     * @return true for the interactive mode, false for the pipe mode
     */
    public static boolean terminalAttached() {
        return System.console() != null;
    }

    /**
     * Runs the loop on standard input and output until the input ends or the user quits.
     *
     * @return the exit code: 0, or 1 in the pipe mode when the handler failed on some line
     * @throws org.seqlab.corpora.CorpusFormatException in the pipe mode, for input that is not
     *     UTF-8, naming {@code <stdin>} and the line, after the lines before it were handled
     * @throws IOException if standard input cannot be read or the terminal cannot be opened
     */
    public int run() throws IOException {
        if (!terminalAttached()) {
            ready();
            return runPipe(System.in, System.out, System.err);
        }
        TerminalSession s = new TerminalSession(this, prompt, history);
        session = s;
        try {
            return s.run();
        } finally {
            session = null;
        }
    }

    /**
     * Runs the pipe mode: reads {@code in} as strict UTF-8 and passes every line to the handler,
     * colon or not.
     *
     * <p>Exactly one line is written to {@code out} per input line, in UTF-8 and flushed at once,
     * so the loop works in a pipe: what the handler wrote, ended with a line end if it lacks one,
     * or an empty line when it wrote nothing (a handler that writes more than one line breaks the
     * count). An exception from the handler writes an empty line, reports {@code <stdin>:LINE:
     * message} on {@code err}, and the loop goes on. The loop stops early, without error, when
     * {@code out} is a {@link PrintStream} that reports an error (the reader went away).
     *
     * @param in the input, such as {@link System#in}; not closed
     * @param out where the output lines go, such as {@link System#out}; not closed
     * @param err where failures of the handler are reported
     * @return 0, or 1 when the handler failed on some line
     * @throws org.seqlab.corpora.CorpusFormatException for input that is not UTF-8, naming {@code
     *     <stdin>} and the line, after the lines before it were handled
     * @throws IOException if the input cannot be read or the output cannot be written
     */
    public int runPipe(InputStream in, OutputStream out, PrintStream err) throws IOException {
        return new PipeSession(handler).run(in, out, err);
    }

    /**
     * Returns the width of the terminal in columns, for output laid out to fit it.
     *
     * @return the current width, or 80 when no terminal session is running or it is unknown
     */
    public int width() {
        TerminalSession s = session;
        return s == null ? 80 : s.width();
    }

    /**
     * Prints a message for the user without disturbing the line being typed, from any thread: on a
     * terminal above the prompt, in the pipe mode on standard error (never among the output lines).
     *
     * @param message the message, such as {@code "model loaded in 2.1 s"}
     */
    public void notice(String message) {
        TerminalSession s = session;
        if (s == null) {
            System.err.println(message);
        } else {
            s.notice(message);
        }
    }

    /** Runs the action set with {@link #onReady}, if any. */
    void ready() {
        if (onReady != null) {
            onReady.run();
        }
    }

    /** Returns all commands, built-in ones included, by name. */
    Collection<ReplCommand> commands() {
        return commands.values();
    }

    /** Returns the command of that name, or null. */
    ReplCommand command(String name) {
        return commands.get(name);
    }

    /**
     * Evaluates one line of the interactive mode: a command or the handler's input.
     *
     * @return false when the line asks to end the session
     */
    boolean evaluate(String line, PrintWriter out) {
        try {
            if (!line.startsWith(":") || line.startsWith("::")) {
                handler.line(line.startsWith("::") ? line.substring(1) : line, out);
                return true;
            }
            List<String> words =
                    new ArrayList<>(Arrays.asList(line.substring(1).trim().split("\\s+")));
            String name = words.remove(0);
            if (name.equals(QUIT)) {
                return false;
            }
            ReplCommand command = commands.get(name);
            if (command == null) {
                out.println("error: there is no command :" + name + "; :help lists the commands.");
            } else {
                command.action().run(List.copyOf(words), out);
            }
        } catch (Exception e) {
            out.println("error: " + message(e));
        }
        return true;
    }

    /**
     * Returns the first line of the message of {@code e}, unwrapping wrappers of the real cause.
     */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException
                        || t instanceof ExecutionException
                        || t instanceof InvocationTargetException
                        || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void help(PrintWriter out) {
        int width = 0;
        for (ReplCommand c : commands.values()) {
            width = Math.max(width, usageOf(c).length());
        }
        for (ReplCommand c : commands.values()) {
            String usage = usageOf(c);
            out.println("  " + usage + " ".repeat(width - usage.length() + 2) + c.help());
        }
        out.println("Any other line is input; '::' starts one that begins with ':'.");
    }

    private static String usageOf(ReplCommand c) {
        return ":" + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage());
    }
}
