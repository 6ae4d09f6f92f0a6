package org.seqlab.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.seqlab.io.InputFiles;

/**
 * Reads whole text files with strict UTF-8 decoding (the decoding of {@link TextLines}, the one
 * reader of text input) and computes SHA-256 fingerprints.
 *
 * <p>All methods are static and thread-safe.
 */
public final class TextReader {
    private static final int CHUNK = 1 << 16;

    private TextReader() {}

    /**
     * Reads a whole file as UTF-8 through {@link TextLines}, gunzipping it first when it starts
     * with gzip's magic bytes.
     *
     * <p>Decoding is strict: a malformed or truncated byte sequence throws a {@link
     * CorpusFormatException} whose detail is {@code "invalid UTF-8 at byte N (line M)"}, where N is
     * the zero-based offset of the first bad byte (in the decompressed content for a gzipped file,
     * counting a byte order mark if there is one) and M the one-based line it is on. A UTF-8 byte
     * order mark at the start is dropped from the result. Line endings are kept as they are.
     *
     * @param file the file to read
     * @return the file's content
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws CorpusFormatException if the content is not valid UTF-8 or gzip, or is empty or only
     *     whitespace
     * @throws IOException if the file cannot be read
     */
    public static String read(Path file) throws IOException {
        String result = readAllowingEmpty(file);
        if (result.isBlank()) {
            throw new CorpusFormatException(file, "the file is empty");
        }
        return result;
    }

    /**
     * Reads a file like {@link #read(Path)} but returns empty or blank content instead of throwing.
     */
    static String readAllowingEmpty(Path file) throws IOException {
        try (TextLines text = TextLines.open(file)) {
            return text.remaining();
        }
    }

    /**
     * Decodes a whole stream like {@link #read(Path)}; the stream is not closed. Errors name {@code
     * file}.
     */
    static String decode(Path file, InputStream in) throws IOException {
        return TextLines.of(in, file.toString()).remaining();
    }

    /**
     * Returns the SHA-256 of a file's raw bytes, as 64 lowercase hex digits.
     *
     * <p>The file is streamed, not decompressed: a {@code .gz} file is hashed as stored.
     *
     * @param file the file to hash
     * @return the hex digest
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = InputFiles.open(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Returns the SHA-256 of a sequence of ints, each as 4 big-endian bytes, as 64 lowercase hex
     * digits.
     *
     * <p>Used to fingerprint token id sequences such as a {@link Split}'s parts.
     *
     * @param ids the values to hash; not null
     * @return the hex digest
     */
    public static String sha256(int[] ids) {
        MessageDigest digest = newSha256();
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK); // big-endian by default
        for (int i = 0; i < ids.length; ) {
            int n = Math.min(ids.length - i, CHUNK / Integer.BYTES);
            bytes.clear();
            bytes.asIntBuffer().put(ids, i, n);
            digest.update(bytes.array(), 0, n * Integer.BYTES);
            i += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Every Java platform must support SHA-256.", e);
        }
    }
}
