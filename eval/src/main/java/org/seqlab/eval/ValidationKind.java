package org.seqlab.eval;

/** What an epoch record's validation value measures, for labels in logs and charts. */
public enum ValidationKind {
    /** A loss in nats per token (language models). */
    LOSS,
    /** An error rate in [0, 1] on a dev set (classifiers); accuracy is one minus it. */
    ERROR_RATE
}
