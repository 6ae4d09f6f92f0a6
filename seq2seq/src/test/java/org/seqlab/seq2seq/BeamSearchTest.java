package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeamSearchTest {

    private static final int EOS = 0;
    private static final int BANNED = 1;
    private static final int START = 2;
    private static final int V = 6;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static SearchOptions.Builder options() {
        return SearchOptions.builder().optEos(EOS).optBanned(BANNED, START);
    }

    private List<List<Hypothesis>> beam(ToyModel toy, SearchOptions o, long[] ids, int[] sources) {
        int[] starts = new int[ids.length];
        java.util.Arrays.fill(starts, START);
        return new BeamSearch(o)
                .search(toy, ToyModel.initial(manager, ids), starts, sources, manager);
    }

    @ParameterizedTest
    @CsvSource({
        "0.0, FINISHED_K",
        "0.0, NO_BETTER_LIVE",
        "0.6, FINISHED_K",
        "1.0, NO_BETTER_LIVE",
        "2.0, NO_BETTER_LIVE"
    })
    void aBeamWideEnoughForEveryPrefixFindsTheBestOfAllSequences(
            double alpha, SearchOptions.Stopping stopping) {
        // 4 allowed tokens, length <= 4: 341 complete outputs, at most 320 proposals a step
        ToyModel toy = new ToyModel(V, 5, BANNED);
        SearchOptions o =
                options()
                        .optBeamSize(400)
                        .optNBest(5)
                        .optLengthPenalty(alpha)
                        .optMaxLength(0, 4)
                        .optStopping(stopping)
                        .build();
        for (int sentence = 0; sentence < 3; sentence++) {
            List<Hypothesis> all = Enumeration.all(toy, sentence, START, 4, EOS, o);
            all.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
            List<Hypothesis> found = beam(toy, o, new long[] {sentence}, new int[] {0}).get(0);
            assertEquals(5, found.size());
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(all.get(i).tokens(), found.get(i).tokens(), "rank " + i);
                assertEquals(all.get(i).logProb(), found.get(i).logProb(), 1e-12);
                assertEquals(all.get(i).score(), found.get(i).score(), 1e-12);
            }
        }
    }

    @Test
    void lengthNormalizationChangesTheWinnerTowardsLongerOutputs() {
        // the enumeration itself: a check that the two settings of the test above differ
        ToyModel toy = new ToyModel(V, 5, BANNED);
        int shorter = 0;
        for (int sentence = 0; sentence < 6; sentence++) {
            Hypothesis raw =
                    best(
                            Enumeration.all(
                                    toy,
                                    sentence,
                                    START,
                                    4,
                                    EOS,
                                    options().optLengthPenalty(0).build()));
            Hypothesis normalized =
                    best(
                            Enumeration.all(
                                    toy,
                                    sentence,
                                    START,
                                    4,
                                    EOS,
                                    options().optLengthPenalty(1).build()));
            assertTrue(raw.tokens().length <= normalized.tokens().length);
            shorter += raw.tokens().length < normalized.tokens().length ? 1 : 0;
        }
        assertTrue(shorter > 0, "no sentence where normalization prefers a longer output");
    }

    private static Hypothesis best(List<Hypothesis> all) {
        return all.stream().max(Comparator.comparingDouble(Hypothesis::score)).orElseThrow();
    }

    @Test
    void aNarrowBeamReturnsSortedHypothesesWhoseScoresAreRight() {
        ToyModel toy = new ToyModel(V, 9, BANNED);
        SearchOptions o = options().optBeamSize(3).optLengthPenalty(1).optMaxLength(1, 3).build();
        int[] sources = {1, 4, 2, 6};
        List<List<Hypothesis>> found = beam(toy, o, new long[] {0, 1, 2, 3}, sources);
        for (int s = 0; s < 4; s++) {
            List<Hypothesis> list = found.get(s);
            assertEquals(3, list.size());
            for (int i = 0; i < list.size(); i++) {
                Hypothesis h = list.get(i);
                // a hypothesis at the limit ended there, without the end token
                boolean ended = h.tokens().length < o.maxLength(sources[s]);
                double expected = Enumeration.logProb(toy, s, START, h.tokens(), EOS, ended);
                assertEquals(expected, h.logProb(), 1e-12);
                assertEquals(expected / (h.tokens().length + (ended ? 1 : 0)), h.score(), 1e-12);
                if (i > 0) {
                    assertTrue(list.get(i - 1).score() >= h.score());
                }
            }
        }
    }

    @Test
    void aBatchEqualsEachSentenceAlone() {
        ToyModel toy = new ToyModel(V, 3, BANNED);
        SearchOptions o = options().optBeamSize(3).optLengthPenalty(1).optMaxLength(1, 2).build();
        long[] ids = {0, 1, 2, 3, 4};
        int[] sources = {2, 5, 1, 3, 0};
        List<List<Hypothesis>> batch = beam(toy, o, ids, sources);
        for (int s = 0; s < ids.length; s++) {
            List<Hypothesis> alone =
                    beam(toy, o, new long[] {ids[s]}, new int[] {sources[s]}).get(0);
            assertSame(alone, batch.get(s));
        }
    }

    @Test
    void finishedSentencesLeaveTheBatch() {
        // sentence 0 may output one token, sentence 1 twelve: after its first steps, only
        // sentence 1's three rows are fed
        ToyModel toy = new ToyModel(V, 3, BANNED);
        SearchOptions o =
                SearchOptions.builder()
                        .optBeamSize(3)
                        .optBanned(BANNED, START)
                        .optMaxLength(1, 0)
                        .build();
        beam(toy, o, new long[] {0, 1}, new int[] {1, 12});
        assertEquals(2 + 3 * 11, toy.rowsFed());
    }

    @Test
    void beamSizeOneIsGreedy() {
        ToyModel toy = new ToyModel(V, 11, BANNED);
        SearchOptions o = options().optBeamSize(1).optLengthPenalty(0).optMaxLength(1, 3).build();
        long[] ids = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] sources = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] starts = new int[ids.length];
        java.util.Arrays.fill(starts, START);
        List<Hypothesis> greedy =
                GreedySearch.argmax(o)
                        .search(
                                toy,
                                ToyModel.initial(manager, ids),
                                starts,
                                sources,
                                manager,
                                null);
        List<List<Hypothesis>> beam = beam(toy, o, ids, sources);
        int ended = 0;
        for (int s = 0; s < ids.length; s++) {
            assertEquals(1, beam.get(s).size());
            assertSame(List.of(greedy.get(s)), beam.get(s));
            ended += greedy.get(s).tokens().length < o.maxLength(sources[s]) ? 1 : 0;
        }
        assertTrue(ended > 0, "no sentence ended with the end token; the test shows less");
    }

    @Test
    void bannedIdsAreNeverChosenThoughTheyAreTheMostLikely() {
        ToyModel toy = new ToyModel(V, 4, BANNED, START);
        SearchOptions o = options().optBeamSize(4).optMaxLength(0, 8).build();
        for (List<Hypothesis> list : beam(toy, o, new long[] {0, 1, 2}, new int[] {0, 0, 0})) {
            assertEquals(4, list.size());
            for (Hypothesis h : list) {
                for (int t : h.tokens()) {
                    assertTrue(t != BANNED && t != START && t != EOS, "chose " + t);
                }
            }
        }
    }

    @Test
    void noHypothesisIsLongerThanItsSentencesLimit() {
        ToyModel toy = new ToyModel(V, 6, BANNED);
        int[] sources = {0, 1, 3, 7};
        // without an end token every hypothesis runs to the limit: 2, 3, 5 and 9 tokens
        SearchOptions none =
                SearchOptions.builder().optBeamSize(3).optBanned(BANNED).optMaxLength(1, 2).build();
        List<List<Hypothesis>> full = beam(toy, none, new long[] {0, 1, 2, 3}, sources);
        for (int s = 0; s < sources.length; s++) {
            for (Hypothesis h : full.get(s)) {
                assertEquals(sources[s] + 2, h.tokens().length);
            }
        }
        SearchOptions o = options().optBeamSize(3).optMaxLength(0.5, 1).build();
        List<List<Hypothesis>> cut = beam(toy, o, new long[] {0, 1, 2, 3}, sources);
        for (int s = 0; s < sources.length; s++) {
            int limit = (int) Math.floor(0.5 * sources[s] + 1);
            for (Hypothesis h : cut.get(s)) {
                assertTrue(h.tokens().length <= limit, h.tokens().length + " > " + limit);
            }
        }
    }

    @Test
    void attentionHasOneRowPerTokenFromTheStepThatScoredIt() {
        ToyModel toy = new ToyModel(V, 8, BANNED);
        SearchOptions o = options().optBeamSize(3).optMaxLength(0, 6).build();
        List<List<Hypothesis>> found = beam(toy, o, new long[] {4, 7}, new int[] {0, 0});
        for (int s = 0; s < 2; s++) {
            for (Hypothesis h : found.get(s)) {
                assertEquals(h.tokens().length, h.attention().length);
                for (int i = 0; i < h.tokens().length; i++) {
                    int last = i == 0 ? START : h.tokens()[i - 1];
                    assertArrayEquals(
                            ToyModel.attention(new int[] {4, 7}[s], i, last), h.attention()[i]);
                }
            }
        }
    }

    @Test
    void memoryStaysFlatAndTheSearchFreesWhatItMade() {
        ToyModel toy = new ToyModel(V, 2, BANNED);
        NDArray kept = manager.zeros(new ai.djl.ndarray.types.Shape(2));
        int before = manager.getManagedArrays().size();
        SearchOptions o =
                SearchOptions.builder()
                        .optBeamSize(3)
                        .optBanned(BANNED)
                        .optMaxLength(0, 60)
                        .build();
        beam(toy, o, new long[] {0, 1}, new int[] {0, 0});
        assertEquals(60, toy.runArrays().size());
        // During a step the search's manager holds only that step's inputs: the state (3 arrays),
        // its selection (3 more) and the row index, and the tokens; never a growing pile.
        for (int count : toy.runArrays()) {
            assertTrue(count <= 8, "arrays held during a step: " + toy.runArrays());
        }
        for (NDArray a : toy.returned()) {
            assertTrue(a.isReleased(), "a step's output outlived the search");
        }
        // the caller keeps its own arrays; the initial state, taken over, is freed
        assertEquals(before, manager.getManagedArrays().size());
        assertTrue(!kept.isReleased());
    }

    @Test
    void rejectsMismatchedInputsAndIdsOutsideTheVocabulary() {
        ToyModel toy = new ToyModel(V, 2);
        BeamSearch search = new BeamSearch(options().build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        search.search(
                                toy,
                                ToyModel.initial(manager, 0, 1),
                                new int[] {START, START},
                                new int[] {1},
                                manager));
        BeamSearch outside = new BeamSearch(SearchOptions.builder().optEos(V).build());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        outside.search(
                                toy,
                                ToyModel.initial(manager, 0),
                                new int[] {START},
                                new int[] {1},
                                manager));
    }

    /** Asserts two n-best lists hold the same hypotheses: tokens, values and attention. */
    static void assertSame(List<Hypothesis> expected, List<Hypothesis> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Hypothesis e = expected.get(i);
            Hypothesis a = actual.get(i);
            assertArrayEquals(e.tokens(), a.tokens(), "rank " + i);
            assertEquals(e.logProb(), a.logProb(), 1e-12);
            assertEquals(e.score(), a.score(), 1e-12);
            assertEquals(e.attention().length, a.attention().length);
            for (int t = 0; t < e.attention().length; t++) {
                assertArrayEquals(e.attention()[t], a.attention()[t]);
            }
        }
    }

    /** Every complete output of the toy model, by brute force. */
    static final class Enumeration {
        private Enumeration() {}

        /** Returns every hypothesis of at most {@code maxLength} tokens, ended or cut there. */
        static List<Hypothesis> all(
                ToyModel toy, int sentence, int start, int maxLength, int eos, SearchOptions o) {
            List<Hypothesis> out = new ArrayList<>();
            extend(toy, sentence, new ArrayList<>(), start, 0.0, maxLength, eos, o, out);
            return out;
        }

        private static void extend(
                ToyModel toy,
                int sentence,
                List<Integer> prefix,
                int start,
                double logProb,
                int maxLength,
                int eos,
                SearchOptions o,
                List<Hypothesis> out) {
            int[] tokens = prefix.stream().mapToInt(Integer::intValue).toArray();
            float[] lp = toy.logProbs(sentence, ToyModel.history(start, tokens));
            if (eos >= 0) {
                double ended = logProb + lp[eos];
                out.add(new Hypothesis(tokens, ended, o.score(ended, tokens.length + 1), null));
            }
            for (int t = 0; t < toy.vocab(); t++) {
                if (t == eos || o.isBanned(t)) {
                    continue;
                }
                List<Integer> longer = new ArrayList<>(prefix);
                longer.add(t);
                double sum = logProb + lp[t];
                if (longer.size() == maxLength) {
                    int[] cut = longer.stream().mapToInt(Integer::intValue).toArray();
                    out.add(new Hypothesis(cut, sum, o.score(sum, cut.length), null));
                } else {
                    extend(toy, sentence, longer, start, sum, maxLength, eos, o, out);
                }
            }
        }

        /** Returns the log-probability of {@code tokens}, plus the end token if {@code ended}. */
        static double logProb(
                ToyModel toy, int sentence, int start, int[] tokens, int eos, boolean ended) {
            double sum = 0;
            for (int i = 0; i < tokens.length; i++) {
                int[] before = java.util.Arrays.copyOf(tokens, i);
                sum += toy.logProbs(sentence, ToyModel.history(start, before))[tokens[i]];
            }
            return ended ? sum + toy.logProbs(sentence, ToyModel.history(start, tokens))[eos] : sum;
        }
    }
}
