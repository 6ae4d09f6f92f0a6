package org.seqlab.tasks.sentiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.seqlab.eval.ValidationMetric;
import org.seqlab.seq2seq.LengthBuckets;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.TrainingTask;

/**
 * The sentiment model's {@link TrainingTask}: length-bucketed batches in a seeded order per epoch,
 * class-weighted cross-entropy, frozen-then-tuned pretrained embeddings, and dev accuracy as the
 * validation metric.
 */
final class SentimentTrainingTask implements TrainingTask {
    private final SentimentModel model;
    private final int[][] ids;
    private final int[] labels;
    private final int[][] devIds;
    private final int[] devLabels;
    private final Path out;
    private final Function<JsonObject, ModelManifest> manifest;
    private final int batchCount;
    private final float[] classWeights;
    private int[][] order;

    SentimentTrainingTask(
            SentimentModel model,
            int[][] ids,
            int[] labels,
            int[][] devIds,
            int[] devLabels,
            Path out,
            Function<JsonObject, ModelManifest> manifest) {
        this.model = model;
        this.ids = ids;
        this.labels = labels;
        this.devIds = devIds;
        this.devLabels = devLabels;
        this.out = out;
        this.manifest = manifest;
        int b = model.config().batch();
        this.batchCount = (ids.length + b - 1) / b;
        int classes = model.labels().size();
        classWeights = new float[classes];
        long[] counts = new long[classes];
        for (int l : labels) {
            counts[l]++;
        }
        for (int c = 0; c < classes; c++) {
            classWeights[c] =
                    model.config().classWeights() && counts[c] > 0
                            ? (float) labels.length / (classes * counts[c])
                            : 1f;
        }
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

    /** The epoch's batches in visiting order (see {@link LengthBuckets}). */
    private int[][] shuffled(int epoch) {
        double[] lengths = new double[ids.length];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = Math.max(1, ids[i].length);
        }
        return LengthBuckets.epoch(lengths, model.config().batch(), model.config().seed(), epoch);
    }

    @Override
    public StepLoss forward(NDManager m, int epoch, int step) {
        if (order == null) {
            order = shuffled(epoch);
        }
        int[] batch = order[step];
        List<int[]> seqs = new ArrayList<>();
        long[] y = new long[batch.length];
        long tokens = 0;
        for (int i = 0; i < batch.length; i++) {
            seqs.add(ids[batch[i]]);
            y[i] = labels[batch[i]];
            tokens += Math.max(1, ids[batch[i]].length);
        }
        NDArray logits = model.logits(m, seqs, true);
        NDArray loss = Losses.weightedCrossEntropyMean(logits, m.create(y), m.create(classWeights));
        return new StepLoss(loss, tokens);
    }

    @Override
    public void beforeUpdate(int epoch) {
        int freeze = model.config().freezeEpochs();
        if (freeze == -1 || epoch < freeze) {
            try (NDManager s = model.manager().newSubManager()) {
                NDArray g = model.embeddingWeight().getGradient();
                g.attach(s);
                g.muli(0);
            }
        }
    }

    @Override
    public double validate() {
        List<SentimentModel.Prediction> p = model.predict(devIds, done -> {});
        int correct = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).label().equals(model.labels().get(devLabels[i]))) {
                correct++;
            }
        }
        return devIds.length == 0 ? Double.NaN : (double) correct / devIds.length;
    }

    @Override
    public ValidationMetric metric() {
        return ValidationMetric.ACCURACY;
    }

    @Override
    public void saveBest(double accuracy, int epoch) throws IOException {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", epoch);
        metrics.addProperty("dev_accuracy", accuracy);
        model.save(out, manifest.apply(metrics));
    }

    @Override
    public NDList checkpointState() {
        return new NDList();
    }

    @Override
    public void restoreState(NDList state) {}
}
