package org.seqlab.seq2seq;

/** Thrown when training produces a non-finite loss or gradient; checkpoints stay untouched. */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a full-sentence message. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
