package org.seqlab.tasks.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.seqlab.corpora.StreamBatches;
import org.seqlab.eval.LanguageModelScore;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.seq2seq.RecurrentState;
import org.seqlab.seq2seq.TrainingTask;

/** Truncated BPTT over contiguous streams, carrying the recurrent state across windows. */
final class LmTrainingTask implements TrainingTask {

    private final LmModel model;
    private final StreamBatches train;
    private final int[] valid;
    private final Path out;
    private final Function<LmConfig, ModelManifest> manifest;
    private final NDManager stateManager;
    private RecurrentState carried;

    LmTrainingTask(
            LmModel model,
            StreamBatches train,
            int[] valid,
            Path out,
            Function<LmConfig, ModelManifest> manifest) {
        this.model = model;
        this.train = train;
        this.valid = valid;
        this.out = out;
        this.manifest = manifest;
        this.stateManager = model.manager().newSubManager();
    }

    @Override
    public org.seqlab.seq2seq.NamedParameters parameters() {
        return model.network().parameters();
    }

    @Override
    public int stepsPerEpoch() {
        return train.windowCount();
    }

    @Override
    public void startEpoch(int epoch) {
        if (carried != null) {
            carried.close();
            carried = null;
        }
    }

    @Override
    public StepLoss forward(NDManager manager, int epoch, int step) {
        StreamBatches.Window w = train.window(step);
        Shape shape = new Shape(w.batch(), w.length());
        NDArray x = manager.create(LmTrainer.toLongs(w.inputs()), shape);
        NDArray y = manager.create(LmTrainer.toLongs(w.targets()), shape);
        if (carried != null) {
            carried.attach(manager);
        }
        RecurrentLanguageModel.Output o = model.network().forward(x, carried, true);
        NDArray loss = Losses.crossEntropyMean(o.logits(), y);
        carried = o.state().detach(stateManager);
        return new StepLoss(loss, (long) w.batch() * w.length());
    }

    @Override
    public double validate() {
        if (valid.length < 2) {
            return Double.NaN;
        }
        LmConfig c = model.config();
        return LmEvaluator.evaluate(model, valid, c.batch(), c.seqLen()).lossNats();
    }

    @Override
    public void saveBest(double validLoss, int epoch) throws IOException {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", epoch);
        if (!Double.isNaN(validLoss)) {
            LanguageModelScore s = new LanguageModelScore(valid.length - 1, validLoss);
            metrics.addProperty("valid_loss_nats", s.lossNats());
            metrics.addProperty("valid_bits_per_token", s.bitsPerToken());
            metrics.addProperty("valid_perplexity", s.perplexity());
        }
        model.save(out, manifest.apply(model.config()).withMetrics(metrics));
    }

    @Override
    public NDList checkpointState() {
        return carried == null ? new NDList() : carried.toList();
    }

    @Override
    public void restoreState(NDList state) {
        if (state.isEmpty()) {
            return;
        }
        carried = RecurrentState.fromList(state).detach(stateManager);
    }
}
