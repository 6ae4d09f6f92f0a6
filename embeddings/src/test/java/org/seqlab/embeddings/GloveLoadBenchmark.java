package org.seqlab.embeddings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads the 100k x 100 GloVe sample five times and prints load time, heap for the vectors, mean
 * nearest-neighbour query time and a sanity check. A {@code main}, not a test.
 *
 * <p>Run from the module directory after {@code mvn test-compile}: {@code java -cp
 * target/classes:target/test-classes:<tokenizers jar> org.seqlab.embeddings.GloveLoadBenchmark
 * [file]}.
 */
public final class GloveLoadBenchmark {

    private GloveLoadBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args optionally the GloVe file; default {@code $SEQLAB_DATA} or {@code ../shared/data}
     *     plus {@code glove/glove.6B.100d.top100k.txt.gz}
     * @throws Exception if the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : RealData.glove();
        if (!Files.exists(file)) {
            System.out.println("missing " + file);
            return;
        }
        System.out.println(
                "file "
                        + file
                        + ", "
                        + Runtime.getRuntime().availableProcessors()
                        + " cpus, max heap "
                        + Runtime.getRuntime().maxMemory() / (1 << 20)
                        + " MB");
        WordVectors v = null;
        for (int run = 1; run <= 5; run++) {
            v = null;
            long before = usedHeap();
            long start = System.nanoTime();
            v = VectorReader.read(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedHeap();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: load %.3f s, %d x %d, heap for vectors %.1f MB%n",
                    run,
                    seconds,
                    v.size(),
                    v.dim(),
                    (after - before) / 1048576.0);
        }
        long beforeUnit = usedHeap();
        VectorSearch search = new VectorSearch(v);
        System.out.printf(
                Locale.ROOT,
                "unit-norm rows: %.1f MB more%n",
                (usedHeap() - beforeUnit) / 1048576.0);
        for (int i = 0; i < 200; i++) {
            search.nearest(v.word(i * 37 % v.size()), 10);
        }
        long start = System.nanoTime();
        int queries = 100;
        for (int i = 0; i < queries; i++) {
            search.nearest(v.word(i * 997 % v.size()), 10);
        }
        double ms = (System.nanoTime() - start) / 1e6 / queries;
        System.out.printf(
                Locale.ROOT, "nearest (k=10): %.2f ms per query over %d queries%n", ms, queries);
        float[] the = v.vector("the");
        System.out.println("the: " + the[0] + " " + the[1]);
        System.out.println("nearest(frog, 5): " + search.nearest("frog", 5));
        for (AnalogyMethod method : AnalogyMethod.values()) {
            List<Neighbor> answers = search.analogy("man", "king", "woman", 5, method);
            System.out.println("analogy man king woman " + method + ": " + answers);
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
