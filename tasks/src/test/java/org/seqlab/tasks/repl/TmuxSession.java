package org.seqlab.tasks.repl;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A program in a real pseudo-terminal, for tests: it runs in a detached tmux session of 120 x 30
 * cells on a tmux server of its own, keys go in with {@code send-keys} and the screen comes back
 * with {@code capture-pane}. {@link #close()} kills the server and whatever still runs on it.
 *
 * <p>Use {@link #available()} in an assumption first: tmux is not installed everywhere. Every wait
 * gives up after {@link #WAIT_MS} with an {@link AssertionError} that shows the screen.
 */
public final class TmuxSession implements AutoCloseable {

    /** How long each wait lasts before it fails. */
    public static final long WAIT_MS = 60_000;

    private final String tmux;
    private final String socket;
    private final String prompt;
    private String session;

    /**
     * Creates a session helper whose server starts with the first {@link #start}.
     *
     * @param prompt the prompt of the program, such as {@code "> "}, for {@link #awaitPrompt}
     * @throws IllegalStateException if tmux is not installed
     */
    public TmuxSession(String prompt) {
        tmux = onPath("tmux");
        if (tmux == null) {
            throw new IllegalStateException("tmux is not installed; check available() first.");
        }
        this.prompt = prompt;
        socket = "seqlab-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    /** Tells whether tmux is installed (on the PATH or in /usr/bin). */
    public static boolean available() {
        return onPath("tmux") != null;
    }

    /**
     * Starts {@code command} in a new session, which later calls address, under bash with a UTF-8
     * locale.
     *
     * @param name the session's name, unique on this server
     * @param command the program and its arguments
     * @param env environment variables to set for it
     * @param dir where the start script and the exit code file go
     * @return the file that the command's exit code is written to when it ends
     */
    public Path start(String name, List<String> command, Map<String, String> env, Path dir)
            throws IOException {
        session = name;
        Path rc = dir.resolve(name + ".rc");
        StringBuilder script = new StringBuilder();
        env.forEach(
                (k, v) -> script.append("export ").append(k).append('=').append(quote(v) + "\n"));
        script.append(command.stream().map(TmuxSession::quote).collect(Collectors.joining(" ")));
        // bash, not sh: it waits for a child that handles Ctrl-C instead of dying with it.
        script.append("\necho $? > ").append(quote(rc.toString())).append('\n');
        Path file = dir.resolve(name + ".sh");
        Files.writeString(file, script.toString());
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
                        "bash " + quote(file.toString())),
                true);
        return rc;
    }

    /** Types {@code text} literally into the latest session. */
    public void type(String text) throws IOException {
        run(List.of(tmux, "-L", socket, "send-keys", "-t", session, "-l", text), true);
    }

    /**
     * Pastes {@code text} into the latest session as a terminal paste: bracketed when the program
     * asked for bracketed paste, as JLine does.
     */
    public void paste(String text) throws IOException {
        run(List.of(tmux, "-L", socket, "set-buffer", "-b", "seqlab", text), true);
        run(
                List.of(
                        tmux,
                        "-L",
                        socket,
                        "paste-buffer",
                        "-p",
                        "-d",
                        "-b",
                        "seqlab",
                        "-t",
                        session),
                true);
    }

    /** Presses a key by its tmux name, such as {@code Enter}, {@code Tab} or {@code C-d}. */
    public void keys(String key) throws IOException {
        run(List.of(tmux, "-L", socket, "send-keys", "-t", session, key), true);
    }

    /** Returns the visible screen of the latest session, one line per row. */
    public String capture() throws IOException {
        return run(List.of(tmux, "-u", "-L", socket, "capture-pane", "-p", "-t", session), true);
    }

    /** Waits until the last non-empty line of the screen is the prompt followed by {@code text}. */
    public void awaitPrompt(String text) throws IOException {
        await(
                s -> lastLine(s).equals((prompt + text).strip()),
                "the prompt '" + prompt + text + "'");
    }

    /**
     * Waits until {@code ready} holds for the screen, which starts with a line end so that {@code
     * "\nTEXT\n"} matches a whole first line.
     *
     * @param what what is awaited, for the failure message
     * @return the screen that satisfied {@code ready}
     */
    public String await(Predicate<String> ready, String what) throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        String screen = "";
        while (System.currentTimeMillis() < deadline) {
            screen = "\n" + capture();
            if (ready.test(screen)) {
                return screen;
            }
            pause();
        }
        throw new AssertionError("The screen never showed " + what + ":" + screen);
    }

    /** Waits until {@code file} (an exit code file from {@link #start}) is written; returns it. */
    public static String awaitFile(Path file) throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            pause();
        }
        throw new AssertionError("The program did not end: no exit code in " + file);
    }

    /** Returns the last non-blank line of {@code screen}, stripped. */
    public static String lastLine(String screen) {
        List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    /** Kills the tmux server, ending every session this helper started. */
    @Override
    public void close() throws IOException {
        run(List.of(tmux, "-L", socket, "kill-server"), false);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the screen.", e);
        }
    }

    /** Runs a tmux command with a UTF-8 locale and returns its output. */
    private static String run(List<String> command, boolean check) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux did not answer: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for tmux.", e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (check && p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 5)) + " failed: " + text);
        }
        return text;
    }

    /** Quotes {@code s} for bash. */
    public static String quote(String s) {
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
