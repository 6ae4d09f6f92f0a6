package org.seqlab.seq2seq;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over a batch of sentences, with length normalization, banned ids, per-sentence length
 * limits and n-best lists (the settings are {@link SearchOptions}).
 *
 * <p><b>How it runs.</b> N sentences start as N rows of the initial state, each fed its start
 * token. At every step each live hypothesis proposes its continuations: its log-probability plus
 * the step's log-probability of each token. Per sentence, the best 2K proposals (K = beam size) are
 * walked in order of log-probability: one ending with the end token is a finished hypothesis if it
 * ranks among the first K (fairseq's rule); any other continues, until K continue. So after the
 * first step a sentence has K rows, and the state's rows follow their hypotheses through {@link
 * DecodingState#select}. A hypothesis that reaches the sentence's length limit is finished there.
 * The best 2K + |banned| entries of each row are found with libtorch's {@code topk} and merged in
 * Java, where banned ids are skipped; the sums are kept in double precision.
 *
 * <p><b>Stopping.</b> A sentence stops when nothing of it is live, or by {@link
 * SearchOptions#stopping()}: after K finished hypotheses (the default, as fairseq), or once no live
 * hypothesis can rank above the K-th finished one. Its rows are then dropped from the batch, so a
 * finished sentence costs nothing while the others go on.
 *
 * <p><b>Result.</b> For each sentence, its finished hypotheses sorted by score, best first, at most
 * {@link SearchOptions#nBest()} of them (fewer only when the step gave fewer allowed tokens than
 * that, e.g. a vocabulary smaller than the beam). Ties keep the order in which they finished.
 *
 * <p>Instances are immutable and can be shared; each {@link #search} call owns its arrays.
 */
public final class BeamSearch {

    private final SearchOptions options;

    /** Creates a beam search with {@code options}. */
    public BeamSearch(SearchOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("A beam search needs options; got null.");
        }
        this.options = options;
    }

    /** Returns the settings. */
    public SearchOptions options() {
        return options;
    }

    /**
     * Searches the best outputs of {@code initial}'s N sentences.
     *
     * @param step the model, one token per row per call
     * @param initial the state of the N sentences, one row each; the search takes it over (frees
     *     its arrays when done)
     * @param startTokens the first token fed to each sentence (e.g. the start-of-sentence id)
     * @param sourceLengths each sentence's source length, for its length limit ({@link
     *     SearchOptions#maxLength})
     * @param manager the manager under which the search keeps its arrays while it runs
     * @return for each sentence, its n-best list
     */
    public <S extends DecodingState> List<List<Hypothesis>> search(
            DecodingStep<S> step,
            S initial,
            int[] startTokens,
            int[] sourceLengths,
            NDManager manager) {
        int n = startTokens.length;
        if (sourceLengths.length != n) {
            throw new IllegalArgumentException(
                    "Beam search needs one source length per start token; got "
                            + sourceLengths.length
                            + " for "
                            + n
                            + ".");
        }
        Sentence[] sentences = new Sentence[n];
        for (int i = 0; i < n; i++) {
            sentences[i] = new Sentence(options.maxLength(sourceLengths[i]));
            sentences[i].live.add(new Beam(null, 0.0, startTokens[i]));
        }
        int k = 2 * options.beamSize() + options.banned().length;
        try (StepRunner<S> runner = new StepRunner<>(step, initial, manager, options)) {
            long[] rows = null;
            while (true) {
                List<Beam> all = new ArrayList<>();
                for (Sentence s : sentences) {
                    all.addAll(s.live);
                }
                if (all.isEmpty()) {
                    break;
                }
                long[] tokens = new long[all.size()];
                for (int r = 0; r < tokens.length; r++) {
                    tokens[r] = all.get(r).lastToken;
                }
                StepRunner.Scores scores = runner.step(tokens, rows, k);
                List<Integer> parents = new ArrayList<>();
                int base = 0;
                for (Sentence s : sentences) {
                    int live = s.live.size();
                    if (live > 0) {
                        expand(s, scores, base, parents);
                        base += live;
                    }
                }
                rows = identity(parents, tokens.length) ? null : toLongs(parents);
            }
        }
        List<List<Hypothesis>> results = new ArrayList<>(n);
        for (Sentence s : sentences) {
            List<Hypothesis> best = new ArrayList<>(s.finished);
            best.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
            results.add(List.copyOf(best.subList(0, Math.min(options.nBest(), best.size()))));
        }
        return results;
    }

    /**
     * Advances one sentence by a step: its rows are {@code base ..} of {@code scores}; the rows its
     * new live beams come from are appended to {@code parents}.
     */
    private void expand(Sentence s, StepRunner.Scores scores, int base, List<Integer> parents) {
        int beam = options.beamSize();
        int eos = options.eos();
        List<Candidate> candidates = new ArrayList<>(s.live.size() * scores.k());
        for (int r = 0; r < s.live.size(); r++) {
            Beam b = s.live.get(r);
            for (int c = 0; c < scores.k(); c++) {
                float v = scores.value(base + r, c);
                int id = scores.id(base + r, c);
                if (v == Float.NEGATIVE_INFINITY || Float.isNaN(v) || options.isBanned(id)) {
                    continue;
                }
                candidates.add(new Candidate(b.logProb + v, r, c, id));
            }
        }
        candidates.sort(Candidate.ORDER);
        boolean withAttention = scores.attention() != null;
        List<Beam> next = new ArrayList<>(beam);
        int slots = 0;
        int rank = 0;
        for (Candidate c : candidates) {
            if (slots == beam) {
                break;
            }
            Beam b = s.live.get(c.row);
            if (c.id == eos) {
                if (rank < beam) {
                    s.finished.add(Trail.finish(b.trail, c.logProb, true, withAttention, options));
                }
            } else {
                Trail t = Trail.extend(b.trail, c.id, scores.attention(base + c.row));
                if (Trail.length(t) >= s.maxLength) {
                    s.finished.add(Trail.finish(t, c.logProb, false, withAttention, options));
                } else {
                    next.add(new Beam(t, c.logProb, c.id));
                    parents.add(base + c.row);
                }
                slots++;
            }
            rank++;
        }
        if (!next.isEmpty() && isDone(s, next.get(0).logProb)) {
            parents.subList(parents.size() - next.size(), parents.size()).clear();
            next.clear();
        }
        s.live = next;
    }

    /** Returns whether a sentence with live beams, the best at {@code bestLive}, can stop. */
    private boolean isDone(Sentence s, double bestLive) {
        int beam = options.beamSize();
        if (s.finished.size() < beam) {
            return false;
        }
        if (options.stopping() == SearchOptions.Stopping.FINISHED_K) {
            return true;
        }
        double[] scores = new double[s.finished.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -s.finished.get(i).score();
        }
        java.util.Arrays.sort(scores);
        double kth = -scores[beam - 1];
        // log-probabilities only fall; the best a live one can score is now over the longest length
        return options.score(Math.min(bestLive, 0.0), s.maxLength) <= kth;
    }

    private static boolean identity(List<Integer> parents, int rows) {
        if (parents.size() != rows) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            if (parents.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    private static long[] toLongs(List<Integer> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** A live hypothesis: its tokens, log-probability and last token (the next step's input). */
    private record Beam(Trail trail, double logProb, int lastToken) {}

    /**
     * A proposed continuation: row {@code row} of the sentence extended by entry {@code entry} of
     * its best list, token {@code id}.
     */
    private record Candidate(double logProb, int row, int entry, int id) {
        /** Best first; ties by row, then by the row's own order (libtorch's topk). */
        static final Comparator<Candidate> ORDER =
                Comparator.comparingDouble(Candidate::logProb)
                        .reversed()
                        .thenComparingInt(Candidate::row)
                        .thenComparingInt(Candidate::entry);
    }

    /** One sentence's search: its length limit, live beams and finished hypotheses. */
    private static final class Sentence {
        private final int maxLength;
        private final List<Hypothesis> finished = new ArrayList<>();
        private List<Beam> live = new ArrayList<>();

        private Sentence(int maxLength) {
            this.maxLength = maxLength;
        }
    }
}
