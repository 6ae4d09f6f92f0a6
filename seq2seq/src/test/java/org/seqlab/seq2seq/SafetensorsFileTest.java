package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir Path dir;

    @Test
    void readsWhatDjlWritesNamesShapesAndValues() throws IOException {
        Path f = dir.resolve("p.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1.5f, -2f, 3.25f, 0f, 7f, 8f}, new Shape(2, 3));
            a.setName("layer.weight");
            NDArray b = m.create(new long[] {42L});
            b.setName("steps");
            NDArray c = m.create(new float[] {0.5f});
            c.setName("bias");
            try (OutputStream out = Files.newOutputStream(f)) {
                new NDList(a, b, c).encode(out, NDList.Encoding.SAFETENSORS);
            }
            NDList read = SafetensorsFile.read(m, f);
            assertEquals(3, read.size());
            NDArray ra = read.get("layer.weight");
            assertEquals(new Shape(2, 3), ra.getShape());
            assertArrayEquals(a.toFloatArray(), ra.toFloatArray(), 0f);
            assertArrayEquals(new long[] {42L}, read.get("steps").toLongArray());
            assertArrayEquals(new float[] {0.5f}, read.get("bias").toFloatArray(), 0f);
        }
    }

    @Test
    void aTruncatedOrForeignFileIsAnErrorNamingIt() throws IOException {
        Path f = dir.resolve("p.safetensors");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 2f, 3f, 4f});
            a.setName("w");
            try (OutputStream out = Files.newOutputStream(f)) {
                new NDList(a).encode(out, NDList.Encoding.SAFETENSORS);
            }
            byte[] bytes = Files.readAllBytes(f);
            Path cut = dir.resolve("cut.safetensors");
            Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
            IOException e = assertThrows(IOException.class, () -> SafetensorsFile.read(m, cut));
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
            Path text =
                    Files.writeString(dir.resolve("text.safetensors"), "hello world, not tensors");
            IOException t = assertThrows(IOException.class, () -> SafetensorsFile.read(m, text));
            assertTrue(t.getMessage().contains(text.toString()), t.getMessage());
        }
    }
}
