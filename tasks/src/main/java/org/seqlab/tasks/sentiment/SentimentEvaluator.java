package org.seqlab.tasks.sentiment;

import java.util.ArrayList;
import java.util.List;
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
     * @throws IllegalArgumentException naming the first example whose label the model lacks
     */
    public static ClassificationReport evaluate(SentimentModel model, LabeledCorpus data) {
        List<String> labels = model.labels();
        List<String> texts = new ArrayList<>(data.size());
        int[] gold = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            LabeledText t = data.examples().get(i);
            gold[i] = labels.indexOf(t.label());
            if (gold[i] < 0) {
                throw new IllegalArgumentException(
                        "Example "
                                + (i + 1)
                                + " has the label '"
                                + t.label()
                                + "', which the model does not know; its labels are "
                                + labels
                                + ".");
            }
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
