package org.seqlab.tasks.translate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.ParallelReadOptions;
import org.seqlab.corpora.ParallelReader;
import org.seqlab.corpora.TextLines;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.AttentionType;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.tasks.cli.CommandLines;
import org.seqlab.tasks.cli.ModelPaths;
import org.seqlab.tasks.cli.OutputPaths;
import org.seqlab.tasks.cli.ProgressReporter;
import org.seqlab.tasks.cli.TrainingOptions;
import org.seqlab.tasks.repl.Repl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab translate}: train, evaluate and use attention encoder-decoder translators. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = "Translation with an attention encoder-decoder (GRU or LSTM).",
        subcommands = {TranslateCommand.Train.class, TranslateCommand.Eval.class})
public final class TranslateCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = DEFAULT_MODEL, description = "Model directory.")
    Path model;

    @Option(names = "--beam", defaultValue = "5", description = "Beam size (1 = greedy).")
    int beam;

    @Parameters(
            arity = "0..*",
            paramLabel = "TEXT",
            description =
                    "Sentences to translate. Without them: line by line from stdin (one output"
                            + " line per input line), or an interactive prompt on a terminal.")
    List<String> texts;

    /** Lines translated together when reading a pipe (fewer when input pauses). */
    static final int CHUNK = 64;

    @Override
    public Integer call() throws Exception {
        if (beam < 1) {
            throw new IllegalArgumentException("--beam must be at least 1; got " + beam + ".");
        }
        Path dir = ModelPaths.resolve(model);
        if ((texts == null || texts.isEmpty()) && Repl.terminalAttached()) {
            return TranslateRepl.run(
                    dir,
                    beam,
                    Path.of(System.getProperty("user.home"), ".seqlab", "translate_history"));
        }
        try (TranslateModel m = TranslateModel.load(dir)) {
            Translator translator = new Translator(m);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            if (texts != null && !texts.isEmpty()) {
                for (Translator.Translation t : translator.translate(texts, beam)) {
                    out.println(t.text());
                    if (!t.note().isEmpty()) {
                        System.err.println("note: " + t.note());
                    }
                }
                out.flush();
                return 0;
            }
            translateLines(translator, TextLines.stdin(), out);
        }
        return 0;
    }

    /** Translates each line of {@code in} to one line of {@code out}, in chunks, flushing each. */
    void translateLines(Translator translator, TextLines in, PrintStream out) throws IOException {
        List<String> chunk = new ArrayList<>();
        String line;
        while ((line = in.next()) != null) {
            chunk.add(line);
            if (chunk.size() >= CHUNK || System.in.available() == 0) {
                for (Translator.Translation t : translator.translate(chunk, beam)) {
                    out.println(t.text());
                }
                out.flush();
                chunk.clear();
            }
        }
        for (Translator.Translation t : translator.translate(chunk, beam)) {
            out.println(t.text());
        }
        out.flush();
    }

    /** The model used when {@code --model} is not given. */
    public static final String DEFAULT_MODEL = "models/translate-en-fr";

    private TranslateCommand() {}

    /** The defaults of {@code translate train}'s model-dependent training flags. */
    public static final class Defaults extends TrainingOptions.Defaults {
        /** Creates the provider picocli instantiates. */
        public Defaults() {
            super("30", "1e-3", "64", "1e-5", CellType.GRU);
        }
    }

    /** {@code seqlab translate eval}. */
    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            description = "Translate a parallel file's sources and score them: BLEU and chrF2.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", defaultValue = DEFAULT_MODEL)
        Path model;

        @Option(names = "--data", required = true, description = "Pairs, as for training.")
        Path data;

        @Option(names = "--beam", defaultValue = "5", description = "Beam size (1 = greedy).")
        int beam;

        @Option(names = "--reverse", description = "Swap the columns.")
        boolean reverse;

        @Option(names = "--skip-bad", description = "Skip malformed lines and count them.")
        boolean skipBad;

        @Option(names = "--output", description = "Write the translations here, one per line.")
        Path output;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (beam < 1) {
                throw new IllegalArgumentException("--beam must be at least 1; got " + beam + ".");
            }
            if (output != null) {
                OutputPaths.requireFileOrAbsent("--output", output);
            }
            ParallelCorpus pairs =
                    ParallelReader.read(
                            data,
                            ParallelReadOptions.defaults()
                                    .withReverse(reverse)
                                    .withSkipBad(skipBad));
            try (TranslateModel m = TranslateModel.load(ModelPaths.resolve(model))) {
                TranslateEvaluator.Report r =
                        TranslateEvaluator.evaluate(new Translator(m), pairs, beam);
                if (output != null) {
                    AtomicFiles.writeString(
                            output,
                            r.translations().isEmpty()
                                    ? ""
                                    : String.join("\n", r.translations()) + "\n");
                }
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                out.print(json ? r.toJson() + "\n" : r.toText());
            }
            return 0;
        }
    }

    /** {@code seqlab translate train}. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            defaultValueProvider = Defaults.class,
            description = "Train a translator on sentence pairs (TSV) into a model directory.")
    static final class Train implements Callable<Integer> {
        @Option(
                names = "--train",
                required = true,
                description = "Pairs: source TAB target [TAB attribution], plain or .gz.")
        Path train;

        @Option(names = "--dev", required = true, description = "Dev pairs, same format.")
        Path dev;

        @Option(names = "--reverse", description = "Swap the columns (the other direction).")
        boolean reverse;

        @Option(names = "--skip-bad", description = "Skip malformed lines and count them.")
        boolean skipBad;

        @Option(
                names = "--dedupe",
                description = "Drop repeated (source, target) pairs of the training file.")
        boolean dedupe;

        @Option(names = "--bpe-merges", defaultValue = "8000")
        int bpeMerges;

        @Option(
                names = "--joint-bpe",
                defaultValue = "true",
                negatable = true,
                description = "One set of merges for both sides (default), or one per side.")
        boolean jointBpe;

        @Option(
                names = "--attention",
                defaultValue = "luong-general",
                description = "bahdanau, luong-dot or luong-general")
        String attention;

        @Option(names = "--embedding", defaultValue = "256")
        int embedding;

        @Option(names = "--encoder-hidden", defaultValue = "256", description = "Per direction.")
        int encoderHidden;

        @Option(names = "--encoder-layers", defaultValue = "1")
        int encoderLayers;

        @Option(names = "--hidden", defaultValue = "256", description = "Decoder hidden size.")
        int hidden;

        @Option(names = "--decoder-layers", defaultValue = "1")
        int decoderLayers;

        @Option(
                names = "--input-feeding",
                description = "Feed each attentional vector to the next step (slower training).")
        boolean inputFeeding;

        @Option(
                names = "--tied",
                defaultValue = "true",
                negatable = true,
                description = "Share the target embedding with the output layer.")
        boolean tied;

        @Option(names = "--dropout", defaultValue = "0.2")
        float dropout;

        @Option(names = "--label-smoothing", defaultValue = "0.1")
        float labelSmoothing;

        @Option(
                names = "--max-tokens",
                defaultValue = "60",
                description = "Longer training pairs (in subword pieces) are left out.")
        int maxTokens;

        @Option(names = "--valid-metric", defaultValue = "bleu", description = "bleu or loss")
        String validMetric;

        @Mixin TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            TranslateConfig config =
                    new TranslateConfig(
                            bpeMerges,
                            jointBpe,
                            training.cell(),
                            AttentionType.parse(attention),
                            embedding,
                            encoderHidden,
                            encoderLayers,
                            hidden,
                            decoderLayers,
                            inputFeeding,
                            tied,
                            dropout,
                            labelSmoothing,
                            maxTokens,
                            training.batch(),
                            validMetric.toLowerCase(Locale.ROOT),
                            training.config());
            FineTune source = training.fineTune(TranslateModel.TASK);
            config =
                    training.adopt(
                            source,
                            config,
                            TranslateConfig::toJson,
                            TranslateConfig::fromJson,
                            TranslateConfig.ARCHITECTURE);
            ParallelReadOptions options =
                    ParallelReadOptions.defaults().withReverse(reverse).withSkipBad(skipBad);
            ParallelCorpus trainData = ParallelReader.read(train, options.withDedupe(dedupe));
            ParallelCorpus devData = ParallelReader.read(dev, options);
            System.err.println(train + ": " + trainData.summary());
            try (ProgressReporter progress = ProgressReporter.forStderr()) {
                TranslateTrainer.Result r =
                        new TranslateTrainer(config, progress)
                                .initFrom(source)
                                .train(
                                        trainData,
                                        devData,
                                        training.out(),
                                        training.resume(),
                                        CommandLines.current("seqlab translate train"));
                TrainingLoop.Result l = r.loop();
                System.out.printf(
                        Locale.ROOT,
                        "stopped: %s after %d epochs, %.0f s; best dev %s %.4f; %d pairs used;"
                                + " vocabularies %d/%d; model in %s%n",
                        l.reason().name().toLowerCase(Locale.ROOT),
                        l.epochsCompleted(),
                        l.elapsedSeconds(),
                        config.validMetric(),
                        l.bestValid(),
                        r.pairs(),
                        r.sourceVocabulary(),
                        r.targetVocabulary(),
                        training.out());
            }
            return 0;
        }
    }
}
