package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedParametersTest {

    @Test
    void sameSeedGivesSameWeightsAndSaveLoadRoundTrips(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters a = new NamedParameters(m, 9);
            a.uniform("x", new Shape(3, 4), 0.5);
            a.normal("y", new Shape(5), 1.0);
            NamedParameters b = new NamedParameters(m, 9);
            b.uniform("x", new Shape(3, 4), 0.5);
            b.normal("y", new Shape(5), 1.0);
            assertArrayEquals(a.get("x").toFloatArray(), b.get("x").toFloatArray());
            float[] x = a.get("x").toFloatArray();
            for (float v : x) {
                assertTrue(v >= -0.5 && v <= 0.5);
            }
            assertEquals(17, a.count());

            Path file = dir.resolve("p.safetensors");
            a.save(file);
            NamedParameters c = new NamedParameters(m, 1);
            c.uniform("x", new Shape(3, 4), 0.5);
            c.normal("y", new Shape(5), 1.0);
            c.load(file);
            assertArrayEquals(x, c.get("x").toFloatArray());
            assertArrayEquals(a.get("y").toFloatArray(), c.get("y").toFloatArray());
            assertEquals(1, Files.list(dir).count(), "no temp files left behind");
        }
    }

    @Test
    void loadRejectsTruncatedAndMismatchedFiles(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters a = new NamedParameters(m, 9);
            a.uniform("x", new Shape(3, 4), 0.5);
            Path file = dir.resolve("p.safetensors");
            a.save(file);
            byte[] bytes = Files.readAllBytes(file);
            Path cut = dir.resolve("cut.safetensors");
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
            IOException e = assertThrows(IOException.class, () -> a.load(cut));
            assertTrue(e.getMessage().contains("cut.safetensors"), e.getMessage());

            NamedParameters other = new NamedParameters(m, 9);
            other.uniform("x", new Shape(4, 3), 0.5);
            IOException shape = assertThrows(IOException.class, () -> other.load(file));
            assertTrue(shape.getMessage().contains("shape"), shape.getMessage());

            NamedParameters missing = new NamedParameters(m, 9);
            missing.uniform("z", new Shape(3, 4), 0.5);
            assertThrows(IOException.class, () -> missing.load(file));
        }
    }
}
