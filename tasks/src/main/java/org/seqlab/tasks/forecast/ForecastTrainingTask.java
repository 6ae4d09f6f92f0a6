package org.seqlab.tasks.forecast;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.seqlab.eval.ValidationMetric;
import org.seqlab.seq2seq.LengthBuckets;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.TrainingTask;

/**
 * The forecaster's {@link TrainingTask}: every origin of the training part whose horizon ends
 * before the validation part, in batches of a seeded order per epoch; the loss in scaled units; and
 * the MAE of the point forecast over the validation part's origins, in the target's units, as the
 * validation metric.
 */
final class ForecastTrainingTask implements TrainingTask {
    private final ForecastModel model;
    private final ForecastWindows windows;
    private final int[] trainOrigins;
    private final int[] validOrigins;
    private final Path out;
    private final Function<JsonObject, ModelManifest> manifest;
    private int[][] order;

    ForecastTrainingTask(
            ForecastModel model,
            ForecastWindows windows,
            int[] trainOrigins,
            int[] validOrigins,
            Path out,
            Function<JsonObject, ModelManifest> manifest) {
        this.model = model;
        this.windows = windows;
        this.trainOrigins = trainOrigins.clone();
        this.validOrigins = validOrigins.clone();
        this.out = out;
        this.manifest = manifest;
    }

    @Override
    public NamedParameters parameters() {
        return model.parameters();
    }

    @Override
    public int stepsPerEpoch() {
        int b = model.config().batch();
        return (trainOrigins.length + b - 1) / b;
    }

    @Override
    public void startEpoch(int epoch) {
        order = shuffled(epoch);
    }

    private int[][] shuffled(int epoch) {
        double[] same = new double[trainOrigins.length];
        Arrays.fill(same, 1);
        return LengthBuckets.epoch(same, model.config().batch(), model.config().seed(), epoch);
    }

    @Override
    public StepLoss forward(NDManager m, int epoch, int step) {
        if (order == null) {
            order = shuffled(epoch);
        }
        int[] batch = order[step];
        int[] origins = new int[batch.length];
        for (int i = 0; i < batch.length; i++) {
            origins[i] = trainOrigins[batch[i]];
        }
        ForecastWindows.Inputs in = windows.inputs(origins, true);
        return new StepLoss(model.loss(m, in), (long) origins.length * model.config().horizon());
    }

    @Override
    public double validate() {
        if (validOrigins.length == 0) {
            return Double.NaN;
        }
        return validationMae(model, windows, validOrigins);
    }

    /** Returns the MAE of the point forecasts from {@code origins}, in the target's units. */
    static double validationMae(ForecastModel model, ForecastWindows windows, int[] origins) {
        double[][][] f = model.predict(windows, origins);
        int point = model.config().pointOutput();
        int target = windows.series().column(model.config().target());
        double sum = 0;
        long n = 0;
        for (int i = 0; i < origins.length; i++) {
            for (int s = 0; s < f[i].length; s++) {
                sum += Math.abs(windows.series().value(target, origins[i] + s) - f[i][s][point]);
                n++;
            }
        }
        return sum / n;
    }

    @Override
    public ValidationMetric metric() {
        return ValidationMetric.MAE;
    }

    @Override
    public void saveBest(double value, int epoch) throws IOException {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", epoch);
        if (!Double.isNaN(value)) {
            metrics.addProperty("valid_mae", value);
        }
        model.save(out, manifest.apply(metrics));
    }

    @Override
    public NDList checkpointState() {
        return new NDList();
    }

    @Override
    public void restoreState(NDList state) {}
}
