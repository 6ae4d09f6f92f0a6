package org.seqlab.tasks.tagging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.TagSchemes;
import org.seqlab.corpora.TaggedCorpus;
import org.seqlab.corpora.TaggedFormat;
import org.seqlab.corpora.TaggedReadOptions;
import org.seqlab.corpora.TaggedReader;
import org.seqlab.corpora.TextLines;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.tasks.cli.CommandLines;
import org.seqlab.tasks.cli.ModelPaths;
import org.seqlab.tasks.cli.ProgressReporter;
import org.seqlab.tasks.cli.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab tag}: train, evaluate and use part-of-speech taggers and entity recognizers. */
@Command(
        name = "tag",
        mixinStandardHelpOptions = true,
        description =
                "Part-of-speech tagging and named entities with a BiLSTM over words and"
                        + " characters (softmax or CRF).",
        subcommands = {TagCommand.Train.class, TagCommand.Eval.class})
public final class TagCommand implements Callable<Integer> {

    /** The model used when {@code --model} is not given. */
    public static final String DEFAULT_MODEL = "models/upos-ewt";

    /** The entity model {@code --ner} picks. */
    public static final String NER_MODEL = "models/ner-wnut17";

    @Option(names = "--model", description = "Model directory (default: " + DEFAULT_MODEL + ").")
    Path model;

    @Option(names = "--ner", description = "Use " + NER_MODEL + ".")
    boolean ner;

    @Option(names = "--conll", description = "One word a line: index, word, tag (CoNLL columns).")
    boolean conll;

    @Option(
            names = "--json",
            description =
                    "One JSON object per sentence: tokens with character offsets and tags, and"
                            + " entity spans with offsets into the input.")
    boolean json;

    @Parameters(
            arity = "0..*",
            paramLabel = "TEXT",
            description =
                    "Text to tag (split into sentences and tokenized with OpenNLP's English"
                            + " models). Without it: stdin, a line at a time.")
    List<String> texts;

    @Override
    public Integer call() throws Exception {
        if (conll && json) {
            throw new IllegalArgumentException("--conll and --json cannot be combined.");
        }
        if (ner && model != null) {
            throw new IllegalArgumentException("--ner and --model cannot be combined.");
        }
        Path dir =
                ModelPaths.resolve(
                        model != null ? model : Path.of(ner ? NER_MODEL : DEFAULT_MODEL));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (TagModel m = TagModel.load(dir)) {
            RawTextTagger tagger = new RawTextTagger(m);
            RawTextTagger.Style style =
                    json
                            ? RawTextTagger.Style.JSON
                            : conll ? RawTextTagger.Style.CONLL : RawTextTagger.Style.INLINE;
            if (texts != null && !texts.isEmpty()) {
                for (String t : texts) {
                    out.print(tagger.tag(t, style));
                    out.flush();
                }
                return 0;
            }
            try (TextLines in = TextLines.stdin()) {
                String line;
                while ((line = in.next()) != null) {
                    out.print(tagger.tag(line, style));
                    out.flush();
                }
            }
        }
        return 0;
    }

    /** Reads a tagged file in {@code format} with the tag {@code column} (null: the default). */
    public static TaggedCorpus read(Path file, String format, String column, boolean skipBad)
            throws java.io.IOException {
        TaggedFormat f = TaggedFormat.parse(format);
        TaggedReadOptions o = TaggedReadOptions.defaults(f).withColumn(column).withSkipBad(skipBad);
        return TaggedReader.read(file, o);
    }

    private TagCommand() {}

    /** The defaults of {@code tag train}'s model-dependent training flags. */
    public static final class Defaults extends TrainingOptions.Defaults {
        /** Creates the provider picocli instantiates. */
        public Defaults() {
            super("30", "2e-3", "16", "5e-5");
        }
    }

    /** {@code seqlab tag train}. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            defaultValueProvider = Defaults.class,
            description = "Train a tagger on CoNLL-U or column (IOB) files into a model directory.")
    static final class Train implements Callable<Integer> {
        @Option(
                names = "--train",
                required = true,
                description =
                        "Training sentences; repeat the flag to train on several files (their"
                                + " sentences in the order given).")
        List<Path> train;

        @Option(names = "--dev", required = true, description = "Dev sentences, same format.")
        Path dev;

        @Option(names = "--format", required = true, description = "conllu or conll")
        String format;

        @Option(
                names = "--column",
                description =
                        "Tag column: upos (default), xpos or a number (CoNLL-U); a 0-based"
                                + " index or last (default) for column files.")
        String column;

        @Option(
                names = "--scheme",
                description =
                        "Entity tags: predict in iob2 or bioes (files are IOB2); default: iob2"
                                + " when every tag is O or B-/I-, else none.")
        String scheme;

        @Option(names = "--vectors", description = "Pretrained GloVe/word2vec/fastText vectors.")
        Path vectors;

        @Option(
                names = "--vector-words",
                defaultValue = "50000",
                description =
                        "The most frequent words of --vectors that join the vocabulary beside the"
                                + " training words (default: ${DEFAULT-VALUE}).")
        int vectorWords;

        @Option(names = "--char-encoder", defaultValue = "cnn", description = "lstm, cnn or none")
        String charEncoder;

        @Option(names = "--char-embedding", defaultValue = "30")
        int charEmbedding;

        @Option(names = "--char-hidden", defaultValue = "50")
        int charHidden;

        @Option(names = "--max-word-chars", defaultValue = "24")
        int maxWordChars;

        @Option(names = "--crf", description = "A linear-chain CRF on top (else softmax).")
        boolean crf;

        @Option(names = "--hidden", defaultValue = "128")
        int hidden;

        @Option(names = "--layers", defaultValue = "1")
        int layers;

        @Option(names = "--embedding", defaultValue = "100")
        int embedding;

        @Option(names = "--lowercase", defaultValue = "true", negatable = true)
        boolean lowercase;

        @Option(names = "--dropout", defaultValue = "0.33")
        float dropout;

        @Option(names = "--word-dropout", defaultValue = "0.05")
        float wordDropout;

        @Option(names = "--freeze-epochs", defaultValue = "1")
        int freezeEpochs;

        @Option(
                names = "--valid-metric",
                description = "accuracy or f1 (default: f1 for entity tags, else accuracy).")
        String validMetric;

        @Option(names = "--skip-bad", description = "Skip malformed sentences and count them.")
        boolean skipBad;

        @Mixin TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            Path out = training.out();
            String fmt = TaggedFormat.parse(format).id();
            List<org.seqlab.corpora.TaggedSentence> sentences = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int bad = 0;
            for (Path f : train) {
                TaggedCorpus part = read(f, fmt, column, skipBad);
                sentences.addAll(part.sentences());
                problems.addAll(part.problems());
                bad += part.skipped();
            }
            TaggedCorpus trainData =
                    new TaggedCorpus(
                            sentences,
                            bad,
                            problems.subList(
                                    0, Math.min(problems.size(), TaggedCorpus.MAX_PROBLEMS)));
            TaggedCorpus devData = read(dev, fmt, column, skipBad);
            String sch = scheme;
            if (sch == null) {
                sch = TagSchemes.isEntityTagSet(trainData.tagSet()) ? "iob2" : "none";
            }
            sch = sch.toLowerCase(Locale.ROOT);
            String metric =
                    validMetric != null ? validMetric : sch.equals("none") ? "accuracy" : "f1";
            TagConfig config =
                    new TagConfig(
                            fmt,
                            column == null
                                    ? TaggedReadOptions.defaults(TaggedFormat.parse(fmt)).column()
                                    : column,
                            sch,
                            training.cell(),
                            hidden,
                            layers,
                            embedding,
                            lowercase,
                            vectorWords,
                            charEncoder.toLowerCase(Locale.ROOT),
                            charEmbedding,
                            charHidden,
                            maxWordChars,
                            crf,
                            dropout,
                            wordDropout,
                            freezeEpochs,
                            training.batch(),
                            metric,
                            training.config());
            FineTune source = training.fineTune(TagModel.TASK);
            config =
                    training.adopt(
                            source,
                            config,
                            TagConfig::toJson,
                            TagConfig::fromJson,
                            TagConfig.ARCHITECTURE);
            int skipped = trainData.skipped() + devData.skipped();
            if (skipped > 0) {
                System.err.println("skipped " + skipped + " malformed sentences");
            }
            try (ProgressReporter progress = ProgressReporter.forStderr()) {
                TagTrainer.Result r =
                        new TagTrainer(config, progress)
                                .initFrom(source)
                                .train(
                                        trainData,
                                        devData,
                                        vectors,
                                        out,
                                        training.resume(),
                                        CommandLines.current("seqlab tag train"));
                TrainingLoop.Result l = r.loop();
                System.out.printf(
                        Locale.ROOT,
                        "stopped: %s after %d epochs, %.0f s; best dev %s %.4f; vocabulary %d;"
                                + " %d tags%s; model in %s%n",
                        l.reason().name().toLowerCase(Locale.ROOT),
                        l.epochsCompleted(),
                        l.elapsedSeconds(),
                        metric,
                        l.bestValid(),
                        r.vocabularySize(),
                        r.tags(),
                        r.coverage().isEmpty() ? "" : " (" + r.coverage() + ")",
                        out);
            }
            return 0;
        }
    }

    /** {@code seqlab tag eval}. */
    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            description =
                    "Token accuracy, and for entity tags span precision/recall/F1 per type and"
                            + " micro-averaged as conlleval computes them.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", defaultValue = DEFAULT_MODEL)
        Path model;

        @Option(names = "--data", required = true)
        Path data;

        @Option(names = "--format", description = "conllu or conll (default: the model's).")
        String format;

        @Option(names = "--column", description = "Tag column (default: the model's).")
        String column;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--skip-bad", description = "Skip malformed sentences and count them.")
        boolean skipBad;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            try (TagModel m = TagModel.load(ModelPaths.resolve(model))) {
                TaggedCorpus corpus =
                        read(
                                data,
                                format != null ? format : m.config().format(),
                                column != null
                                        ? column
                                        : format != null ? null : m.config().column(),
                                skipBad);
                TagReport r = TagEvaluator.evaluate(m, corpus, data);
                double seconds = (System.nanoTime() - t0) / 1e9;
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                out.print(json ? r.toJson() + "\n" : r.toText());
                System.err.printf(
                        Locale.ROOT,
                        "%d sentences, %d tokens in %.1f s (%.0f tokens/s, loading included)%s%n",
                        r.sentences(),
                        r.tokens(),
                        seconds,
                        r.tokens() / seconds,
                        corpus.skipped() > 0
                                ? "; " + corpus.skipped() + " bad sentences skipped"
                                : "");
            }
            return 0;
        }
    }
}
