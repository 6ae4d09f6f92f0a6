package org.seqlab.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Signals that a corpus file exists and could be read but its content is not usable.
 *
 * <p>The message is {@code "<file>: <detail>"}, where the detail says what is wrong and where, for
 * example {@code "invalid UTF-8 at byte 1234 (line 5)"}; for a problem on one line of a
 * line-oriented file it is {@code "<file>:<line>: <detail>"}, for example {@code "data.tsv:7:
 * expected label<TAB>text"}.
 */
public final class CorpusFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * Creates an exception for a malformed file.
     *
     * @param file the file that is malformed; not null
     * @param detail what is wrong with it, ideally with a byte offset or line; not null
     */
    public CorpusFormatException(Path file, String detail) {
        super(
                Objects.requireNonNull(file, "file")
                        + ": "
                        + Objects.requireNonNull(detail, "detail"));
        this.file = file;
        this.line = 0;
    }

    /**
     * Creates an exception for a malformed line of a file.
     *
     * @param file the file that is malformed; not null
     * @param line the one-based number of the bad line, at least 1
     * @param detail what is wrong with the line; not null
     * @throws IllegalArgumentException if {@code line} is less than 1
     */
    public CorpusFormatException(Path file, long line, String detail) {
        super(
                Objects.requireNonNull(file, "file")
                        + ":"
                        + requirePositive(line)
                        + ": "
                        + Objects.requireNonNull(detail, "detail"));
        this.file = file;
        this.line = line;
    }

    private static long requirePositive(long line) {
        if (line < 1) {
            throw new IllegalArgumentException(
                    "A line number must be at least 1, but it is " + line + ".");
        }
        return line;
    }

    /**
     * Returns the file that is malformed.
     *
     * @return the file given to the constructor
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the one-based number of the bad line.
     *
     * @return the line given to the constructor, or 0 if the problem is not tied to one line
     */
    public long line() {
        return line;
    }
}
