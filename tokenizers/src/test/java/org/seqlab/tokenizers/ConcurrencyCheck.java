package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs a text-to-tokens function from several threads at once and compares with serial runs. */
final class ConcurrencyCheck {

    static final int THREADS = 4;
    static final int CALLS_PER_THREAD = 200;

    private ConcurrencyCheck() {}

    /**
     * Asserts that {@code THREADS} threads each making {@code CALLS_PER_THREAD} calls (cycling
     * through {@code texts}) all get exactly the results of a single-threaded run.
     */
    static void assertSameResultsAcrossThreads(
            Function<String, List<Token>> function, List<String> texts) throws Exception {
        List<List<Token>> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(function.apply(text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                mismatches.add(
                        pool.submit(
                                () -> {
                                    int bad = 0;
                                    for (int call = 0; call < CALLS_PER_THREAD; call++) {
                                        int i = (call + offset) % texts.size();
                                        if (!function.apply(texts.get(i)).equals(expected.get(i))) {
                                            bad++;
                                        }
                                    }
                                    return bad;
                                }));
            }
            for (Future<Integer> result : mismatches) {
                assertEquals(0, result.get(), "calls whose result differed from a serial run");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
