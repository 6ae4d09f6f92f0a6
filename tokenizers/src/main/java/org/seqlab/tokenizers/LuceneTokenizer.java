package org.seqlab.tokenizers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A tokenizer backed by a Lucene {@link Analyzer}: Unicode word segmentation (UAX #29) followed by
 * term filters such as lowercasing and stemming.
 *
 * <p>A token's {@link Token#text() text} is the analyzed term (for example lowercased and stemmed),
 * so it generally differs from {@code text.substring(start, end)}; its offsets always point into
 * the original text, even when an HTML-stripping char filter removed markup before segmentation.
 * Tokens are in text order and do not overlap. No stop words are removed, so negations such as
 * "not" survive.
 *
 * <p>HTML stripping replaces block-level tags such as {@code <br />} and {@code <p>} by a line
 * break, removes inline tags such as {@code <b>} and comments, and decodes entities ({@code
 * &eacute;} becomes {@code é}). Lucene maps removed characters onto the position just before them,
 * so a token's span in the original text includes the entities it was decoded from and any inline
 * markup directly after it: in {@code <b>bar</b>} the token {@code bar} spans {@code bar</b>}, and
 * {@code a <i>b</i>c} gives the tokens {@code a} and {@code bc}.
 *
 * <p>Thread-safe: each call takes a token stream from the analyzer, whose default reuse strategy
 * keeps one stream per thread, and closes it before returning.
 */
public final class LuceneTokenizer implements Tokenizer {

    /** The field name passed to the analyzer; our analyzers treat every field alike. */
    private static final String FIELD = "text";

    private final Analyzer analyzer;
    private final String description;

    private LuceneTokenizer(Analyzer analyzer, String description) {
        this.analyzer = analyzer;
        this.description = description;
    }

    /**
     * Returns a tokenizer that segments with Lucene's {@link StandardTokenizer} and lowercases.
     *
     * <p>For example {@code "Hello, World! It's 2024."} gives {@code hello}, {@code world}, {@code
     * it's} and {@code 2024}; punctuation is dropped.
     *
     * @param stripHtml whether to remove HTML tags and decode entities before segmentation (for
     *     example IMDb reviews' {@code <br />}); offsets still point into the original text
     * @return a new tokenizer
     */
    public static LuceneTokenizer standard(boolean stripHtml) {
        return new LuceneTokenizer(
                new Pipeline(stripHtml, false), stripHtml ? "standard-html" : "standard");
    }

    /**
     * Returns a tokenizer for English: {@link StandardTokenizer}, then removal of the possessive
     * {@code 's}, lowercasing and Porter stemming.
     *
     * <p>For example {@code "The cats' running quickly"} gives {@code the}, {@code cat}, {@code
     * run} and {@code quickli}. No stop words are removed.
     *
     * @param stripHtml whether to remove HTML tags and decode entities before segmentation; offsets
     *     still point into the original text
     * @return a new tokenizer
     */
    public static LuceneTokenizer english(boolean stripHtml) {
        return new LuceneTokenizer(
                new Pipeline(stripHtml, true), stripHtml ? "english-html" : "english");
    }

    /**
     * Returns the analyzed terms of {@code text} with their offsets in {@code text}.
     *
     * @param text the text to split; must not be null
     * @return the tokens in text order; empty if {@code text} holds no words
     * @throws NullPointerException if {@code text} is null
     */
    @Override
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "The text to tokenize must not be null.");
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // Reading from a String cannot fail; this would be a bug in the analysis chain.
            throw new UncheckedIOException("Lucene analysis of an in-memory string failed.", e);
        }
        return Collections.unmodifiableList(tokens);
    }

    @Override
    public String toString() {
        return "LuceneTokenizer[" + description + "]";
    }

    /** The analysis chain: optional HTML stripping, standard segmentation, then term filters. */
    private static final class Pipeline extends Analyzer {

        private final boolean stripHtml;
        private final boolean english;

        Pipeline(boolean stripHtml, boolean english) {
            this.stripHtml = stripHtml;
            this.english = english;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return stripHtml ? new HTMLStripCharFilter(reader) : reader;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = source;
            if (english) {
                stream = new EnglishPossessiveFilter(stream);
            }
            stream = new LowerCaseFilter(stream);
            if (english) {
                stream = new PorterStemFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
