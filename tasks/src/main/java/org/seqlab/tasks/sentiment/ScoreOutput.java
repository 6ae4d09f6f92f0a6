package org.seqlab.tasks.sentiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/** The lines {@code seqlab sentiment score} prints for one text. */
final class ScoreOutput {

    private ScoreOutput() {}

    /**
     * Returns one JSON object: {@code label}, {@code probability}, {@code scores}, a {@code note}
     * when there is one, and with an explanation its {@code explanation}: every word read, in text
     * order, with its {@code start} and {@code end} offsets in code points (as {@link
     * SentimentExplainer.WordEffect} counts them) and its effect.
     */
    static String json(SentimentModel.Prediction p, SentimentExplainer.Explanation x) {
        JsonObject o = new JsonObject();
        o.addProperty("label", p.label());
        o.addProperty("probability", p.probability());
        JsonObject s = new JsonObject();
        p.scores().forEach(s::addProperty);
        o.add("scores", s);
        if (!p.note().isEmpty()) {
            o.addProperty("note", p.note());
        }
        if (x != null) {
            JsonArray words = new JsonArray();
            for (SentimentExplainer.WordEffect w : x.effects()) {
                JsonObject e = new JsonObject();
                e.addProperty("word", w.word());
                e.addProperty("start", w.start());
                e.addProperty("end", w.end());
                e.addProperty("effect", w.effect());
                words.add(e);
            }
            o.add("explanation", words);
        }
        return o.toString();
    }

    /**
     * Returns {@code label<TAB>probability<TAB>text-prefix}, and with an explanation two more
     * indented lines: the {@code top} words for the label and against it, with their effects.
     */
    static String text(
            SentimentModel.Prediction p, String text, SentimentExplainer.Explanation x, int top) {
        String flat = text.replaceAll("\\s+", " ");
        StringBuilder sb =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%s\t%.4f\t%s%n",
                                p.label(),
                                p.probability(),
                                flat.length() > 60 ? flat.substring(0, 60) + "..." : flat));
        if (x != null) {
            sb.append("\tfor ").append(p.label()).append(": ");
            sb.append(words(x.strongestFor(top))).append(System.lineSeparator());
            sb.append("\tagainst: ").append(words(x.strongestAgainst(top)));
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String words(List<SentimentExplainer.WordEffect> effects) {
        if (effects.isEmpty()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        for (SentimentExplainer.WordEffect w : effects) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%s %+.3f", w.word(), w.effect()));
        }
        return sb.toString();
    }
}
