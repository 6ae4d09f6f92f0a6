package org.seqlab.tasks.tagging;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.TagScheme;
import org.seqlab.corpora.TagSchemes;
import org.seqlab.corpora.TagSpan;
import org.seqlab.tokenizers.OpenNlpSentenceSplitter;
import org.seqlab.tokenizers.OpenNlpTokenizer;
import org.seqlab.tokenizers.Token;

/**
 * Tags raw text: splits it into sentences and tokens with OpenNLP's English models, tags each
 * sentence, and prints the result inline ({@code word/TAG}), as CoNLL columns, or as JSON lines
 * with character offsets into the input and, for entity tags, the entity spans.
 */
final class RawTextTagger {

    /** How tagged sentences are printed. */
    enum Style {
        /** One line per sentence: {@code word/TAG word/TAG ...}. */
        INLINE,
        /** One word a line: {@code index TAB word TAB tag}, a blank line after each sentence. */
        CONLL,
        /** One JSON object per sentence. */
        JSON
    }

    /** A tagged sentence of the input: its tokens (offsets into the input) and their tags. */
    record Tagged(String text, int start, int end, List<Token> tokens, List<String> tags) {}

    private final TagModel model;
    private final OpenNlpSentenceSplitter splitter = OpenNlpSentenceSplitter.instance();
    private final OpenNlpTokenizer tokenizer = OpenNlpTokenizer.instance();

    RawTextTagger(TagModel model) {
        this.model = model;
    }

    /** Splits, tokenizes and tags {@code text}; offsets point into {@code text}. */
    List<Tagged> tag(String text) {
        List<Tagged> out = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        List<Token> sentences = splitter.split(text);
        for (Token s : sentences) {
            List<Token> shifted = new ArrayList<>();
            List<String> w = new ArrayList<>();
            for (Token t : tokenizer.tokenize(s.text())) {
                shifted.add(new Token(t.text(), s.start() + t.start(), s.start() + t.end()));
                w.add(t.text());
            }
            tokens.add(shifted);
            words.add(w);
        }
        List<List<String>> tags = model.predict(words);
        for (int i = 0; i < sentences.size(); i++) {
            Token s = sentences.get(i);
            out.add(new Tagged(s.text(), s.start(), s.end(), tokens.get(i), tags.get(i)));
        }
        return out;
    }

    /** Tags {@code text} and formats it in {@code style}; empty text gives empty output. */
    String tag(String text, Style style) {
        StringBuilder sb = new StringBuilder();
        for (Tagged t : tag(text)) {
            switch (style) {
                case INLINE -> {
                    for (int i = 0; i < t.tokens().size(); i++) {
                        if (i > 0) {
                            sb.append(' ');
                        }
                        sb.append(t.tokens().get(i).text()).append('/').append(t.tags().get(i));
                    }
                    sb.append('\n');
                }
                case CONLL -> {
                    for (int i = 0; i < t.tokens().size(); i++) {
                        sb.append(i + 1)
                                .append('\t')
                                .append(t.tokens().get(i).text())
                                .append('\t')
                                .append(t.tags().get(i))
                                .append('\n');
                    }
                    sb.append('\n');
                }
                case JSON -> sb.append(json(text, t)).append('\n');
            }
        }
        return sb.toString();
    }

    private JsonObject json(String input, Tagged t) {
        JsonObject o = new JsonObject();
        o.addProperty("text", t.text());
        o.addProperty("start", t.start());
        o.addProperty("end", t.end());
        JsonArray tokens = new JsonArray();
        for (int i = 0; i < t.tokens().size(); i++) {
            Token k = t.tokens().get(i);
            JsonObject tok = new JsonObject();
            tok.addProperty("text", k.text());
            tok.addProperty("start", k.start());
            tok.addProperty("end", k.end());
            tok.addProperty("tag", t.tags().get(i));
            tokens.add(tok);
        }
        o.add("tokens", tokens);
        if (model.config().entities()) {
            JsonArray entities = new JsonArray();
            for (TagSpan s : TagSchemes.spans(t.tags(), TagScheme.IOB2)) {
                int start = t.tokens().get(s.start()).start();
                int end = t.tokens().get(s.end() - 1).end();
                JsonObject e = new JsonObject();
                e.addProperty("type", s.type());
                e.addProperty("text", input.substring(start, end));
                e.addProperty("start", start);
                e.addProperty("end", end);
                entities.add(e);
            }
            o.add("entities", entities);
        }
        return o;
    }
}
