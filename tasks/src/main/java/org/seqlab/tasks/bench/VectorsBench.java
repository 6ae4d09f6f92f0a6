package org.seqlab.tasks.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.seqlab.embeddings.VectorReader;
import org.seqlab.embeddings.VectorSearch;
import org.seqlab.embeddings.WordVectors;

/**
 * Word-vector loading and query speed: the best of {@code runs} in-process loads, the heap the
 * loaded vectors hold (used heap after a full GC, before and after), and the mean time of a top-10
 * cosine neighbour query after warm-up.
 */
final class VectorsBench {

    /** What one benchmark run measured. */
    record Result(int words, int dim, double bestLoadSeconds, double heapMb, double queryMs) {

        String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"words\":%d,\"dim\":%d,\"load_s\":%.3f,\"heap_mb\":%.1f,\"query_ms\":%.2f}",
                    words,
                    dim,
                    bestLoadSeconds,
                    heapMb,
                    queryMs);
        }
    }

    private VectorsBench() {}

    static Result run(Path file, int runs, int queries) throws IOException {
        WordVectors v = null;
        double best = Double.MAX_VALUE;
        double heap = 0;
        for (int run = 0; run < runs; run++) {
            v = null;
            long before = usedHeap();
            long start = System.nanoTime();
            v = VectorReader.read(file);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            heap = (usedHeap() - before) / 1048576.0;
        }
        VectorSearch search = new VectorSearch(v);
        for (int i = 0; i < Math.min(200, 2 * queries); i++) {
            search.nearest(v.word(i * 37 % v.size()), 10);
        }
        long start = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            search.nearest(v.word(i * 997 % v.size()), 10);
        }
        double ms = (System.nanoTime() - start) / 1e6 / queries;
        return new Result(v.size(), v.dim(), best, heap, ms);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
