package org.seqlab.embeddings;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a word-vector file is malformed.
 *
 * <p>The message always starts with the location: {@code file:line: detail} or {@code
 * file:line:column: detail} for text files (1-based line and character column), {@code file: byte
 * N: detail} for binary files (N is the 0-based offset in the uncompressed data), and {@code file:
 * detail} when no finer location applies.
 */
public final class VectorFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;
    private final long byteOffset;

    private VectorFormatException(
            Path file, long line, int column, long byteOffset, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
    }

    /**
     * Creates an exception for a problem on a line of a text file.
     *
     * @param file the file being read
     * @param line the 1-based line number, or 0 when the problem concerns the whole file
     * @param detail what was wrong, without location
     */
    public VectorFormatException(Path file, long line, String detail) {
        this(file, line, 0, -1, file + (line > 0 ? ":" + line : "") + ": " + detail, null);
    }

    /**
     * Creates an exception for a problem at a line and column of a text file.
     *
     * @param file the file being read
     * @param line the 1-based line number
     * @param column the 1-based character column
     * @param detail what was wrong, without location
     */
    public VectorFormatException(Path file, long line, int column, String detail) {
        this(file, line, column, -1, file + ":" + line + ":" + column + ": " + detail, null);
    }

    /**
     * Creates an exception for a problem at a byte offset of a binary file.
     *
     * @param file the file being read
     * @param byteOffset the 0-based offset in the uncompressed data
     * @param detail what was wrong, without location
     * @param cause the underlying exception, or null
     * @return the exception, with message {@code file: byte N: detail}
     */
    public static VectorFormatException atByte(
            Path file, long byteOffset, String detail, Throwable cause) {
        return new VectorFormatException(
                file, 0, 0, byteOffset, file + ": byte " + byteOffset + ": " + detail, cause);
    }

    /**
     * Returns the file that was being read.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the 1-based line number of the problem.
     *
     * @return the line, or 0 when not applicable (binary files, whole-file problems)
     */
    public long line() {
        return line;
    }

    /**
     * Returns the 1-based character column of the problem.
     *
     * @return the column, or 0 when not applicable
     */
    public int column() {
        return column;
    }

    /**
     * Returns the 0-based offset in the uncompressed data of a binary-file problem.
     *
     * @return the offset, or -1 when not applicable
     */
    public long byteOffset() {
        return byteOffset;
    }
}
