package org.seqlab.tasks.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.seqlab.seq2seq.Checkpoint;

/** Runs a {@code seqlab} command in a child JVM and kills it (SIGKILL) mid-training. */
public final class ChildTraining {

    private ChildTraining() {}

    /**
     * Starts {@code args} in a child JVM, waits until {@code run} holds a checkpoint at least
     * {@code updates} updates in, kills the child without warning and returns that checkpoint's
     * position (null when the child ended or two minutes passed first).
     */
    public static Checkpoint.Position killAfter(Path run, long updates, String... args)
            throws IOException, InterruptedException {
        Process p = start(args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Checkpoint.Position at = position(run, updates);
        while (at == null && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            at = position(run, updates);
        }
        p.destroyForcibly().waitFor();
        return position(run, updates);
    }

    private static Checkpoint.Position position(Path run, long updates) {
        Path found = Checkpoint.find(run);
        if (found == null) {
            return null;
        }
        try {
            Checkpoint.Position p = Checkpoint.readPosition(found);
            return p.globalStep() >= updates ? p : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Process start(String[] args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=1");
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.seqlab.tasks.cli.Seqlab");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        new File(System.getProperty("java.io.tmpdir"), "seqlab-resume-child.log"))
                .start();
    }
}
