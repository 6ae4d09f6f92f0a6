package org.seqlab.tasks.sentiment;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.corpora.LabeledCorpus;
import org.seqlab.corpora.LabeledText;
import org.seqlab.embeddings.Aligned;
import org.seqlab.embeddings.UnknownInit;
import org.seqlab.embeddings.VectorAlignment;
import org.seqlab.embeddings.VectorReader;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.io.DataDigest;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.PretrainedEmbedding;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.seq2seq.TrainingRun;
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
    private final FineTune source;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public SentimentTrainer(SentimentConfig config, TrainingListener listener) {
        this(config, listener, null);
    }

    private SentimentTrainer(SentimentConfig config, TrainingListener listener, FineTune source) {
        this.config = config;
        this.listener = listener;
        this.source = source;
    }

    /**
     * Returns a trainer that starts from {@code source}'s weights, vocabulary and labels (null:
     * from fresh weights); {@code config} must already hold the source's architecture ({@link
     * FineTune#adopt}). Pretrained vectors cannot be combined with it.
     */
    public SentimentTrainer initFrom(FineTune source) {
        return new SentimentTrainer(config, listener, source);
    }

    /** What a run produced. */
    public record Result(TrainingLoop.Result loop, int vocabularySize, String coverage) {}

    /**
     * Trains on {@code train}, choosing by {@code dev} (or a seeded part of train when {@code dev}
     * is null), with optional pretrained {@code vectors}; or resumes the run in {@code out} with
     * its recorded configuration (only this trainer's time budget applies) after checking that the
     * data is the same.
     *
     * @param command the command line recorded in the manifest
     */
    public Result train(
            LabeledCorpus train,
            LabeledCorpus dev,
            Path vectors,
            Path out,
            boolean resume,
            String command)
            throws IOException {
        String dataSha = sha256(train, dev);
        SentimentConfig cfg = config;
        TrainingRun.Recorded run = null;
        FineTune from = source;
        if (resume) {
            run = TrainingRun.resume(out, SentimentModel.TASK, dataSha);
            from = run.source();
            SentimentConfig saved = SentimentConfig.fromJson(run.config());
            cfg =
                    saved.with(
                            saved.embedding(),
                            saved.training().withMaxTime(config.training().maxTime()),
                            saved.tokenizer());
        } else {
            TrainingRun.requireFresh(out);
            if (from != null) {
                from.copyTokenizerFiles(out);
            }
        }
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        if (dev == null) {
            LabeledCorpus.DevSplit split =
                    cfg.devSplit().apply(train, cfg.devFraction(), cfg.seed());
            train = split.train();
            dev = split.dev();
        }
        if (from != null && vectors != null) {
            throw new IllegalArgumentException(
                    "--vectors and --init-from do not go together: a fine-tuned model keeps its"
                            + " embeddings (new words of --extend-vocab start at random).");
        }
        SentimentModel start = from == null ? null : SentimentModel.load(from.dir());
        List<String> labels = start == null ? train.labels() : start.labels();
        checkLabels(labels, dev, "dev data", start == null ? "training data" : "model");
        checkLabels(labels, train, "training data", "model");
        Tokenizer tokenizer = ModelDirectory.tokenizerIn(cfg.tokenizer(), out);
        List<List<Token>> trainTokens = new ArrayList<>(train.size());
        Map<String, Long> counts = new HashMap<>();
        for (LabeledText t : train.examples()) {
            List<Token> tokens = tokenizer.tokenize(t.text());
            tokens.forEach(tok -> counts.merge(tok.text(), 1L, Long::sum));
            trainTokens.add(tokens);
        }
        WordVectors wv = vectors == null ? null : VectorReader.read(vectors, counts::containsKey);
        if (wv != null && wv.dim() != cfg.embedding()) {
            cfg = cfg.with(wv.dim(), cfg.training(), cfg.tokenizer());
        }
        // The vocabulary comes from the corpus, not its intersection with the vectors: words
        // without a vector (e.g. "isn't", absent from GloVe 6B) still carry sentiment and get
        // seeded random vectors from the alignment.
        Vocabulary vocab =
                start == null
                        ? Vocabulary.build(counts, cfg.minCount(), cfg.maxVocab())
                        : from.vocabulary(start.vocabulary(), counts, cfg.minCount());
        if (!resume) {
            cfg =
                    cfg.with(
                            cfg.embedding(),
                            cfg.training(),
                            ModelDirectory.copyTokenizerFiles(cfg.tokenizer(), out));
            run =
                    new TrainingRun.Recorded(
                            SentimentModel.TASK, cfg.toJson(), dataSha, command, from);
            TrainingRun.begin(out, run);
        }
        try (SentimentModel model = SentimentModel.create(cfg, vocab, labels, tokenizer)) {
            if (start != null) {
                try (start) {
                    from.copyWeights(
                            start.params(),
                            model.params(),
                            start.vocabulary().size(),
                            vocab.size());
                }
            }
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
                trainIds[i] = model.ids(trainTokens.get(i));
                trainLabels[i] = labels.indexOf(train.examples().get(i).label());
            }
            int[][] devIds = new int[dev.size()][];
            int[] devLabels = new int[dev.size()];
            for (int i = 0; i < dev.size(); i++) {
                devIds[i] = model.encode(dev.examples().get(i).text());
                devLabels[i] = labels.indexOf(dev.examples().get(i).label());
            }
            JsonObject data = new JsonObject();
            data.addProperty("data_sha256", dataSha);
            data.addProperty("train_sha256", sha256(train, null));
            data.addProperty("dev_sha256", sha256(dev, null));
            data.addProperty("train_examples", train.size());
            data.addProperty("dev_examples", dev.size());
            data.addProperty("vectors", vectors == null ? "" : vectors.toString());
            data.addProperty("coverage", coverage);
            if (from != null) {
                data.add("init_from", from.toJson());
            }
            SentimentConfig saved = cfg;
            String recorded = run.command();
            SentimentTrainingTask task =
                    new SentimentTrainingTask(
                            model,
                            trainIds,
                            trainLabels,
                            devIds,
                            devLabels,
                            out,
                            metrics ->
                                    ModelManifest.create(
                                            SentimentModel.TASK,
                                            saved.toJson(),
                                            saved.seed(),
                                            data,
                                            metrics,
                                            recorded));
            TrainingLoop.Result r =
                    TrainingRun.train(task, cfg.training(), out, listener, resume, from);
            return new Result(r, vocab.size(), coverage);
        }
    }

    /**
     * Refuses fewer than two labels, and labels of {@code data} (called {@code what}) that {@code
     * labels} (those of {@code whose}) lacks.
     */
    private static void checkLabels(
            List<String> labels, LabeledCorpus data, String what, String whose) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException(
                    "A classifier needs at least 2 labels; the " + whose + " has " + labels + ".");
        }
        for (String l : data.labels()) {
            if (!labels.contains(l)) {
                throw new IllegalArgumentException(
                        "The "
                                + what
                                + " has the label '"
                                + l
                                + "', which the "
                                + whose
                                + " lacks (it has "
                                + labels
                                + ").");
            }
        }
    }

    /**
     * Returns the SHA-256 of the examples' labels and texts in order (of {@code train}, then of
     * {@code dev} when given): the data's fingerprint whatever file format it came in.
     */
    static String sha256(LabeledCorpus train, LabeledCorpus dev) {
        DataDigest d = new DataDigest();
        for (LabeledCorpus c : dev == null ? List.of(train) : List.of(train, dev)) {
            for (LabeledText t : c.examples()) {
                d.add(t.label() + "\t" + t.text() + "\n");
            }
            d.endPart();
        }
        return d.hex();
    }
}
