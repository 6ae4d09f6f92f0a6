package org.seqlab.tasks.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab bench}: measured comparisons of seqlab against bare DJL loops. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Throughput benchmarks against bare DJL loops in the same process.",
        subcommands = {BenchCommand.LmTrain.class, BenchCommand.Vectors.class})
public final class BenchCommand {

    /** {@code seqlab bench lm-train}. */
    @Command(
            name = "lm-train",
            mixinStandardHelpOptions = true,
            description =
                    "Training tokens/s of seqlab's loop and of a bare DJL loop on the"
                            + " reference configuration (2x512 LSTM, embedding 64, vocab 65, batch 64,"
                            + " seq-len 100, Adam).")
    static final class LmTrain implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "40", description = "Timed steps per side.")
        int steps;

        @Option(names = "--warmup", defaultValue = "5")
        int warmup;

        @Option(names = "--batch", defaultValue = "64")
        int batch;

        @Option(names = "--seq-len", defaultValue = "100")
        int seqLen;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (steps < 1 || warmup < 1 || batch < 1 || seqLen < 1) {
                throw new IllegalArgumentException(
                        "--steps, --warmup, --batch and --seq-len must be at least 1.");
            }
            LmTrainBench bench = new LmTrainBench(batch, seqLen, steps, warmup);
            double bare = bench.bare();
            double seqlab = bench.seqlab();
            double ratio = seqlab / bare;
            double gflops = LmTrainBench.gflops(seqlab);
            if (json) {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "{\"tokens_per_s\":%.2f,"
                                + "\"bare_tokens_per_s\":%.2f,\"ratio\":%.4f,\"model_gflops\":%.2f}%n",
                        seqlab,
                        bare,
                        ratio,
                        gflops);
            } else {
                System.out.printf(
                        "seqlab %.0f tokens/s, bare DJL %.0f tokens/s, ratio %.3f,"
                                + " %.1f GFLOP/s%n",
                        seqlab, bare, ratio, gflops);
            }
            return 0;
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
            java.nio.file.Path file = vectors;
            if (file == null) {
                String data = System.getenv("SEQLAB_DATA");
                file =
                        java.nio.file.Path.of(data != null ? data : "../shared/data")
                                .resolve("glove/glove.6B.100d.top100k.txt.gz");
            }
            VectorsBench.Result r = VectorsBench.run(file, runs, queries);
            if (json) {
                System.out.println(r.toJson());
            } else {
                System.out.printf(
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
}
