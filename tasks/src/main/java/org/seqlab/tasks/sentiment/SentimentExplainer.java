package org.seqlab.tasks.sentiment;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.seqlab.tokenizers.Token;

/**
 * Explains a score by occlusion: each word the model read is left out in turn, and its effect is
 * how much the probability of the predicted label drops without it. A positive effect pushed the
 * text towards the predicted label, a negative one away from it. Exact for this model (no gradient
 * approximation); costs one forward pass per word, batched.
 */
public final class SentimentExplainer {

    /**
     * One word's effect.
     *
     * <p>Offsets count characters as code points (Unicode scalar values), not Java's UTF-16 units:
     * in {@code "😀 loved it"} the word {@code loved} is at 2 to 7. Java code gets the word back
     * with {@code text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0,
     * end))}; Python with {@code text[start:end]}.
     *
     * @param word the token's text
     * @param start its start offset in the text, in code points
     * @param end its end offset in the text (exclusive), in code points
     * @param effect probability of the predicted label with the word minus without it
     */
    public record WordEffect(String word, int start, int end, double effect) {}

    /**
     * A prediction with its explanation.
     *
     * @param prediction the model's prediction for the whole text
     * @param effects one entry per word read (after truncation), in text order
     */
    public record Explanation(SentimentModel.Prediction prediction, List<WordEffect> effects) {

        /** Returns the {@code k} words that pushed most towards the predicted label. */
        public List<WordEffect> strongestFor(int k) {
            return effects.stream()
                    .filter(e -> e.effect() > 0)
                    .sorted(Comparator.comparingDouble(WordEffect::effect).reversed())
                    .limit(k)
                    .toList();
        }

        /** Returns the {@code k} words that pushed most away from the predicted label. */
        public List<WordEffect> strongestAgainst(int k) {
            return effects.stream()
                    .filter(e -> e.effect() < 0)
                    .sorted(Comparator.comparingDouble(WordEffect::effect))
                    .limit(k)
                    .toList();
        }
    }

    private final SentimentModel model;

    /** Creates an explainer over {@code model}, which it does not close. */
    public SentimentExplainer(SentimentModel model) {
        this.model = model;
    }

    /** Scores {@code text} and measures each word's effect on the predicted label. */
    public Explanation explain(String text) {
        SentimentModel.Read read = model.read(text);
        int[] ids = read.ids();
        SentimentModel.Prediction p = model.predict(new int[][] {ids}, done -> {}).get(0);
        int label = model.labels().indexOf(p.label());
        double base = p.probability();
        List<WordEffect> effects = new ArrayList<>(ids.length);
        CodePoints points = new CodePoints(text);
        int classes = model.labels().size();
        for (int s = 0; s < ids.length; s += SentimentModel.SCORE_BATCH) {
            int e = Math.min(ids.length, s + SentimentModel.SCORE_BATCH);
            List<int[]> batch = new ArrayList<>(e - s);
            for (int k = s; k < e; k++) {
                batch.add(without(ids, k));
            }
            float[] probs;
            try (NDManager m = model.manager().newSubManager()) {
                probs = model.logits(m, batch, false).softmax(1).toFloatArray();
            }
            for (int k = s; k < e; k++) {
                Token t = read.tokens().get(k);
                double q = probs[(k - s) * classes + label];
                effects.add(
                        new WordEffect(
                                t.text(), points.at(t.start()), points.at(t.end()), base - q));
            }
        }
        return new Explanation(p, List.copyOf(effects));
    }

    /** Converts UTF-16 offsets into a text to code point offsets, fastest in increasing order. */
    private static final class CodePoints {
        private final String text;
        private int unit; // the last UTF-16 offset converted
        private int point; // its code point offset

        CodePoints(String text) {
            this.text = text;
        }

        int at(int utf16) {
            if (utf16 < unit) {
                unit = 0;
                point = 0;
            }
            point += text.codePointCount(unit, utf16);
            unit = utf16;
            return point;
        }
    }

    private static int[] without(int[] ids, int k) {
        int[] out = new int[ids.length - 1];
        System.arraycopy(ids, 0, out, 0, k);
        System.arraycopy(ids, k + 1, out, k, ids.length - k - 1);
        return out;
    }
}
