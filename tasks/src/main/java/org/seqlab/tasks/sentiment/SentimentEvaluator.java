package org.seqlab.tasks.sentiment;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.LabeledCorpus;
import org.seqlab.corpora.LabeledText;
import org.seqlab.eval.ClassificationReport;
import org.seqlab.eval.ConfusionMatrix;

/** Scores a labeled corpus with a model and reports accuracy, P/R/F1 and the confusion matrix. */
public final class SentimentEvaluator {

    private SentimentEvaluator() {}

    /**
     * Evaluates {@code model} on {@code data}.
     *
     * @throws CorpusFormatException naming the file and line of the first example whose label the
     *     model lacks, as {@link LabeledCorpus#requireLabels} describes
     * @throws IllegalArgumentException the same for a corpus not read from a file
     */
    public static ClassificationReport evaluate(SentimentModel model, LabeledCorpus data)
            throws CorpusFormatException {
        List<String> labels = model.labels();
        data.requireLabels(labels, "the model's");
        List<String> texts = new ArrayList<>(data.size());
        int[] gold = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            LabeledText t = data.examples().get(i);
            gold[i] = labels.indexOf(t.label());
            texts.add(t.text());
        }
        List<SentimentModel.Prediction> p = model.predict(texts);
        int[] predicted = new int[p.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = labels.indexOf(p.get(i).label());
        }
        return ClassificationReport.of(ConfusionMatrix.of(labels, gold, predicted));
    }
}
