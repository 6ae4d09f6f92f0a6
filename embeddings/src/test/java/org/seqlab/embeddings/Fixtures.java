package org.seqlab.embeddings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small vector files for tests: text, gzip, zip and word2vec binary. */
final class Fixtures {

    private Fixtures() {}

    /**
     * Writes {@code content} as UTF-8, gzipped for {@code .gz}, as a zip member for {@code .zip}.
     */
    static Path text(Path dir, String name, String content) throws IOException {
        return bytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes, gzipped for {@code .gz}, as {@code vectors.txt} in a {@code .zip}. */
    static Path bytes(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (name.endsWith(".gz")) {
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(content);
                }
            } else if (name.endsWith(".zip")) {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry("README"));
                    zip.write("not vectors".getBytes(StandardCharsets.US_ASCII));
                    zip.putNextEntry(new ZipEntry("glove/vectors.txt"));
                    zip.write(content);
                }
            } else {
                out.write(content);
            }
        }
        return file;
    }

    /** Builds word2vec binary content. */
    static final class Binary {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Binary header(int count, int dim) {
            return raw((count + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        Binary word(String word, float... values) {
            return word(word.getBytes(StandardCharsets.UTF_8), values);
        }

        Binary word(byte[] word, float... values) {
            raw(word);
            out.write(' ');
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            return raw(b.array());
        }

        Binary newline() {
            out.write('\n');
            return this;
        }

        Binary raw(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }

        int length() {
            return out.size();
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
