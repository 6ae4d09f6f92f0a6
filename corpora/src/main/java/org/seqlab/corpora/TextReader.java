package org.seqlab.corpora;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.seqlab.io.InputFiles;

/**
 * Reads whole text files with strict UTF-8 decoding and computes SHA-256 fingerprints.
 *
 * <p>All methods are static and thread-safe.
 */
public final class TextReader {
    private static final int CHUNK = 1 << 16;
    private static final char BOM = '\uFEFF';

    private TextReader() {}

    /**
     * Reads a whole file as UTF-8, gunzipping it first when its name ends with {@code .gz}.
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
        boolean gzipped =
                file.getFileName() != null && file.getFileName().toString().endsWith(".gz");
        int capacity = gzipped ? CHUNK : (int) Math.min(Files.size(file), Integer.MAX_VALUE - 16);
        StringBuilder text = new StringBuilder(Math.max(capacity, 16));
        try (InputStream raw = InputFiles.open(file);
                InputStream in = gzipped ? new GZIPInputStream(raw, CHUNK) : raw) {
            decode(file, in, text);
        } catch (ZipException e) {
            throw new CorpusFormatException(file, "invalid gzip data: " + e.getMessage());
        } catch (EOFException e) {
            if (!gzipped) {
                throw e;
            }
            throw new CorpusFormatException(file, "truncated gzip data: " + e.getMessage());
        }
        return dropBom(text);
    }

    /**
     * Decodes a whole stream as strict UTF-8, dropping a leading byte order mark; the stream is not
     * closed. Errors name {@code file} as {@link #read(Path)} describes.
     */
    static String decode(Path file, InputStream in) throws IOException {
        StringBuilder text = new StringBuilder(CHUNK);
        decode(file, in, text);
        return dropBom(text);
    }

    private static String dropBom(StringBuilder text) {
        int start = text.length() > 0 && text.charAt(0) == BOM ? 1 : 0;
        return text.substring(start);
    }

    private static void decode(Path file, InputStream stream, StringBuilder text)
            throws IOException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        long consumed = 0; // bytes compacted away before the buffer's start
        boolean eof = false;
        while (!eof) {
            int n = stream.read(in.array(), in.position(), in.remaining());
            if (n < 0) {
                eof = true;
            } else {
                in.position(in.position() + n);
            }
            in.flip();
            while (true) {
                CoderResult result = decoder.decode(in, out, eof);
                if (result.isUnderflow()) {
                    break;
                } else if (result.isOverflow()) {
                    drain(out, text);
                } else {
                    drain(out, text);
                    throw malformed(file, consumed + in.position(), text);
                }
            }
            consumed += in.position();
            in.compact();
        }
        while (decoder.flush(out).isOverflow()) {
            drain(out, text);
        }
        drain(out, text);
    }

    private static void drain(CharBuffer out, StringBuilder text) {
        out.flip();
        text.append(out);
        out.clear();
    }

    private static CorpusFormatException malformed(Path file, long offset, CharSequence before) {
        long line = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
            }
        }
        return new CorpusFormatException(
                file, "invalid UTF-8 at byte " + offset + " (line " + line + ")");
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
