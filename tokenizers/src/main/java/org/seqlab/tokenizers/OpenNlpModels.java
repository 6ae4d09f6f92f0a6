package org.seqlab.tokenizers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Loads the English OpenNLP models shipped in the {@code opennlp-models-*-en} artifacts, once per
 * JVM each.
 *
 * <p>Each model sits in its own holder class, so it is read on first use (not when this class
 * loads) and the JVM's class initialization makes that read happen exactly once, safely across
 * threads. The OpenNLP {@code ThreadSafe*ME} wrappers share the immutable model and keep one
 * decoder per thread.
 */
final class OpenNlpModels {

    /** Classpath resource of the UD English-EWT tokenizer model (opennlp-models-tokenizer-en). */
    static final String TOKENIZER_RESOURCE = "/opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin";

    /** Classpath resource of the UD English-EWT sentence model (opennlp-models-sentdetect-en). */
    static final String SENTENCE_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin";

    private OpenNlpModels() {}

    /** Returns the shared, thread-safe tokenizer, loading its model on first use. */
    static ThreadSafeTokenizerME tokenizer() {
        return TokenizerHolder.TOKENIZER;
    }

    /** Returns the shared, thread-safe sentence detector, loading its model on first use. */
    static ThreadSafeSentenceDetectorME sentenceDetector() {
        return SentenceHolder.DETECTOR;
    }

    private static final class TokenizerHolder {
        static final ThreadSafeTokenizerME TOKENIZER =
                new ThreadSafeTokenizerME(
                        OpenNlpModels.<TokenizerModel>load(
                                TOKENIZER_RESOURCE, TokenizerModel::new));
    }

    private static final class SentenceHolder {
        static final ThreadSafeSentenceDetectorME DETECTOR =
                new ThreadSafeSentenceDetectorME(
                        OpenNlpModels.<SentenceModel>load(SENTENCE_RESOURCE, SentenceModel::new));
    }

    /** Reads a model from the classpath. */
    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = OpenNlpModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The OpenNLP model resource "
                                + resource
                                + " is not on the classpath; is the opennlp-models-*-en 1.2.0"
                                + " dependency missing?");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read the OpenNLP model resource " + resource + ".", e);
        }
    }

    @FunctionalInterface
    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }
}
