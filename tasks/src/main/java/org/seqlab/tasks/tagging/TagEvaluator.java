package org.seqlab.tasks.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.seqlab.corpora.TaggedCorpus;
import org.seqlab.corpora.TaggedSentence;
import org.seqlab.eval.SpanF1;

/** Scores a {@link TagModel} on tagged sentences. */
final class TagEvaluator {

    private TagEvaluator() {}

    /** Tags every sentence of {@code corpus} and scores the tags against the corpus's. */
    static TagReport evaluate(TagModel model, TaggedCorpus corpus) {
        List<List<String>> words = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        for (TaggedSentence s : corpus.sentences()) {
            words.add(s.words());
            gold.add(s.tags());
        }
        List<List<String>> predicted = model.predict(words);
        Set<String> known = knownTags(model);
        long unknown = 0;
        for (List<String> g : gold) {
            for (String t : g) {
                if (!known.contains(t)) {
                    unknown++;
                }
            }
        }
        TagReport r = score(gold, predicted, model.config().entities());
        return new TagReport(r.sentences(), r.tokens(), r.accuracy(), unknown, r.spans());
    }

    /**
     * Returns the tags a model can output, as they appear in data: its own tags, or for entity tags
     * {@code O} and both {@code B-T} and {@code I-T} of every type {@code T} it knows (a model that
     * predicts in BIOES outputs IOB2).
     */
    static Set<String> knownTags(TagModel model) {
        Set<String> known = new HashSet<>();
        for (String t : model.tags()) {
            if (model.config().entities() && t.length() > 2 && t.charAt(1) == '-') {
                known.add("B-" + t.substring(2));
                known.add("I-" + t.substring(2));
            } else {
                known.add(t);
            }
        }
        return known;
    }

    /** Scores predicted tags against gold tags, sentence by sentence. */
    static TagReport score(
            List<List<String>> gold, List<List<String>> predicted, boolean entities) {
        long tokens = 0;
        long right = 0;
        for (int i = 0; i < gold.size(); i++) {
            List<String> g = gold.get(i);
            List<String> p = predicted.get(i);
            for (int j = 0; j < g.size(); j++) {
                tokens++;
                if (g.get(j).equals(p.get(j))) {
                    right++;
                }
            }
        }
        double accuracy = tokens == 0 ? Double.NaN : (double) right / tokens;
        return new TagReport(
                gold.size(), tokens, accuracy, 0, entities ? SpanF1.score(gold, predicted) : null);
    }
}
