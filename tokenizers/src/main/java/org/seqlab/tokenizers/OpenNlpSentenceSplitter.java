package org.seqlab.tokenizers;

import java.util.List;
import java.util.Objects;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;

/**
 * Splits text into sentences with OpenNLP's maximum-entropy English sentence detector, trained on
 * the Universal Dependencies English-EWT treebank (model {@code
 * opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin}).
 *
 * <p>Each sentence is returned as a {@link Token} whose text is {@code text.substring(start, end)}:
 * the sentence including its final punctuation, without surrounding whitespace. Sentences are in
 * text order and do not overlap; text between them (whitespace) belongs to none. Text without a
 * final period still forms a sentence.
 *
 * <p>The model is read from the classpath once per JVM, on first use, and shared. Thread-safe:
 * OpenNLP's {@code SentenceDetectorME} is not, so calls go through its {@code
 * ThreadSafeSentenceDetectorME} wrapper, which keeps one detector per thread.
 */
public final class OpenNlpSentenceSplitter {

    private static final class Holder {
        static final OpenNlpSentenceSplitter INSTANCE =
                new OpenNlpSentenceSplitter(OpenNlpModels.sentenceDetector());
    }

    private final ThreadSafeSentenceDetectorME detector;

    private OpenNlpSentenceSplitter(ThreadSafeSentenceDetectorME detector) {
        this.detector = detector;
    }

    /**
     * Returns the shared instance, loading the model on the first call.
     *
     * @return the sentence splitter
     * @throws IllegalStateException if the model resource is not on the classpath
     * @throws java.io.UncheckedIOException if the model cannot be read
     */
    public static OpenNlpSentenceSplitter instance() {
        return Holder.INSTANCE;
    }

    /**
     * Splits {@code text} into sentences with their offsets.
     *
     * @param text the text to split; must not be null
     * @return one token per sentence, in text order; empty if {@code text} is empty or all
     *     whitespace
     * @throws NullPointerException if {@code text} is null
     */
    public List<Token> split(String text) {
        Objects.requireNonNull(text, "The text to split must not be null.");
        return OpenNlpTokenizer.spansToTokens(text, detector.sentPosDetect(text));
    }

    @Override
    public String toString() {
        return "OpenNlpSentenceSplitter";
    }
}
