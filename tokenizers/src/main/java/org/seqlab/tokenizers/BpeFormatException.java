package org.seqlab.tokenizers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a byte-pair merges file is not in the expected format.
 *
 * <p>The message starts with {@code file:line:} (the path as given and the 1-based line number) and
 * then says what was wrong, for example {@code merges.txt:7: unknown piece "ab"}.
 */
public final class BpeFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final int line;

    /**
     * Creates an exception for a problem at {@code line} of {@code file}.
     *
     * @param file the file being read
     * @param line the 1-based line number of the problem
     * @param problem what was wrong, without location
     */
    public BpeFormatException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    /**
     * Creates an exception for a problem at {@code line} of {@code file}, with a cause.
     *
     * @param file the file being read
     * @param line the 1-based line number of the problem
     * @param problem what was wrong, without location
     * @param cause the underlying exception, or null
     */
    public BpeFormatException(Path file, int line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
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
     * @return the line number
     */
    public int line() {
        return line;
    }
}
