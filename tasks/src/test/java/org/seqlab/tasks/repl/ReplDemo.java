package org.seqlab.tasks.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Repl} to drive from a real terminal or a pipe in tests: upper-cases each line, sleeps 2
 * s on the line {@code sleep}, fails on the line {@code fail}, and has the commands {@code :beam
 * N}, {@code :attn [save FILE]}, {@code :width} and {@code :later} (a notice from another thread).
 *
 * <p>Arguments: the history file, or {@code -} for none. Exit code: what {@link Repl#run()}
 * returns, or 2 with a one-line message for bad input (as the CLI does).
 */
public final class ReplDemo {

    private ReplDemo() {}

    /**
     * Returns the command line that runs this demo in a child JVM on the test class path, started
     * the way {@code bin/seqlab} starts the CLI.
     *
     * @param history the history file, or {@code "-"} for none
     */
    static List<String> command(String history) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ReplDemo.class.getName(),
                history);
    }

    /** Runs the demo REPL on standard input and output. */
    public static void main(String[] args) {
        Path history = args.length == 0 || args[0].equals("-") ? null : Path.of(args[0]);
        int[] beam = {1};
        Repl repl =
                new Repl(
                        "> ",
                        history,
                        (text, out) -> {
                            if (text.equals("sleep")) {
                                Thread.sleep(2000);
                            }
                            if (text.equals("fail")) {
                                throw new IllegalStateException("The handler failed on purpose.");
                            }
                            out.println(text.toUpperCase(Locale.ROOT));
                        });
        repl.command(
                new ReplCommand(
                        "beam",
                        "N",
                        "sets the beam width",
                        (a, out) -> {
                            if (a.size() != 1 || !a.get(0).matches("[1-9][0-9]{0,2}")) {
                                throw new IllegalArgumentException(
                                        ":beam takes one number from 1 to 999, such as :beam 4.");
                            }
                            beam[0] = Integer.parseInt(a.get(0));
                            out.println("beam = " + beam[0]);
                        }));
        repl.command(
                new ReplCommand(
                        "attn",
                        "[save FILE]",
                        "shows the attention of the last line",
                        List.of("save"),
                        (a, out) -> out.println("attn " + String.join(" ", a))));
        repl.command(
                new ReplCommand(
                        "width",
                        "",
                        "prints the terminal's width",
                        (a, out) -> out.println("width = " + repl.width())));
        repl.command(
                new ReplCommand(
                        "later",
                        "",
                        "prints a notice from another thread in half a second",
                        (a, out) ->
                                CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                                        .execute(() -> repl.notice("background work is done"))));
        int code;
        try {
            code = repl.run();
        } catch (IOException e) {
            System.err.println("seqlab: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }
}
