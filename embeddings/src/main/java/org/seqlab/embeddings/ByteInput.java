package org.seqlab.embeddings;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A large, growable read buffer over a stream, for parsers that scan bytes themselves.
 *
 * <p>The bytes {@code buf[pos..limit)} are buffered and not yet consumed; {@code base} is the
 * offset in the (uncompressed) stream of {@code buf[0]}. Decompression errors become {@link
 * VectorFormatException}s at the offset where the data stopped.
 */
final class ByteInput implements Closeable {

    private static final int INITIAL = 1 << 20;

    final Path file;
    private final InputStream in;
    byte[] buf = new byte[INITIAL];
    int pos;
    int limit;
    long base;
    private boolean eof;

    ByteInput(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** Returns the stream offset of buffer index {@code index}. */
    long offset(int index) {
        return base + index;
    }

    /** True when the stream is exhausted and every buffered byte has been consumed. */
    boolean atEnd() throws IOException {
        return pos >= limit && fill() < 0;
    }

    /**
     * Buffers at least {@code n} bytes after {@code pos} unless the stream ends first; may move the
     * buffered bytes (indices into {@code buf} change, {@code pos} stays valid).
     *
     * @return the number of bytes available after {@code pos}
     */
    int require(int n) throws IOException {
        while (limit - pos < n) {
            if (fill() < 0) {
                break;
            }
        }
        return limit - pos;
    }

    /**
     * Reads more bytes, first moving the unconsumed bytes to the front and growing the buffer when
     * it is full.
     *
     * @return the number of bytes read, or -1 at the end of the stream
     */
    int fill() throws IOException {
        if (eof) {
            return -1;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n;
        try {
            n = in.read(buf, limit, buf.length - limit);
        } catch (EOFException | ZipException e) {
            throw VectorFormatException.atByte(
                    file,
                    base + limit,
                    "truncated or corrupt compressed data (" + e.getMessage() + ")",
                    e);
        }
        if (n < 0) {
            eof = true;
            return -1;
        }
        limit += n;
        return n;
    }

    /**
     * Finds the next {@code '\n'} at or after {@code pos}, reading more as needed.
     *
     * @param max give up after this many bytes; 0 for no limit
     * @return the index of the newline, {@code limit} when the stream ends without one (and there
     *     are bytes), or -1 when nothing is left or {@code max} bytes held no newline
     */
    int lineEnd(int max) throws IOException {
        int scanned = 0;
        while (true) {
            byte[] b = buf;
            int end = limit;
            for (int i = pos + scanned; i < end; i++) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            scanned = limit - pos;
            if (max > 0 && scanned >= max) {
                return -1;
            }
            if (fill() < 0) {
                return limit > pos ? limit : -1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
