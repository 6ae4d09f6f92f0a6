package org.seqlab.corpora;

import java.util.Objects;

/**
 * One text with its class label, such as a movie review and its sentiment.
 *
 * @param text the text, kept exactly as read; not null, may be empty
 * @param label the class label, such as {@code pos} or {@code 5}; not null and not blank
 */
public record LabeledText(String text, String label) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code label} is blank
     */
    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException(
                    "A label must not be blank, but it is '" + label + "'.");
        }
    }
}
