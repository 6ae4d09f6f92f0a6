package org.seqlab.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Signals that a corpus file exists and could be read but its content is not usable.
 *
 * <p>The message is {@code "<file>: <detail>"}, where the detail says what is wrong and where, for
 * example {@code "invalid UTF-8 at byte 1234 (line 5)"}.
 */
public final class CorpusFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

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
    }

    /**
     * Returns the file that is malformed.
     *
     * @return the file given to the constructor
     */
    public Path file() {
        return file;
    }
}
