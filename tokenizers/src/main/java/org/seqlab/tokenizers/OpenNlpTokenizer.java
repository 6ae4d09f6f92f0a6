package org.seqlab.tokenizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.util.Span;

/**
 * A tokenizer backed by OpenNLP's maximum-entropy English tokenizer, trained on the Universal
 * Dependencies English-EWT treebank (model {@code opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin}).
 *
 * <p>Punctuation becomes separate tokens ({@code "Hello, world!"} gives {@code Hello}, {@code ,},
 * {@code world}, {@code !}), abbreviations keep their period ({@code Mr.}), and contractions stay
 * whole: the model keeps the surface word {@code isn't} as one token. Token texts are the exact
 * substrings of the input; nothing is normalized.
 *
 * <p>The model is read from the classpath once per JVM, on first use, and shared. Thread-safe:
 * OpenNLP's {@code TokenizerME} is not, so calls go through its {@code ThreadSafeTokenizerME}
 * wrapper, which keeps one decoder per thread over the shared model.
 */
public final class OpenNlpTokenizer implements Tokenizer {

    private static final class Holder {
        static final OpenNlpTokenizer INSTANCE = new OpenNlpTokenizer(OpenNlpModels.tokenizer());
    }

    private final ThreadSafeTokenizerME tokenizer;

    private OpenNlpTokenizer(ThreadSafeTokenizerME tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Returns the shared instance, loading the model on the first call.
     *
     * @return the tokenizer
     * @throws IllegalStateException if the model resource is not on the classpath
     * @throws java.io.UncheckedIOException if the model cannot be read
     */
    public static OpenNlpTokenizer instance() {
        return Holder.INSTANCE;
    }

    /**
     * Splits {@code text} into words and punctuation with their offsets.
     *
     * @param text the text to split; must not be null
     * @return the tokens in text order; empty if {@code text} is empty or all whitespace
     * @throws NullPointerException if {@code text} is null
     */
    @Override
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "The text to tokenize must not be null.");
        return spansToTokens(text, tokenizer.tokenizePos(text));
    }

    /** Turns OpenNLP spans into tokens whose text is the spanned substring. */
    static List<Token> spansToTokens(String text, Span[] spans) {
        List<Token> tokens = new ArrayList<>(spans.length);
        for (Span span : spans) {
            tokens.add(
                    new Token(
                            text.substring(span.getStart(), span.getEnd()),
                            span.getStart(),
                            span.getEnd()));
        }
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String toString() {
        return "OpenNlpTokenizer";
    }
}
