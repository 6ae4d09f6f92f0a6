package org.seqlab.seq2seq;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Greedy decoding and sampling: each sentence keeps one hypothesis, extended at every step by one
 * token, either the most likely ({@link #argmax}) or one drawn by a {@link Sampler} ({@link
 * #sampling}). Each token goes to a {@link TokenListener} as soon as it is chosen, so output can
 * stream.
 *
 * <p>A sentence ends when it chooses the end token ({@link SearchOptions#eos()}; not passed to the
 * listener, not in the tokens), or when it reaches its length limit ({@link
 * SearchOptions#maxLength}); with no end token every sentence runs to its limit. Banned ids are
 * never chosen. A sentence whose every allowed token has log-probability minus infinity ends there.
 * Ended sentences leave the batch. {@link SearchOptions#beamSize()} and the stopping rule are not
 * used.
 *
 * <p>The argmax path reads only the best {@code 1 + |banned|} entries per row (libtorch's {@code
 * topk}) and gives the same hypotheses as {@link BeamSearch} with beam size 1 and no length
 * normalization (tested). Sampling reads whole rows and reports each token's log-probability as its
 * log-softmax, so the step may return raw logits (see {@link StepOutput}).
 *
 * <p>An argmax search is immutable; a sampling search draws from its {@link SplittableRandom}, so
 * it is not thread-safe and a second call continues the random sequence.
 */
public final class GreedySearch {

    /** Receives each token as soon as it is chosen. */
    @FunctionalInterface
    public interface TokenListener {
        /**
         * Called once per chosen token, in order within a sentence.
         *
         * @param sentence the sentence's index in the batch
         * @param token the chosen token id
         */
        void onToken(int sentence, int token);
    }

    private final SearchOptions options;
    private final Sampler sampler;
    private final SplittableRandom random;
    private final int[] banned;

    private GreedySearch(SearchOptions options, Sampler sampler, SplittableRandom random) {
        if (options == null) {
            throw new IllegalArgumentException("A greedy search needs options; got null.");
        }
        this.options = options;
        this.sampler = sampler;
        this.random = random;
        this.banned = options.banned();
    }

    /** Returns a search that always chooses the most likely allowed token. */
    public static GreedySearch argmax(SearchOptions options) {
        return new GreedySearch(options, null, null);
    }

    /**
     * Returns a search that draws each token with {@code sampler} (temperature, top-k, top-p) from
     * {@code random}; the same options, sampler, seed and model give the same tokens.
     */
    public static GreedySearch sampling(
            SearchOptions options, Sampler sampler, SplittableRandom random) {
        if (sampler == null || random == null) {
            throw new IllegalArgumentException("Sampling needs a sampler and a random source.");
        }
        return new GreedySearch(options, sampler, random);
    }

    /** Returns the settings. */
    public SearchOptions options() {
        return options;
    }

    /**
     * Decodes {@code initial}'s N sentences, each fed its start token first.
     *
     * @param initial the state of the N sentences, one row each; the search takes it over
     * @param sourceLengths each sentence's source length, for its length limit
     * @param manager the manager under which the search keeps its arrays while it runs
     * @param listener receives each token as it is chosen, or {@code null}
     * @return one hypothesis per sentence
     */
    public <S extends DecodingState> List<Hypothesis> search(
            DecodingStep<S> step,
            S initial,
            int[] startTokens,
            int[] sourceLengths,
            NDManager manager,
            TokenListener listener) {
        checkLengths(startTokens.length, sourceLengths);
        try (StepRunner<S> runner = new StepRunner<>(step, initial, manager, options)) {
            long[] tokens = new long[startTokens.length];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = startTokens[i];
            }
            StepRunner.Scores first =
                    tokens.length == 0 ? null : runner.step(tokens, null, entriesToRead());
            return decode(runner, first, sourceLengths, listener);
        }
    }

    /**
     * Continues sequences whose first step the caller ran (e.g. a language model that read a prime
     * at once): chooses the first token from {@code first}'s scores, then steps on.
     *
     * @param first the caller's step output, N rows; the search takes over its state, and only
     *     reads its scores and attention
     * @param sourceLengths each sentence's source length, for its length limit
     * @param manager the manager under which the search keeps its arrays while it runs
     * @param listener receives each token as it is chosen, or {@code null}
     * @return one hypothesis per sentence
     */
    public <S extends DecodingState> List<Hypothesis> continueFrom(
            DecodingStep<S> step,
            StepOutput<S> first,
            int[] sourceLengths,
            NDManager manager,
            TokenListener listener) {
        checkLengths(sourceLengths.length, sourceLengths);
        try (StepRunner<S> runner = new StepRunner<>(step, first.state(), manager, options)) {
            StepRunner.Scores scores = runner.read(first, sourceLengths.length, entriesToRead());
            return decode(runner, scores, sourceLengths, listener);
        }
    }

    private <S extends DecodingState> List<Hypothesis> decode(
            StepRunner<S> runner,
            StepRunner.Scores scores,
            int[] sourceLengths,
            TokenListener listener) {
        int n = sourceLengths.length;
        int[] limits = new int[n];
        for (int i = 0; i < n; i++) {
            limits[i] = options.maxLength(sourceLengths[i]);
        }
        Hypothesis[] results = new Hypothesis[n];
        Trail[] trails = new Trail[n];
        double[] logProbs = new double[n];
        int[] live = new int[n];
        for (int i = 0; i < n; i++) {
            live[i] = i;
        }
        int liveCount = n;
        boolean withAttention = scores != null && scores.attention() != null;
        float[] row = null;
        while (liveCount > 0) {
            long[] tokens = new long[liveCount];
            long[] keep = new long[liveCount];
            int kept = 0;
            for (int r = 0; r < liveCount; r++) {
                int s = live[r];
                int id;
                double logProb;
                if (sampler == null) {
                    int c = best(scores, r);
                    id = c < 0 ? -1 : scores.id(r, c);
                    logProb = c < 0 ? 0 : scores.value(r, c);
                } else {
                    row = rowOf(scores, r, row);
                    id = drawable(row) ? sampler.sample(row, random, banned) : -1;
                    logProb = id < 0 ? 0 : row[id] - logSumExp(row);
                }
                if (id < 0 || id == options.eos()) {
                    logProbs[s] += logProb;
                    results[s] =
                            Trail.finish(trails[s], logProbs[s], id >= 0, withAttention, options);
                    continue;
                }
                trails[s] = Trail.extend(trails[s], id, scores.attention(r));
                logProbs[s] += logProb;
                if (listener != null) {
                    listener.onToken(s, id);
                }
                if (Trail.length(trails[s]) >= limits[s]) {
                    results[s] =
                            Trail.finish(trails[s], logProbs[s], false, withAttention, options);
                    continue;
                }
                tokens[kept] = id;
                keep[kept] = r;
                live[kept] = s;
                kept++;
            }
            if (kept == 0) {
                break;
            }
            boolean identity = kept == liveCount;
            liveCount = kept;
            scores =
                    runner.step(
                            Arrays.copyOf(tokens, kept),
                            identity ? null : Arrays.copyOf(keep, kept),
                            entriesToRead());
        }
        return List.of(results);
    }

    /** Returns how many entries per row to read: {@code 1 + |banned|} for argmax, all to sample. */
    private int entriesToRead() {
        return sampler == null ? 1 + banned.length : 0;
    }

    /** Returns the entry of row {@code r} with the best allowed token, or -1 if there is none. */
    private int best(StepRunner.Scores scores, int r) {
        int bestEntry = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < scores.k(); c++) {
            float v = scores.value(r, c);
            if (v > bestValue && !options.isBanned(scores.id(r, c))) {
                bestEntry = c;
                bestValue = v;
            }
        }
        return bestEntry;
    }

    /** Returns row {@code r} of whole-row scores, reusing {@code buffer} when it can. */
    private static float[] rowOf(StepRunner.Scores scores, int r, float[] buffer) {
        if (scores.rows() == 1) {
            return scores.values();
        }
        float[] out =
                buffer != null && buffer.length == scores.vocab()
                        ? buffer
                        : new float[scores.vocab()];
        System.arraycopy(scores.values(), r * scores.vocab(), out, 0, scores.vocab());
        return out;
    }

    /** Returns whether some allowed token has a finite score. */
    private boolean drawable(float[] row) {
        for (int id = 0; id < row.length; id++) {
            if (row[id] > Float.NEGATIVE_INFINITY && !options.isBanned(id)) {
                return true;
            }
        }
        return false;
    }

    private static double logSumExp(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    private void checkLengths(int n, int[] sourceLengths) {
        if (sourceLengths.length != n) {
            throw new IllegalArgumentException(
                    "A search needs one source length per sentence; got "
                            + sourceLengths.length
                            + " for "
                            + n
                            + ".");
        }
        for (int length : sourceLengths) {
            options.maxLength(length); // rejects a negative length before the search starts
        }
    }
}
