package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static final Checkpoint.Position FIRST =
            new Checkpoint.Position(
                    2,
                    5,
                    17,
                    new Checkpoint.Schedule(1e-3f, Double.NaN, 1, 2),
                    new Checkpoint.EpochTotals(3.25, 4, 1000, 2.5),
                    12.5);
    private static final Checkpoint.Position SECOND =
            new Checkpoint.Position(
                    3,
                    0,
                    40,
                    new Checkpoint.Schedule(5e-4f, 1.75, 0, 0),
                    Checkpoint.EpochTotals.NONE,
                    30.0);

    private static void gradient(NDArray w, float[] g) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(w.mul(w.getManager().create(g)).sum());
        }
    }

    private static NDList taskState(NDManager m, float value) {
        NDArray carried = m.create(new float[] {value, -value});
        carried.setName("carried");
        return new NDList(carried);
    }

    /** A model with two parameters after one Adam update, so that the moments are not zero. */
    private record Run(NamedParameters params, AdamOptimizer optimizer) {
        static Run trained(NDManager m, long seed) {
            NamedParameters p = new NamedParameters(m, seed);
            NDArray w = p.uniform("w", new ai.djl.ndarray.types.Shape(3), 1.0);
            p.uniform("b", new ai.djl.ndarray.types.Shape(1), 1.0);
            AdamOptimizer adam = AdamOptimizer.defaults(p, 0);
            gradient(w, new float[] {0.3f, -0.7f, 0.1f});
            gradient(p.get("b"), new float[] {1f});
            adam.step(0.1f);
            return new Run(p, adam);
        }
    }

    private static void save(Path runDir, Checkpoint.Position pos, Run run, NDManager m, float v)
            throws IOException {
        Checkpoint.save(runDir, pos, run.params(), run.optimizer(), taskState(m, v));
    }

    @Test
    void saveThenRestoreRoundTripsWeightsOptimizerTaskStateAndPosition(@TempDir Path runDir)
            throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Run a = Run.trained(m, 1);
            save(runDir, FIRST, a, m, 2f);
            Path dir = Checkpoint.find(runDir);
            assertEquals(runDir.resolve(Checkpoint.DIR), dir);
            assertEquals(FIRST, Checkpoint.readPosition(dir));

            Run b = Run.trained(m, 99);
            NDList task = Checkpoint.restore(dir, b.params(), b.optimizer(), m);
            assertEquals(1, b.optimizer().steps());
            assertArrayEquals(
                    a.params().get("w").toFloatArray(), b.params().get("w").toFloatArray());
            assertArrayEquals(
                    a.params().get("b").toFloatArray(), b.params().get("b").toFloatArray());
            assertEquals("carried", task.get(0).getName());
            assertArrayEquals(new float[] {2f, -2f}, task.get(0).toFloatArray());

            // The same next update from the original and the restored state: the moments match.
            for (Run r : new Run[] {a, b}) {
                gradient(r.params().get("w"), new float[] {-0.2f, 0.4f, 0.9f});
                gradient(r.params().get("b"), new float[] {0.5f});
                r.optimizer().step(0.1f);
            }
            assertArrayEquals(
                    a.params().get("w").toFloatArray(), b.params().get("w").toFloatArray(), 1e-7f);
        }
    }

    @Test
    void aSecondSaveReplacesTheFirstAndLeavesNoOtherDirectory(@TempDir Path runDir)
            throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Run a = Run.trained(m, 1);
            save(runDir, FIRST, a, m, 1f);
            save(runDir, SECOND, a, m, 1f);
            assertEquals(SECOND, Checkpoint.readPosition(Checkpoint.find(runDir)));
            assertFalse(Files.exists(runDir.resolve(Checkpoint.DIR + ".tmp")));
            assertFalse(Files.exists(runDir.resolve(Checkpoint.DIR + ".old")));
        }
    }

    @Test
    void aLeftoverTempDirectoryFromACrashIsIgnoredAndReplaced(@TempDir Path runDir)
            throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            Run a = Run.trained(m, 1);
            save(runDir, FIRST, a, m, 1f);
            // A crash while writing the next checkpoint: weights written, position not yet.
            Path tmp = Files.createDirectories(runDir.resolve(Checkpoint.DIR + ".tmp"));
            a.params().save(tmp.resolve("params.safetensors"));
            assertEquals(runDir.resolve(Checkpoint.DIR), Checkpoint.find(runDir));
            assertEquals(FIRST, Checkpoint.readPosition(Checkpoint.find(runDir)));

            save(runDir, SECOND, a, m, 1f);
            assertEquals(SECOND, Checkpoint.readPosition(Checkpoint.find(runDir)));
            assertFalse(Files.exists(tmp));
        }
    }

    /** Saves a checkpoint elsewhere and moves it to {@code runDir/name}, as a crash leaves it. */
    private static void leave(
            Path runDir, String name, Checkpoint.Position pos, Run run, NDManager m)
            throws IOException {
        Path elsewhere = Files.createTempDirectory(runDir, "elsewhere");
        save(elsewhere, pos, run, m, 1f);
        Files.move(elsewhere.resolve(Checkpoint.DIR), runDir.resolve(name));
        Files.delete(elsewhere);
    }

    @Test
    void findPrefersTheNewestCompleteCheckpoint(@TempDir Path runDir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            assertNull(Checkpoint.find(runDir), "no checkpoint yet");
            Run a = Run.trained(m, 1);
            Path current = runDir.resolve(Checkpoint.DIR);
            Path old = runDir.resolve(Checkpoint.DIR + ".old");

            // A crash after the new checkpoint moved into place, before the old one was deleted.
            leave(runDir, Checkpoint.DIR + ".old", FIRST, a, m);
            leave(runDir, Checkpoint.DIR, SECOND, a, m);
            assertEquals(current, Checkpoint.find(runDir));
            assertEquals(SECOND, Checkpoint.readPosition(Checkpoint.find(runDir)));

            // A crash after the current one moved to .old, before the new one moved into place:
            // the complete .old is used, never a .tmp.
            Files.move(current, runDir.resolve(Checkpoint.DIR + ".tmp"));
            assertEquals(old, Checkpoint.find(runDir));
            assertEquals(FIRST, Checkpoint.readPosition(Checkpoint.find(runDir)));

            // An incomplete checkpoint/ (no position) is passed over for the complete .old.
            Files.createDirectories(current);
            assertEquals(old, Checkpoint.find(runDir));

            // The next save starts from a clean slate and leaves only checkpoint/.
            Checkpoint.deleteTree(current);
            save(runDir, SECOND, a, m, 1f);
            assertEquals(SECOND, Checkpoint.readPosition(Checkpoint.find(runDir)));
            assertFalse(Files.exists(old));
            assertFalse(Files.exists(runDir.resolve(Checkpoint.DIR + ".tmp")));
        }
    }

    @Test
    void anUnreadablePositionIsAnIoExceptionNamingTheFile(@TempDir Path runDir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            save(runDir, FIRST, Run.trained(m, 1), m, 1f);
            Path dir = Checkpoint.find(runDir);
            Path position = dir.resolve("position.json");
            Files.writeString(position, "{\"epoch\": 2, \"step\":");
            IOException e = assertThrows(IOException.class, () -> Checkpoint.readPosition(dir));
            assertTrue(e.getMessage().contains(position.toString()), e.getMessage());
        }
    }

    @Test
    void anEmptyOrOldPositionIsNamedAndExplained(@TempDir Path dir) throws IOException {
        Path ck = Files.createDirectories(dir.resolve("checkpoint"));
        Path position = ck.resolve("position.json");
        Files.writeString(position, "");
        IOException e = assertThrows(IOException.class, () -> Checkpoint.readPosition(ck));
        assertEquals(position + ": not valid JSON (no content)", e.getMessage());
        Files.writeString(
                position, "{\"epoch\":1,\"step\":0,\"globalStep\":5,\"learningRate\":0.1}");
        e = assertThrows(IOException.class, () -> Checkpoint.readPosition(ck));
        assertTrue(e.getMessage().contains("earlier seqlab version"), e.getMessage());
        Files.writeString(position, "{\"epoch\":1}");
        e = assertThrows(IOException.class, () -> Checkpoint.readPosition(ck));
        assertEquals(position + ": missing field 'step'", e.getMessage());
    }
}
