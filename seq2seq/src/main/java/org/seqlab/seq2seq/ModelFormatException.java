package org.seqlab.seq2seq;

import java.io.IOException;

/** A model directory is missing, truncated, of another task or of an unsupported version. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the path. */
    public ModelFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a message that names the path and its cause. */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
