package org.seqlab.tasks.sentiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.seqlab.corpora.LabeledCorpus;
import org.seqlab.corpora.LabeledText;
import org.seqlab.embeddings.Aligned;
import org.seqlab.embeddings.UnknownInit;
import org.seqlab.embeddings.VectorAlignment;
import org.seqlab.embeddings.VectorReader;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.eval.ValidationKind;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.PretrainedEmbedding;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.seq2seq.TrainingTask;
import org.seqlab.tokenizers.Token;
import org.seqlab.tokenizers.Tokenizer;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Trains a {@link SentimentModel}: vocabulary from the training texts (intersected with the
 * pretrained vectors when given), embeddings initialized from them, batches bucketed by length and
 * visited in a seeded order per epoch, class-weighted loss, and the best model by dev error kept in
 * the output directory (early stopping through the loop's learning-rate floor).
 */
public final class SentimentTrainer {

    private final SentimentConfig config;
    private final TrainingListener listener;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public SentimentTrainer(SentimentConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** What a run produced. */
    public record Result(TrainingLoop.Result loop, int vocabularySize, String coverage) {}

    /**
     * Trains on {@code train}, choosing by {@code dev} (or a seeded stratified part of train when
     * {@code dev} is null), with optional pretrained {@code vectors}.
     */
    public Result train(
            LabeledCorpus train, LabeledCorpus dev, Path vectors, Path out, String command)
            throws IOException {
        Engine.getInstance().setRandomSeed((int) config.seed());
        if (dev == null) {
            LabeledCorpus.DevSplit split =
                    config.devSplit().apply(train, config.devFraction(), config.seed());
            train = split.train();
            dev = split.dev();
        }
        Tokenizer tokenizer = config.tokenizer().build();
        List<List<String>> trainTokens = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (LabeledText t : train.examples()) {
            List<String> words = new ArrayList<>();
            for (Token tok : tokenizer.tokenize(t.text())) {
                words.add(tok.text());
                counts.merge(tok.text(), 1L, Long::sum);
            }
            trainTokens.add(words);
        }
        WordVectors wv = vectors == null ? null : VectorReader.read(vectors, counts::containsKey);
        SentimentConfig cfg = config;
        if (wv != null && wv.dim() != cfg.embedding()) {
            cfg = withEmbedding(cfg, wv.dim());
        }
        // The vocabulary comes from the corpus, not its intersection with the vectors: words
        // without a vector (e.g. "isn't", absent from GloVe 6B) still carry sentiment and get
        // seeded random vectors from the alignment.
        Vocabulary vocab = Vocabulary.build(counts, cfg.minCount(), cfg.maxVocab());
        List<String> labels = train.labels();
        Files.createDirectories(out);
        try (SentimentModel model = SentimentModel.create(cfg, vocab, labels)) {
            String coverage = "";
            if (wv != null) {
                Aligned aligned =
                        VectorAlignment.align(wv, vocab, UnknownInit.RANDOM, cfg.seed(), false);
                PretrainedEmbedding.copyInto(model.embeddingWeight(), aligned.weights());
                coverage = aligned.coverage().toString();
            }
            int[][] trainIds = new int[train.size()][];
            int[] trainLabels = new int[train.size()];
            for (int i = 0; i < train.size(); i++) {
                trainIds[i] = model.encode(train.examples().get(i).text());
                trainLabels[i] = labels.indexOf(train.examples().get(i).label());
            }
            JsonObject data = new JsonObject();
            data.addProperty("train_examples", train.size());
            data.addProperty("dev_examples", dev.size());
            data.addProperty("vectors", vectors == null ? "" : vectors.toString());
            data.addProperty("coverage", coverage);
            SentimentConfig saved = cfg;
            Task task =
                    new Task(
                            model,
                            trainIds,
                            trainLabels,
                            dev,
                            out,
                            metrics ->
                                    ModelManifest.create(
                                            SentimentModel.TASK,
                                            saved.toJson(),
                                            saved.seed(),
                                            data,
                                            metrics,
                                            command));
            TrainingLoop.Result r =
                    new TrainingLoop(task, cfg.training(), out, listener).run(false);
            return new Result(r, vocab.size(), coverage);
        }
    }

    private static SentimentConfig withEmbedding(SentimentConfig c, int dim) {
        return new SentimentConfig(
                c.tokenizer(),
                c.cell(),
                c.hidden(),
                c.layers(),
                dim,
                c.dropout(),
                c.wordDropout(),
                c.pooling(),
                c.maxTokens(),
                c.truncation(),
                c.minCount(),
                c.maxVocab(),
                c.devFraction(),
                c.devSplit(),
                c.batch(),
                c.freezeEpochs(),
                c.classWeights(),
                c.training());
    }

    /** Length-bucketed batches, seeded batch order per epoch, dev accuracy as validation. */
    private static final class Task implements TrainingTask {
        private final SentimentModel model;
        private final int[][] ids;
        private final int[] labels;
        private final int[][] devIds;
        private final List<String> devLabels = new ArrayList<>();
        private final Path out;
        private final java.util.function.Function<JsonObject, ModelManifest> manifest;
        private final int batchCount;
        private int[][] batches;
        private final float[] classWeights;
        private int[] order;
        private double lastAccuracy;

        Task(
                SentimentModel model,
                int[][] ids,
                int[] labels,
                LabeledCorpus dev,
                Path out,
                java.util.function.Function<JsonObject, ModelManifest> manifest) {
            this.model = model;
            this.ids = ids;
            this.labels = labels;
            this.devIds = new int[dev.size()][];
            for (int i = 0; i < devIds.length; i++) {
                devIds[i] = model.encode(dev.examples().get(i).text());
                devLabels.add(dev.examples().get(i).label());
            }
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

        /**
         * Builds the epoch's batches and their order, both from the seed and the epoch alone (so a
         * resumed run sees the same ones): reviews sorted by length times a random factor in [0.9,
         * 1.1], so that a batch's reviews have similar lengths but meet different neighbours each
         * epoch, cut into batches, visited in a shuffled order.
         */
        private int[] shuffled(int epoch) {
            SplittableRandom r = new SplittableRandom(model.config().seed() * 31 + epoch);
            double[] key = new double[ids.length];
            Integer[] byLength = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) {
                byLength[i] = i;
                key[i] = Math.max(1, ids[i].length) * (0.9 + 0.2 * r.nextDouble());
            }
            Arrays.sort(byLength, Comparator.comparingDouble((Integer i) -> key[i]));
            int b = model.config().batch();
            batches = new int[batchCount][];
            for (int k = 0; k < batchCount; k++) {
                int from = k * b;
                int to = Math.min(ids.length, from + b);
                batches[k] = new int[to - from];
                for (int j = from; j < to; j++) {
                    batches[k][j - from] = byLength[j];
                }
            }
            int[] o = new int[batchCount];
            for (int i = 0; i < o.length; i++) {
                o[i] = i;
            }
            for (int i = o.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
            return o;
        }

        @Override
        public StepLoss forward(NDManager m, int epoch, int step) {
            if (order == null) {
                order = shuffled(epoch);
            }
            int[] batch = batches[order[step]];
            List<int[]> seqs = new ArrayList<>();
            long[] y = new long[batch.length];
            long tokens = 0;
            for (int i = 0; i < batch.length; i++) {
                seqs.add(ids[batch[i]]);
                y[i] = labels[batch[i]];
                tokens += Math.max(1, ids[batch[i]].length);
            }
            NDArray logits = model.logits(m, seqs, true);
            NDArray loss =
                    Losses.weightedCrossEntropyMean(logits, m.create(y), m.create(classWeights));
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
                if (p.get(i).label().equals(devLabels.get(i))) {
                    correct++;
                }
            }
            lastAccuracy = devIds.length == 0 ? Double.NaN : (double) correct / devIds.length;
            return 1 - lastAccuracy;
        }

        @Override
        public ValidationKind validationKind() {
            return ValidationKind.ERROR_RATE;
        }

        @Override
        public void saveBest(double validError, int epoch) throws IOException {
            JsonObject metrics = new JsonObject();
            metrics.addProperty("epoch", epoch);
            metrics.addProperty("dev_accuracy", lastAccuracy);
            model.save(out, manifest.apply(metrics));
        }

        @Override
        public NDList checkpointState() {
            return new NDList();
        }

        @Override
        public void restoreState(NDList state) {}
    }
}
