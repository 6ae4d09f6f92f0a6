package org.seqlab.tasks.bench;

import java.util.concurrent.Callable;
import org.seqlab.seq2seq.CellType;
import org.seqlab.tasks.cli.CellConverter;
import org.seqlab.tasks.cli.ModelPaths;
import org.seqlab.tasks.sentiment.SentimentCommand;
import org.seqlab.tasks.sentiment.SentimentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab bench}: measured comparisons of seqlab against bare DJL loops. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Throughput benchmarks against bare DJL loops in the same process.",
        subcommands = {
            BenchCommand.LmTrain.class,
            BenchCommand.Vectors.class,
            BenchCommand.SentimentScore.class,
            BenchCommand.Translate.class,
            BenchCommand.Tag.class
        })
public final class BenchCommand {

    /** {@code seqlab bench lm-train}. */
    @Command(
            name = "lm-train",
            mixinStandardHelpOptions = true,
            description =
                    "Training tokens/s of seqlab's loop and of a bare DJL loop on the"
                            + " reference configuration (2x512 LSTM, embedding 64, vocab 65, batch 64,"
                            + " seq-len 100, Adam). With --cell other than lstm: that cell in the same"
                            + " network and loop beside the fused LSTM, in the same run.")
    static final class LmTrain implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "40", description = "Timed steps per side.")
        int steps;

        @Option(names = "--warmup", defaultValue = "5")
        int warmup;

        @Option(names = "--batch", defaultValue = "64")
        int batch;

        @Option(names = "--seq-len", defaultValue = "100")
        int seqLen;

        @Option(
                names = "--cell",
                defaultValue = "lstm",
                converter = CellConverter.class,
                description =
                        "Cell to measure: " + CellType.NAMES + " (default: ${DEFAULT-VALUE}).")
        CellType cell;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (steps < 1 || warmup < 1 || batch < 1 || seqLen < 1) {
                throw new IllegalArgumentException(
                        "--steps, --warmup, --batch and --seq-len must be at least 1.");
            }
            CellType measured = cell;
            LmTrainBench bench = new LmTrainBench(batch, seqLen, steps, warmup);
            if (measured != CellType.LSTM) {
                double lstm = bench.seqlab(CellType.LSTM);
                double other = bench.seqlab(measured);
                print(measured, other, "lstm_tokens_per_s", lstm, "ratio_to_lstm", "fused LSTM");
                return 0;
            }
            double bare = bench.bare();
            double seqlab = bench.seqlab();
            print(measured, seqlab, "bare_tokens_per_s", bare, "ratio", "bare DJL");
            return 0;
        }

        private void print(
                CellType measured,
                double tokens,
                String otherKey,
                double other,
                String ratioKey,
                String otherName) {
            double gflops = LmTrainBench.gflops(measured, tokens);
            if (json) {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "{\"cell\":\"%s\",\"tokens_per_s\":%.2f,\"%s\":%.2f,\"%s\":%.4f,"
                                + "\"model_gflops\":%.2f}%n",
                        measured.id(),
                        tokens,
                        otherKey,
                        other,
                        ratioKey,
                        tokens / other,
                        gflops);
            } else {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "seqlab %s%.0f tokens/s, %s %.0f tokens/s, ratio %.3f, %.1f GFLOP/s%n",
                        measured == CellType.LSTM ? "" : measured.id() + " ",
                        tokens,
                        otherName,
                        other,
                        tokens / other,
                        gflops);
            }
        }
    }

    /** {@code seqlab bench vectors}. */
    @Command(
            name = "vectors",
            mixinStandardHelpOptions = true,
            description =
                    "Load time (best of --runs), heap held by the vectors, and nearest-neighbour"
                            + " query time of a vectors file.")
    static final class Vectors implements Callable<Integer> {
        @Option(
                names = "--vectors",
                description = "Default: $SEQLAB_DATA/glove/glove.6B.100d.top100k.txt.gz.")
        java.nio.file.Path vectors;

        @Option(names = "--runs", defaultValue = "5")
        int runs;

        @Option(names = "--queries", defaultValue = "100")
        int queries;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (runs < 1 || queries < 1) {
                throw new IllegalArgumentException("--runs and --queries must be at least 1.");
            }
            java.nio.file.Path file =
                    vectors != null ? vectors : dataFile("glove/glove.6B.100d.top100k.txt.gz");
            VectorsBench.Result r = VectorsBench.run(file, runs, queries);
            if (json) {
                System.out.println(r.toJson());
            } else {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "%s: %d x %d, load %.3f s (best of %d), %.1f MB heap, %.2f ms per query%n",
                        file,
                        r.words(),
                        r.dim(),
                        r.bestLoadSeconds(),
                        runs,
                        r.heapMb(),
                        r.queryMs());
            }
            return 0;
        }
    }

    /** {@code seqlab bench sentiment-score}. */
    @Command(
            name = "sentiment-score",
            mixinStandardHelpOptions = true,
            description =
                    "Reviews/s of seqlab's sentiment scoring path (tokenizing included) and of a"
                            + " bare DJL forward of the same block, in the same process.")
    static final class SentimentScore implements Callable<Integer> {
        @Option(names = "--model", defaultValue = SentimentCommand.DEFAULT_MODEL)
        java.nio.file.Path model;

        @Option(
                names = "--data",
                description = "Labeled reviews. Default: $SEQLAB_DATA/imdb/train.jsonl.gz.")
        java.nio.file.Path data;

        @Option(names = "--reviews", defaultValue = "5000", description = "Reviews to score.")
        int reviews;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (reviews < 1) {
                throw new IllegalArgumentException("--reviews must be at least 1.");
            }
            java.nio.file.Path file = data != null ? data : dataFile("imdb/train.jsonl.gz");
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (org.seqlab.corpora.LabeledText t :
                    org.seqlab.corpora.LabeledReader.read(file).examples()) {
                if (texts.size() == reviews) {
                    break;
                }
                texts.add(t.text());
            }
            try (SentimentModel m = SentimentModel.load(ModelPaths.resolve(model))) {
                SentimentScoreBench.Result r =
                        SentimentScoreBench.run(m, texts, SentimentModel.SCORE_BATCH);
                if (json) {
                    System.out.println(r.toJson());
                } else {
                    System.out.printf(
                            java.util.Locale.ROOT,
                            "%d reviews (%.0f tokens each on average): seqlab %.0f reviews/s"
                                    + " (tokenizing %.2f s), bare DJL %.0f reviews/s, ratio %.3f%n",
                            r.reviews(),
                            r.meanTokens(),
                            r.reviewsPerS(),
                            r.tokenizeS(),
                            r.bareReviewsPerS(),
                            r.ratio());
                }
            }
            return 0;
        }
    }

    /** Returns {@code relative} under $SEQLAB_DATA, by default {@code ../shared/data}. */
    static java.nio.file.Path dataFile(String relative) {
        String env = System.getenv("SEQLAB_DATA");
        return java.nio.file.Path.of(env != null ? env : "../shared/data").resolve(relative);
    }

    /** {@code seqlab bench translate}. */
    @Command(
            name = "translate",
            mixinStandardHelpOptions = true,
            description =
                    "Latency of translating one sentence at a time (median, p95) with seqlab's"
                            + " path, and greedy beside a bare DJL greedy step loop of the same model.")
    static final class Translate implements Callable<Integer> {
        @Option(
                names = "--model",
                defaultValue = org.seqlab.tasks.translate.TranslateCommand.DEFAULT_MODEL)
        java.nio.file.Path model;

        @Option(
                names = "--data",
                description = "Sentence pairs. Default: $SEQLAB_DATA/translation/eng-fra.dev.tsv.")
        java.nio.file.Path data;

        @Option(
                names = "--sentences",
                defaultValue = "300",
                description = "Sentences timed, spread evenly over the file.")
        int sentences;

        @Option(names = "--beam", defaultValue = "5")
        int beam;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (sentences < 1 || beam < 1) {
                throw new IllegalArgumentException("--sentences and --beam must be at least 1.");
            }
            java.nio.file.Path file = data != null ? data : dataFile("translation/eng-fra.dev.tsv");
            java.util.List<String> sources = org.seqlab.corpora.ParallelReader.read(file).sources();
            // Evenly spaced over the file: Tatoeba files run from short sentences to long ones.
            java.util.List<String> sample = new java.util.ArrayList<>();
            int n = Math.min(sentences, sources.size());
            for (int i = 0; i < n; i++) {
                sample.add(sources.get((int) ((long) i * sources.size() / n)));
            }
            sources = sample;
            try (org.seqlab.tasks.translate.TranslateModel m =
                    org.seqlab.tasks.translate.TranslateModel.load(ModelPaths.resolve(model))) {
                org.seqlab.tasks.translate.TranslateBench.Result r =
                        org.seqlab.tasks.translate.TranslateBench.run(m, sources, beam);
                if (json) {
                    System.out.println(r.toJson());
                } else {
                    System.out.printf(
                            java.util.Locale.ROOT,
                            "%d sentences, one at a time: beam %d median %.1f ms, p95 %.1f ms"
                                    + " (7-9 words: median %.1f ms); greedy median %.1f ms, bare"
                                    + " DJL greedy loop %.1f ms, ratio %.3f%n",
                            r.sentences(),
                            r.beam(),
                            r.medianMs(),
                            r.p95Ms(),
                            r.medianMs8Words(),
                            r.greedyMedianMs(),
                            r.bareGreedyMedianMs(),
                            r.ratio());
                }
            }
            return 0;
        }
    }

    /** {@code seqlab bench tag}. */
    @Command(
            name = "tag",
            mixinStandardHelpOptions = true,
            description =
                    "Tagging tokens/s of seqlab's path beside a bare DJL forward of a model of the"
                            + " same sizes.")
    static final class Tag implements Callable<Integer> {
        @Option(names = "--model", defaultValue = org.seqlab.tasks.tagging.TagCommand.DEFAULT_MODEL)
        java.nio.file.Path model;

        @Option(
                names = "--data",
                description =
                        "Tagged sentences in the model's format. Default:"
                                + " $SEQLAB_DATA/ud/en_ewt-ud-dev.conllu.")
        java.nio.file.Path data;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            java.nio.file.Path file = data != null ? data : dataFile("ud/en_ewt-ud-dev.conllu");
            try (org.seqlab.tasks.tagging.TagModel m =
                    org.seqlab.tasks.tagging.TagModel.load(ModelPaths.resolve(model))) {
                java.util.List<java.util.List<String>> sentences = new java.util.ArrayList<>();
                for (org.seqlab.corpora.TaggedSentence s :
                        org.seqlab.tasks.tagging.TagCommand.read(
                                        file,
                                        data != null ? m.config().format() : "conllu",
                                        data != null ? m.config().column() : null,
                                        false)
                                .sentences()) {
                    sentences.add(s.words());
                }
                org.seqlab.tasks.tagging.TagBench.Result r =
                        org.seqlab.tasks.tagging.TagBench.run(m, sentences);
                if (json) {
                    System.out.println(r.toJson());
                } else {
                    System.out.printf(
                            java.util.Locale.ROOT,
                            "%d sentences, %d tokens: seqlab %.0f tokens/s, bare DJL %.0f"
                                    + " tokens/s, ratio %.3f%n",
                            r.sentences(),
                            r.tokens(),
                            r.tokensPerS(),
                            r.bareTokensPerS(),
                            r.ratio());
                }
            }
            return 0;
        }
    }
}
