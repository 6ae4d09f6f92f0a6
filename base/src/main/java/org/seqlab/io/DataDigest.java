package org.seqlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of a training corpus whatever file format it came in: the examples'
 * fields as UTF-8 text, in order, with a zero byte after each part (train, dev).
 */
public final class DataDigest {

    private final MessageDigest digest;

    /** Starts an empty digest. */
    public DataDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }

    /** Adds {@code text} as UTF-8 bytes; returns this digest. */
    public DataDigest add(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Ends a part of the data (say the training examples) with a zero byte; returns this. */
    public DataDigest endPart() {
        digest.update((byte) 0);
        return this;
    }

    /**
     * Returns the SHA-256 of a file's bytes as they are on disk (no decompression), as 64
     * lower-case hex digits.
     */
    public static String ofFile(Path file) throws IOException {
        DataDigest d = new DataDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.digest.update(buffer, 0, n);
            }
        }
        return d.hex();
    }

    /** Returns the digest as 64 lower-case hex digits; the digest cannot be used after it. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
