package org.seqlab.tasks.translate;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * The translator's {@link TrainingTask}: pairs bucketed by length in a seeded order per epoch,
 * teacher-forced masked cross-entropy (with label smoothing), and the dev set's BLEU (greedy) or
 * loss as the validation metric.
 */
final class TranslateTrainingTask implements TrainingTask {

    private final TranslateModel model;
    private final int[][] sources;
    private final int[][] targets;
    private final int[][] devSources;
    private final int[][] devTargets;
    private final ToDoubleFunction<int[][]> devScore;
    private final Path out;
    private final Function<JsonObject, ModelManifest> manifest;
    private final int batchCount;
    private int[][] order;

    /**
     * @param devScore given the greedy translations of the dev sources, returns the validation
     *     metric (used when the config's metric is bleu)
     */
    TranslateTrainingTask(
            TranslateModel model,
            int[][] sources,
            int[][] targets,
            int[][] devSources,
            int[][] devTargets,
            ToDoubleFunction<int[][]> devScore,
            Path out,
            Function<JsonObject, ModelManifest> manifest) {
        this.model = model;
        this.sources = sources;
        this.targets = targets;
        this.devSources = devSources;
        this.devTargets = devTargets;
        this.devScore = devScore;
        this.out = out;
        this.manifest = manifest;
        int b = model.config().batch();
        this.batchCount = (sources.length + b - 1) / b;
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
        double[] lengths = new double[sources.length];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = targets[i].length + 1 + 0.01 * sources[i].length;
        }
        return LengthBuckets.epoch(lengths, model.config().batch(), model.config().seed(), epoch);
    }

    @Override
    public StepLoss forward(NDManager m, int epoch, int step) {
        if (order == null) {
            order = shuffled(epoch);
        }
        int[] batch = order[step];
        List<int[]> src = new ArrayList<>(batch.length);
        List<int[]> tgt = new ArrayList<>(batch.length);
        for (int i : batch) {
            src.add(sources[i]);
            tgt.add(targets[i]);
        }
        Losses.SequenceLoss loss = model.loss(m, src, tgt, true);
        return new StepLoss(loss.mean(), loss.tokens());
    }

    @Override
    public double validate() {
        if (devSources.length == 0) {
            return Double.NaN;
        }
        if (metric() == ValidationMetric.LOSS) {
            return devLoss();
        }
        org.seqlab.seq2seq.Hypothesis[] found = new Translator(model).search(devSources, 1);
        int[][] hyps = new int[found.length][];
        for (int i = 0; i < found.length; i++) {
            hyps[i] = found[i] == null ? new int[0] : found[i].tokens();
        }
        return devScore.applyAsDouble(hyps);
    }

    /** Returns the dev set's cross-entropy per target token (EOS included), no smoothing. */
    private double devLoss() {
        Integer[] idx = new Integer[devSources.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingInt(i -> devTargets[i].length));
        double sum = 0;
        long tokens = 0;
        int b = 2 * model.config().batch();
        for (int s = 0; s < idx.length; s += b) {
            List<int[]> src = new ArrayList<>();
            List<int[]> tgt = new ArrayList<>();
            for (int k = s; k < Math.min(idx.length, s + b); k++) {
                src.add(devSources[idx[k]]);
                tgt.add(devTargets[idx[k]]);
            }
            try (NDManager m = model.manager().newSubManager()) {
                Losses.SequenceLoss l = model.loss(m, src, tgt, false);
                sum += l.sum().getFloat();
                tokens += l.tokens();
            }
        }
        return sum / tokens;
    }

    @Override
    public ValidationMetric metric() {
        return model.config().validMetric().equals("bleu")
                ? ValidationMetric.BLEU
                : ValidationMetric.LOSS;
    }

    @Override
    public void saveBest(double value, int epoch) throws IOException {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", epoch);
        metrics.addProperty("dev_" + metric().name(), value);
        model.save(out, manifest.apply(metrics));
    }

    @Override
    public NDList checkpointState() {
        return new NDList();
    }

    @Override
    public void restoreState(NDList state) {}
}
