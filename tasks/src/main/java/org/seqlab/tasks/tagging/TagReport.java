package org.seqlab.tasks.tagging;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;
import org.seqlab.eval.SpanScores;

/**
 * What {@code tag eval} reports: token accuracy and, for entity tags, span precision, recall and F1
 * per type and micro-averaged as conlleval computes them (fractions, not percentages).
 *
 * @param sentences sentences scored
 * @param tokens tokens scored
 * @param accuracy fraction of tokens tagged right
 * @param unknownGoldTags tokens whose gold tag the model does not know (counted as errors)
 * @param spans the span scores for entity tags, else null
 */
record TagReport(
        long sentences, long tokens, double accuracy, long unknownGoldTags, SpanScores spans) {

    /** Returns the micro-averaged span F1, or NaN without entity tags. */
    double f1() {
        return spans == null ? Double.NaN : spans.f1();
    }

    /**
     * Returns the report as one JSON object: {@code sentences, tokens, accuracy}, for entity tags
     * {@code precision, recall, f1, per_type} (and the chunk counts), and {@code unknown_gold_tags}
     * when there were any.
     */
    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("sentences", sentences);
        o.addProperty("tokens", tokens);
        o.addProperty("accuracy", accuracy);
        if (spans != null) {
            JsonObject s = JsonParser.parseString(spans.toJson()).getAsJsonObject();
            for (String k :
                    new String[] {
                        "precision",
                        "recall",
                        "f1",
                        "gold_chunks",
                        "predicted_chunks",
                        "correct_chunks",
                        "per_type"
                    }) {
                o.add(k, s.get(k));
            }
        }
        if (unknownGoldTags > 0) {
            o.addProperty("unknown_gold_tags", unknownGoldTags);
        }
        return o;
    }

    /** Returns the report as text: accuracy, then conlleval's span report for entity tags. */
    String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%d sentences, %d tokens: accuracy %.4f%n",
                        sentences,
                        tokens,
                        accuracy));
        if (unknownGoldTags > 0) {
            sb.append(unknownGoldTags)
                    .append(" tokens have a gold tag the model never saw (counted as errors)\n");
        }
        if (spans != null) {
            sb.append(spans.toText());
        }
        return sb.toString();
    }
}
