package org.seqlab.corpora;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.seqlab.io.InputFiles;

/**
 * Reads the lines of a text file or of standard input as strict UTF-8, one at a time: the one
 * reader for line-oriented text inputs such as texts to score or to tokenize.
 *
 * <p>Input whose first two bytes are the gzip magic {@code 1f 8b} is gunzipped first, whatever its
 * name (no UTF-8 text starts with these bytes). A UTF-8 byte order mark at the start is dropped.
 * Lines end at {@code \n}; a {@code \r} right before it is dropped too, and a last line without a
 * line end is a line. Lines are decoded as they are read, so a pipe is processed as it arrives.
 *
 * <p>A malformed or truncated byte sequence throws a {@link CorpusFormatException} whose message is
 * {@code "NAME: invalid UTF-8 at byte N (line L)"}, where NAME is the file or {@value #STDIN}, N
 * the zero-based offset of the first bad byte (in the decompressed content for gzip, counting a
 * byte order mark) and L the one-based line it is on, when that line is asked for; broken gzip data
 * throws one whose detail starts with {@code "invalid gzip data"} or {@code "truncated gzip data"}.
 * Instances are not thread-safe.
 */
public final class TextLines implements Closeable {

    /** The name standard input goes by in messages. */
    public static final String STDIN = "<stdin>";

    private static final int CHUNK = 1 << 16;
    private static final char BOM = '\uFEFF';

    private final Path name;
    private final InputStream raw;
    private final boolean owned;
    private final CharsetDecoder decoder =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private final StringBuilder pending = new StringBuilder();
    private InputStream in;
    private boolean gzip;
    private int start; // first char of pending not yet returned
    private int scan; // where to look for the next line end: pending before it has none
    private long base; // offset in the (decompressed) input of bytes.array()[0]
    private long lines; // lines returned so far
    private boolean ended; // the input is exhausted and decoded
    private boolean atStart = true; // no character decoded yet
    private CorpusFormatException failure; // bad bytes after the lines in pending

    private TextLines(Path name, InputStream raw, boolean owned) {
        this.name = name;
        this.raw = raw;
        this.owned = owned;
    }

    /**
     * Opens a file for reading lines.
     *
     * @param file the file; not null
     * @return a reader that closes the file when it is closed
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws CorpusFormatException if the file is a directory
     * @throws IOException if the file cannot be opened
     */
    public static TextLines open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return new TextLines(file, InputFiles.open(file), true);
    }

    /**
     * Reads lines from a stream that is left open, naming it {@code name} in messages.
     *
     * @param in the stream, such as {@link System#in}; not null
     * @param name what messages call the stream, such as {@value #STDIN}; not null
     * @return a reader whose {@link #close()} does not close {@code in}
     */
    public static TextLines of(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return new TextLines(Path.of(name), in, false);
    }

    /**
     * Reads lines from {@link System#in}, named {@value #STDIN} in messages.
     *
     * @return a reader whose {@link #close()} does not close standard input
     */
    public static TextLines stdin() {
        return of(System.in, STDIN);
    }

    /**
     * Reads all lines of a file.
     *
     * @param file the file; not null
     * @return its lines, empty for an empty file
     * @throws CorpusFormatException as the class describes
     * @throws IOException if the file cannot be read
     */
    public static List<String> readAll(Path file) throws IOException {
        try (TextLines lines = open(file)) {
            return lines.rest();
        }
    }

    /**
     * Returns the name used in messages: the file, or {@value #STDIN}.
     *
     * @return the name
     */
    public Path name() {
        return name;
    }

    /**
     * Returns the number of lines returned so far, which is the number of the last one returned.
     *
     * @return the one-based number of the last line returned, 0 before the first
     */
    public long lineNumber() {
        return lines;
    }

    /**
     * Returns the next line without its line end.
     *
     * @return the line, or null at the end of the input
     * @throws CorpusFormatException if the next line is not valid UTF-8 or the gzip data is broken
     * @throws IOException if the input cannot be read
     */
    public String next() throws IOException {
        while (true) {
            int nl = pending.indexOf("\n", Math.max(start, scan));
            if (nl >= 0) {
                int end = nl > start && pending.charAt(nl - 1) == '\r' ? nl - 1 : nl;
                String line = pending.substring(start, end);
                start = nl + 1;
                lines++;
                return line;
            }
            scan = pending.length();
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                if (start == pending.length()) {
                    return null;
                }
                String line = pending.substring(start);
                start = pending.length();
                lines++;
                return line;
            }
            pending.delete(0, start);
            scan -= start;
            start = 0;
            fill();
        }
    }

    /**
     * Returns the lines not read yet.
     *
     * @return the remaining lines, in order
     * @throws CorpusFormatException as {@link #next()} describes
     * @throws IOException if the input cannot be read
     */
    public List<String> rest() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line; (line = next()) != null; ) {
            out.add(line);
        }
        return out;
    }

    /**
     * Returns everything not read yet, verbatim: line ends ({@code \n}, {@code \r\n}) kept.
     *
     * @return the rest of the input, empty at its end
     * @throws CorpusFormatException as {@link #next()} describes
     * @throws IOException if the input cannot be read
     */
    public String remaining() throws IOException {
        while (failure == null && !ended) {
            fill();
        }
        if (failure != null) {
            throw failure;
        }
        String rest = pending.substring(start);
        start = pending.length();
        return rest;
    }

    /** Closes the file this reader opened; a stream given to {@link #of} stays open. */
    @Override
    public void close() throws IOException {
        if (owned) {
            (in == null ? raw : in).close();
        }
    }

    /** Reads and decodes the next chunk of input into {@code pending}. */
    private void fill() throws IOException {
        boolean end;
        if (in == null) {
            byte[] head = raw.readNBytes(2);
            gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            if (gzip) {
                in = gunzip(head);
                end = read();
            } else {
                in = raw;
                bytes.clear().put(head).flip();
                end = head.length < 2;
            }
        } else {
            end = read();
        }
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, end);
            drain();
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                failure = malformed(base + bytes.position());
                return;
            }
        }
        if (end) {
            while (decoder.flush(chars).isOverflow()) {
                drain();
            }
            drain();
            ended = true;
        }
    }

    /** Appends the next bytes of input to {@code bytes}; returns whether the input has ended. */
    private boolean read() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n;
        try {
            n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } catch (ZipException e) {
            throw new CorpusFormatException(name, "invalid gzip data: " + e.getMessage());
        } catch (EOFException e) {
            if (!gzip) {
                throw e;
            }
            throw new CorpusFormatException(name, "truncated gzip data: " + e.getMessage());
        }
        if (n > 0) {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
        return n < 0;
    }

    /** Returns the gunzipped input, whose first two bytes {@code head} were read already. */
    private InputStream gunzip(byte[] head) throws IOException {
        PushbackInputStream all = new PushbackInputStream(raw, head.length);
        all.unread(head);
        try {
            return new GZIPInputStream(all, CHUNK);
        } catch (ZipException e) {
            throw new CorpusFormatException(name, "invalid gzip data: " + e.getMessage());
        } catch (EOFException e) {
            throw new CorpusFormatException(name, "truncated gzip data: " + e.getMessage());
        }
    }

    private void drain() {
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == BOM) {
                chars.get();
            }
        }
        pending.append(chars);
        chars.clear();
    }

    private CorpusFormatException malformed(long offset) {
        long line = lines + 1;
        for (int i = start; i < pending.length(); i++) {
            if (pending.charAt(i) == '\n') {
                line++;
            }
        }
        return new CorpusFormatException(
                name, "invalid UTF-8 at byte " + offset + " (line " + line + ")");
    }
}
