package org.seqlab.tasks.tagging;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.seqlab.eval.ValidationMetric;
import org.seqlab.seq2seq.LengthBuckets;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.TrainingTask;

/**
 * The tagger's {@link TrainingTask}: length-bucketed batches of sentences in a seeded order per
 * epoch, the loss per token, frozen-then-tuned pretrained embeddings, and dev accuracy or span F1
 * as the validation metric.
 */
final class TagTrainingTask implements TrainingTask {
    private final TagModel model;
    private final List<List<String>> sentences;
    private final int[][] tags;
    private final List<List<String>> devSentences;
    private final ToDoubleFunction<List<List<String>>> devScore;
    private final Path out;
    private final Function<JsonObject, ModelManifest> manifest;
    private final int batchCount;
    private int[][] order;

    /**
     * @param devScore scores the model's dev predictions (IOB2 for entity tags), higher is better
     */
    TagTrainingTask(
            TagModel model,
            List<List<String>> sentences,
            int[][] tags,
            List<List<String>> devSentences,
            ToDoubleFunction<List<List<String>>> devScore,
            Path out,
            Function<JsonObject, ModelManifest> manifest) {
        this.model = model;
        this.sentences = sentences;
        this.tags = tags;
        this.devSentences = devSentences;
        this.devScore = devScore;
        this.out = out;
        this.manifest = manifest;
        int b = model.config().batch();
        this.batchCount = (sentences.size() + b - 1) / b;
    }

    @Override
    public NamedParameters parameters() {
        return model.parameters();
    }

    @Override
    public int stepsPerEpoch() {
        return batchCount;
    }

    @Override
    public void startEpoch(int epoch) {
        order = shuffled(epoch);
    }

    private int[][] shuffled(int epoch) {
        double[] lengths = new double[sentences.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = sentences.get(i).size();
        }
        return LengthBuckets.epoch(lengths, model.config().batch(), model.config().seed(), epoch);
    }

    @Override
    public StepLoss forward(NDManager m, int epoch, int step) {
        if (order == null) {
            order = shuffled(epoch);
        }
        int[] batch = order[step];
        List<List<String>> words = new ArrayList<>(batch.length);
        int[][] gold = new int[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            words.add(sentences.get(batch[i]));
            gold[i] = tags[batch[i]];
        }
        Losses.SequenceLoss loss = model.loss(model.batch(m, words), gold);
        return new StepLoss(loss.mean(), loss.tokens());
    }

    @Override
    public void beforeUpdate(int epoch) {
        // Frozen for good (-1): the trainer froze the parameter, so it has no gradient at all.
        int freeze = model.config().freezeEpochs();
        if (freeze > 0 && epoch < freeze) {
            try (NDManager s = model.manager().newSubManager()) {
                NDArray g = model.embeddingWeight().getGradient();
                g.attach(s);
                g.muli(0);
            }
        }
    }

    @Override
    public double validate() {
        return devSentences.isEmpty()
                ? Double.NaN
                : devScore.applyAsDouble(model.predict(devSentences));
    }

    @Override
    public ValidationMetric metric() {
        return model.config().validMetric().equals("f1")
                ? ValidationMetric.F1
                : ValidationMetric.ACCURACY;
    }

    @Override
    public void saveBest(double value, int epoch) throws IOException {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", epoch);
        metrics.addProperty("dev_" + model.config().validMetric(), value);
        model.save(out, manifest.apply(metrics));
    }

    @Override
    public NDList checkpointState() {
        return new NDList();
    }

    @Override
    public void restoreState(NDList state) {}
}
