package org.seqlab.tasks.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.TaggedCorpus;
import org.seqlab.corpora.TaggedSentence;
import org.seqlab.eval.SpanF1;

/** Scores a {@link TagModel} on tagged sentences. */
final class TagEvaluator {

    private TagEvaluator() {}

    /**
     * Tags every sentence of {@code corpus} and scores the tags against the corpus's.
     *
     * @param source the file the corpus was read from, named in the error
     * @throws CorpusFormatException if none of the corpus's tags is one the model can output: the
     *     file was read with the wrong format or tag column (a CoNLL-U file read as columns takes
     *     its MISC column), and a score of 0 would hide that
     */
    static TagReport evaluate(TagModel model, TaggedCorpus corpus, Path source)
            throws CorpusFormatException {
        List<List<String>> words = new ArrayList<>();
        List<List<String>> gold = new ArrayList<>();
        Set<String> known = knownTags(model);
        Set<String> strangers = new TreeSet<>();
        long unknown = 0;
        long tokens = 0;
        for (TaggedSentence s : corpus.sentences()) {
            words.add(s.words());
            gold.add(s.tags());
            for (String t : s.tags()) {
                tokens++;
                if (!known.contains(t)) {
                    unknown++;
                    if (strangers.size() < 5) {
                        strangers.add(t);
                    }
                }
            }
        }
        if (tokens > 0 && unknown == tokens) {
            throw new CorpusFormatException(
                    source,
                    "none of its "
                            + tokens
                            + " tags is a tag the model knows (file: "
                            + strangers
                            + (strangers.size() == 5 ? "..." : "")
                            + "; model: "
                            + new TreeSet<>(known)
                            + "); check --format and --column (the model was trained on "
                            + model.config().format()
                            + ", column "
                            + model.config().column()
                            + ")");
        }
        List<List<String>> predicted = model.predict(words);
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
