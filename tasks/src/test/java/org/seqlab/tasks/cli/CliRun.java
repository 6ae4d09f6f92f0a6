package org.seqlab.tasks.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with a given stdin; captures exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code args} with an empty stdin. */
    public static CliRun run(String... args) {
        return withInput("", args);
    }

    /** Runs {@code args} reading {@code stdin}. */
    public static CliRun withInput(String stdin, String... args) {
        return withBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs {@code args} reading the bytes {@code stdin}. */
    public static synchronized CliRun withBytes(byte[] stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Seqlab.execute(args);
            return new CliRun(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
