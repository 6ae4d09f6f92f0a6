package org.seqlab.tasks.lm;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.TextReader;
import org.seqlab.eval.LanguageModelScore;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.Sampler;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.tasks.cli.CommandLines;
import org.seqlab.tasks.cli.ModelPaths;
import org.seqlab.tasks.cli.ProgressReporter;
import org.seqlab.tasks.cli.TrainingOptions;
import org.seqlab.tokenizers.TokenizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab lm}: train, evaluate and sample character- or word-level language models. */
@Command(
        name = "lm",
        mixinStandardHelpOptions = true,
        description = "Character- and word-level LSTM/GRU language models.",
        subcommands = {LmCommand.Train.class, LmCommand.Eval.class, LmCommand.Generate.class})
public final class LmCommand {

    /** The model used when {@code --model} is not given. */
    public static final String DEFAULT_MODEL = "models/char-shakespeare";

    /** The defaults of {@code lm train}'s model-dependent training flags. */
    public static final class Defaults extends TrainingOptions.Defaults {
        /** Creates the provider picocli instantiates. */
        public Defaults() {
            super("50", "2e-3", "64", "1e-5");
        }
    }

    /** {@code seqlab lm train}. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            defaultValueProvider = Defaults.class,
            description = "Train a language model on a text file into a model directory.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--corpus", required = true, description = "UTF-8 text (or .gz).")
        Path corpus;

        @Option(names = "--level", defaultValue = "char", description = "char or word.")
        String level;

        @Option(names = "--layers", defaultValue = "2")
        int layers;

        @Option(names = "--hidden", defaultValue = "512")
        int hidden;

        @Option(names = "--embedding", defaultValue = "64")
        int embedding;

        @Option(names = "--dropout", defaultValue = "0.2")
        float dropout;

        @Option(names = "--seq-len", defaultValue = "100")
        int seqLen;

        @Option(names = "--valid-fraction", defaultValue = "0.1")
        double validFraction;

        @Option(names = "--min-count", defaultValue = "1")
        int minCount;

        @Option(names = "--max-vocab", defaultValue = "0")
        int maxVocab;

        @Option(
                names = "--tokenizer",
                defaultValue = "whitespace",
                description =
                        "Word level: whitespace, standard, english, opennlp, ... or bpe:FILE"
                                + " (the merges are copied into the model).")
        String tokenizer;

        @Mixin TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            Path out = training.out();
            LmConfig config =
                    new LmConfig(
                            Level.parse(level),
                            training.cell(),
                            layers,
                            hidden,
                            embedding,
                            dropout,
                            seqLen,
                            training.batch(),
                            validFraction,
                            minCount,
                            maxVocab,
                            training.config(),
                            TokenizerSpec.parse(tokenizer));
            FineTune source = training.fineTune(LmModel.TASK);
            config =
                    training.adopt(
                            source,
                            config,
                            LmConfig::toJson,
                            LmConfig::fromJson,
                            LmConfig.ARCHITECTURE);
            try (ProgressReporter progress = ProgressReporter.forStderr()) {
                LmTrainer.Result r =
                        new LmTrainer(config, progress)
                                .initFrom(source)
                                .train(
                                        corpus,
                                        out,
                                        training.resume(),
                                        CommandLines.current("seqlab lm train"));
                TrainingLoop.Result l = r.loop();
                System.out.printf(
                        Locale.ROOT,
                        "stopped: %s after %d epochs, %d updates, %.0f s;"
                                + " best valid loss %.4f nats/token; %.0f tokens/s; model in %s%n",
                        l.reason().name().toLowerCase(Locale.ROOT),
                        l.epochsCompleted(),
                        l.globalStep(),
                        l.elapsedSeconds(),
                        l.bestValid(),
                        l.tokensPerSecond(),
                        out);
            }
            return 0;
        }
    }

    /** {@code seqlab lm eval}. */
    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            description = "Cross-entropy of a model on a whole text file.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", defaultValue = DEFAULT_MODEL)
        Path model;

        @Option(names = "--corpus", required = true)
        Path corpus;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Option(
                names = "--streams",
                defaultValue = "16",
                description =
                        "Parallel parts the text is cut into (at least 1); every token is"
                                + " scored once whatever their number.")
        int streams;

        @Override
        public Integer call() throws Exception {
            if (streams < 1) {
                throw new IllegalArgumentException(
                        "--streams must be at least 1; got " + streams + ".");
            }
            try (LmModel m = LmModel.load(ModelPaths.resolve(model))) {
                String text = TextReader.read(corpus);
                int[] ids = m.encode(text);
                if (ids.length < 2) {
                    throw new IllegalArgumentException(corpus + ": needs at least 2 tokens.");
                }
                long unknown = m.unknownTokens(text).size();
                LanguageModelScore s = LmEvaluator.evaluate(m, ids, streams, 250);
                if (json) {
                    System.out.println(s.toJsonString());
                } else {
                    System.out.printf(
                            Locale.ROOT,
                            "%d tokens: loss %.4f nats/token, %.4f bits/token,"
                                    + " perplexity %.3f%n",
                            s.tokens(),
                            s.lossNats(),
                            s.bitsPerToken(),
                            s.perplexity());
                }
                if (unknown > 0) {
                    System.err.printf(
                            Locale.ROOT,
                            "note: %d distinct tokens of the file are not in the"
                                    + " model's vocabulary and were scored as <unk>%n",
                            unknown);
                }
            }
            return 0;
        }
    }

    /** {@code seqlab lm generate}. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Stream text sampled from a model.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--model", defaultValue = DEFAULT_MODEL)
        Path model;

        @Option(names = "--prime", defaultValue = "", description = "Text to start from.")
        String prime;

        @Option(names = "--length", defaultValue = "500", description = "Tokens to generate.")
        int length;

        @Option(names = "--temperature", defaultValue = "0.8")
        double temperature;

        @Option(names = "--top-k", defaultValue = "0")
        int topK;

        @Option(names = "--top-p", defaultValue = "1.0")
        double topP;

        @Option(names = "--seed", description = "Seed; the same seed gives the same text.")
        Long seed;

        /** The longest time generated text waits in the buffer before it is flushed. */
        static final long FLUSH_NANOS = 40_000_000L;

        /** The system property DJL reads for libtorch's intra-op threads when its engine starts. */
        static final String THREADS = "ai.djl.pytorch.num_threads";

        @Override
        public Integer call() throws Exception {
            // One token at a time, libtorch's operators are too small to share between threads,
            // and a second thread costs a wake-up per operator: on the shipped 2x512 model, one
            // thread generated a character in 372-426 us (best, 25th percentile), two in 475-497.
            // Set before the engine starts; SEQLAB_THREADS (the property itself) still decides.
            if (System.getProperty(THREADS) == null) {
                System.setProperty(THREADS, "1");
            }
            Sampler sampler = new Sampler(temperature, topK, topP);
            if (length < 0) {
                throw new IllegalArgumentException("--length must be >= 0; got " + length + ".");
            }
            long s = seed != null ? seed : System.nanoTime() & Long.MAX_VALUE;
            // A drawn seed is printed once the prime is accepted, just before the text, so that an
            // error stays one line.
            String seedNote =
                    seed != null
                            ? null
                            : String.format(
                                    Locale.ROOT, "seed %d (pass --seed %d to reproduce)", s, s);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            try (LmModel m = LmModel.load(ModelPaths.resolve(model))) {
                boolean[] started = {false};
                long[] flushed = {System.nanoTime() - FLUSH_NANOS};
                try {
                    new LmGenerator(m)
                            .generate(
                                    prime,
                                    length,
                                    sampler,
                                    s,
                                    t -> {
                                        if (!started[0]) {
                                            started[0] = true;
                                            start(seedNote, out, prime);
                                        }
                                        out.print(t);
                                        // Flushing every token cost about a tenth of the time at
                                        // 1,000+ chars/s; every 40 ms still streams to the eye.
                                        long now = System.nanoTime();
                                        if (now - flushed[0] >= FLUSH_NANOS) {
                                            out.flush();
                                            flushed[0] = now;
                                        }
                                    });
                } finally {
                    out.flush();
                }
                if (!started[0]) {
                    start(seedNote, out, prime);
                }
                out.println();
                out.flush();
            }
            return 0;
        }

        /** Prints the drawn seed (if any) to stderr, then the prime to {@code out}. */
        private static void start(String seedNote, PrintStream out, String prime) {
            if (seedNote != null) {
                System.err.println(seedNote);
                System.err.flush();
            }
            out.print(prime);
        }
    }
}
