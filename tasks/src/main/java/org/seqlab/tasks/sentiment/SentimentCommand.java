package org.seqlab.tasks.sentiment;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.seqlab.corpora.LabeledCorpus;
import org.seqlab.corpora.LabeledFormat;
import org.seqlab.corpora.LabeledReader;
import org.seqlab.corpora.TextLines;
import org.seqlab.eval.ClassificationReport;
import org.seqlab.eval.ConfusionMatrixChart;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.PoolingType;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.tasks.cli.CommandLines;
import org.seqlab.tasks.cli.ModelPaths;
import org.seqlab.tasks.cli.ProgressReporter;
import org.seqlab.tasks.cli.TrainingOptions;
import org.seqlab.tokenizers.TokenizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab sentiment}: train text classifiers and score reviews. */
@Command(
        name = "sentiment",
        mixinStandardHelpOptions = true,
        description = "Sentiment / text classification with a bidirectional LSTM or GRU.",
        subcommands = {
            SentimentCommand.Train.class,
            SentimentCommand.Eval.class,
            SentimentCommand.Score.class
        })
public final class SentimentCommand {

    /** The model used when {@code --model} is not given. */
    public static final String DEFAULT_MODEL = "models/sentiment-imdb";

    private SentimentCommand() {}

    static LabeledCorpus read(Path path, String format, boolean skipBad) throws Exception {
        LabeledFormat f = format == null ? LabeledFormat.detect(path) : LabeledFormat.parse(format);
        return LabeledReader.read(path, f, new LabeledReader.ReadOptions(skipBad, false, "train"));
    }

    /** The defaults of {@code sentiment train}'s model-dependent training flags. */
    public static final class Defaults extends TrainingOptions.Defaults {
        /** Creates the provider picocli instantiates. */
        public Defaults() {
            super("10", "1e-3", "32", "1e-4");
        }
    }

    /** {@code seqlab sentiment train}. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            defaultValueProvider = Defaults.class,
            description = "Train a classifier on labeled texts into a model directory.")
    static final class Train implements Callable<Integer> {
        @Option(
                names = "--train",
                required = true,
                description = "aclImdb dir/.tar.gz, .jsonl, .tsv")
        Path train;

        @Option(names = "--dev", description = "Dev data; default: a seeded part of --train.")
        Path dev;

        @Option(names = "--format", description = "aclimdb, jsonl or tsv (default: detect).")
        String format;

        @Option(names = "--vectors", description = "Pretrained GloVe/word2vec/fastText vectors.")
        Path vectors;

        @Option(names = "--tokenizer", defaultValue = "english-html")
        String tokenizer;

        @Option(names = "--hidden", defaultValue = "128")
        int hidden;

        @Option(names = "--layers", defaultValue = "1")
        int layers;

        @Option(names = "--embedding", defaultValue = "100")
        int embedding;

        @Option(names = "--dropout", defaultValue = "0.5")
        float dropout;

        @Option(
                names = "--word-dropout",
                defaultValue = "0",
                description = "In training, drop each word's embedding with this probability.")
        float wordDropout;

        @Option(
                names = "--pooling",
                defaultValue = "max_mean",
                description = "max, mean, max_mean, attention")
        String pooling;

        @Option(names = "--max-tokens", defaultValue = "400")
        int maxTokens;

        @Option(names = "--truncate", defaultValue = "tail", description = "head, tail, head+tail")
        String truncate;

        @Option(names = "--min-count", defaultValue = "2")
        int minCount;

        @Option(names = "--max-vocab", defaultValue = "0")
        int maxVocab;

        @Option(names = "--dev-fraction", defaultValue = "0.1")
        double devFraction;

        @Option(
                names = "--dev-split",
                defaultValue = "random",
                description =
                        "random (seeded) or tail (the last part of each label in file order:"
                                + " unseen movies for aclImdb-ordered data).")
        String devSplit;

        @Option(names = "--freeze-epochs", defaultValue = "1")
        int freezeEpochs;

        @Option(names = "--class-weights", defaultValue = "true", negatable = true)
        boolean classWeights;

        @Option(names = "--skip-bad", description = "Skip malformed input lines and count them.")
        boolean skipBad;

        @Mixin TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            Path out = training.out();
            SentimentConfig config =
                    new SentimentConfig(
                            TokenizerSpec.parse(tokenizer),
                            training.cell(),
                            hidden,
                            layers,
                            embedding,
                            dropout,
                            wordDropout,
                            PoolingType.valueOf(pooling.toUpperCase(Locale.ROOT)),
                            maxTokens,
                            Truncation.parse(truncate),
                            minCount,
                            maxVocab,
                            devFraction,
                            DevSplit.parse(devSplit),
                            training.batch(),
                            freezeEpochs,
                            classWeights,
                            training.config());
            FineTune source = training.fineTune(SentimentModel.TASK);
            config =
                    training.adopt(
                            source,
                            config,
                            SentimentConfig::toJson,
                            SentimentConfig::fromJson,
                            SentimentConfig.ARCHITECTURE);
            LabeledCorpus trainData = read(train, format, skipBad);
            LabeledCorpus devData = dev == null ? null : read(dev, format, skipBad);
            if (trainData.labels().size() < 2) {
                throw new IllegalArgumentException(
                        train
                                + ": a classifier needs at least 2 labels; the data has "
                                + trainData.labels()
                                + ".");
            }
            if (devData != null) {
                devData.requireLabels(trainData.labels(), "the training data's");
            }
            try (ProgressReporter progress = ProgressReporter.forStderr()) {
                SentimentTrainer.Result r =
                        new SentimentTrainer(config, progress)
                                .initFrom(source)
                                .train(
                                        trainData,
                                        devData,
                                        vectors,
                                        out,
                                        training.resume(),
                                        CommandLines.current("seqlab sentiment train"));
                TrainingLoop.Result l = r.loop();
                System.out.printf(
                        Locale.ROOT,
                        "stopped: %s after %d epochs, %.0f s; best dev accuracy %.4f;"
                                + " vocabulary %d%s; model in %s%n",
                        l.reason().name().toLowerCase(Locale.ROOT),
                        l.epochsCompleted(),
                        l.elapsedSeconds(),
                        l.bestValid(),
                        r.vocabularySize(),
                        r.coverage().isEmpty() ? "" : " (" + r.coverage() + ")",
                        out);
            }
            return 0;
        }
    }

    /** {@code seqlab sentiment eval}. */
    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            description = "Accuracy, per-class precision/recall/F1, macro-F1 and confusion matrix.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", defaultValue = DEFAULT_MODEL)
        Path model;

        @Option(names = "--data", required = true)
        Path data;

        @Option(names = "--format", description = "aclimdb, jsonl or tsv (default: detect).")
        String format;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--report", description = "Also write report.json and confusion.png here.")
        Path report;

        @Option(names = "--skip-bad", description = "Skip malformed input lines and count them.")
        boolean skipBad;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            LabeledCorpus corpus = read(data, format, skipBad);
            try (SentimentModel m = SentimentModel.load(ModelPaths.resolve(model))) {
                ClassificationReport r = SentimentEvaluator.evaluate(m, corpus);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.println(json ? r.toJson() : r.toText());
                System.err.printf(
                        Locale.ROOT,
                        "%d examples in %.1f s (%.0f reviews/s, reading included)%s%n",
                        corpus.size(),
                        seconds,
                        corpus.size() / seconds,
                        corpus.skipped() > 0 ? "; " + corpus.skipped() + " bad lines skipped" : "");
                if (report != null) {
                    Files.createDirectories(report);
                    AtomicFiles.writeString(report.resolve("report.json"), r.toJson() + "\n");
                    ConfusionMatrixChart.write(r.confusion(), report.resolve("confusion.png"));
                }
            }
            return 0;
        }
    }

    /** {@code seqlab sentiment score}. */
    @Command(
            name = "score",
            mixinStandardHelpOptions = true,
            description =
                    "Score texts from arguments, --input (txt/jsonl) or stdin (one per line).")
    static final class Score implements Callable<Integer> {
        @Option(names = "--model", defaultValue = DEFAULT_MODEL)
        Path model;

        @Parameters(arity = "0..*", paramLabel = "TEXT")
        List<String> texts = new ArrayList<>();

        @Option(
                names = "--input",
                description =
                        "A .txt (one text per line) or .jsonl file (a \"text\" field a line; a"
                                + " label is not needed); UTF-8, gzip is unpacked.")
        Path input;

        @Option(names = "--json", description = "One JSON object per text.")
        boolean json;

        @Option(
                names = "--explain",
                description =
                        "Show which words pushed the score: each word is left out in turn and its"
                                + " effect is the drop in the predicted label's probability.")
        boolean explain;

        @Option(
                names = "--explain-top",
                defaultValue = "5",
                description = "Words shown for and against the label with --explain (text mode).")
        int explainTop;

        @Override
        public Integer call() throws Exception {
            if (explainTop < 1) {
                throw new IllegalArgumentException("--explain-top must be at least 1.");
            }
            List<String> all = new ArrayList<>(texts);
            if (input != null) {
                if (input.toString().endsWith(".jsonl") || input.toString().endsWith(".jsonl.gz")) {
                    all.addAll(LabeledReader.readJsonlTexts(input));
                } else {
                    all.addAll(TextLines.readAll(input));
                }
            } else if (all.isEmpty()) {
                try (TextLines in = TextLines.stdin()) {
                    all.addAll(in.rest());
                }
            }
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            try (SentimentModel m = SentimentModel.load(ModelPaths.resolve(model))) {
                List<SentimentModel.Prediction> ps = predict(m, all);
                SentimentExplainer explainer = explain ? new SentimentExplainer(m) : null;
                for (int i = 0; i < ps.size(); i++) {
                    SentimentModel.Prediction p = ps.get(i);
                    SentimentExplainer.Explanation x =
                            explainer == null ? null : explainer.explain(all.get(i));
                    if (json) {
                        out.println(ScoreOutput.json(p, x));
                    } else {
                        out.print(ScoreOutput.text(p, all.get(i), x, explainTop));
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** Scores with a progress bar on stderr when a terminal is attached and the input is big. */
    private static List<SentimentModel.Prediction> predict(SentimentModel m, List<String> texts) {
        if (System.console() == null || texts.size() < 2_000) {
            return m.predict(texts);
        }
        try (ProgressBar bar =
                new ProgressBarBuilder()
                        .setTaskName("scoring")
                        .setInitialMax(texts.size())
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build()) {
            return m.predict(texts, bar::stepTo);
        }
    }
}
