package org.seqlab.tasks.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REPL's pipe mode in a child JVM whose standard input and output are pipes. */
class ReplPipeTest {

    private static final long WAIT_S = 60;

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Process start() throws IOException {
        process = new ProcessBuilder(ReplDemo.command("-")).start();
        return process;
    }

    private static String read(CompletableFuture<byte[]> stream) throws Exception {
        return new String(stream.get(WAIT_S, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    }

    @Test
    void eachLineIsAnsweredAtOnceWhileTheInputIsStillOpen() throws Exception {
        Process p = start();
        OutputStream in = p.getOutputStream();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line : new String[] {"one", "", "wörld", ":help"}) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals(
                    line.toUpperCase(java.util.Locale.ROOT), readLine(out), "answer to " + line);
        }
        in.close();
        assertTrue(p.waitFor(WAIT_S, TimeUnit.SECONDS), "the REPL did not end with its input");
        assertEquals(0, p.exitValue());
    }

    private static String readLine(BufferedReader out)
            throws InterruptedException, ExecutionException, TimeoutException {
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return out.readLine();
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                .get(WAIT_S, TimeUnit.SECONDS);
    }

    @Test
    void oneOutputLinePerInputLineEvenForEmptyLinesAndFailures() throws Exception {
        Process p = start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> all(p, true));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> all(p, false));
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello\n\n\nfail\n:beam 3\nwörld".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("HELLO\n\n\n\n:BEAM 3\nWÖRLD\n", read(out));
        assertEquals("<stdin>:4: The handler failed on purpose.\n", read(err));
        assertTrue(p.waitFor(WAIT_S, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), "a line the handler failed on makes the exit code 1");
    }

    @Test
    void invalidUtf8IsAnErrorNamingStdinAndTheLine() throws Exception {
        Process p = start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> all(p, true));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> all(p, false));
        try (OutputStream in = p.getOutputStream()) {
            in.write(new byte[] {'a', '\n', 'b', (byte) 0xc3, '(', '\n', 'c', '\n'});
        }
        assertEquals("A\n", read(out), "the lines before the bad one are answered");
        assertEquals("seqlab: <stdin>: invalid UTF-8 at byte 3 (line 2)\n", read(err));
        assertTrue(p.waitFor(WAIT_S, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
    }

    private static byte[] all(Process p, boolean stdout) {
        try {
            return (stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
