package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreedySearchTest {

    private static final int EOS = 0;
    private static final int BANNED = 1;
    private static final int START = 2;
    private static final int V = 7;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static SearchOptions options(int maxLength) {
        return SearchOptions.builder()
                .optEos(EOS)
                .optBanned(BANNED, START)
                .optLengthPenalty(0)
                .optMaxLength(0, maxLength)
                .build();
    }

    private List<Hypothesis> run(
            GreedySearch search, DecodingStep<ToyModel.State> step, int n, List<int[]> streamed) {
        long[] ids = new long[n];
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            starts[i] = START;
        }
        return search.search(
                step,
                ToyModel.initial(manager, ids),
                starts,
                new int[n],
                manager,
                streamed == null ? null : (s, t) -> streamed.add(new int[] {s, t}));
    }

    @Test
    void argmaxFollowsTheMostLikelyAllowedTokenAndSumsItsLogProbabilities() {
        ToyModel toy = new ToyModel(V, 3, BANNED);
        List<Hypothesis> found = run(GreedySearch.argmax(options(10)), toy, 4, null);
        for (int s = 0; s < 4; s++) {
            Hypothesis h = found.get(s);
            double sum = 0;
            for (int i = 0; i <= h.tokens().length; i++) {
                int[] before = java.util.Arrays.copyOf(h.tokens(), i);
                float[] lp = toy.logProbs(s, ToyModel.history(START, before));
                int best = -1;
                for (int t = 0; t < V; t++) {
                    if (t != BANNED && t != START && (best < 0 || lp[t] > lp[best])) {
                        best = t;
                    }
                }
                if (i == h.tokens().length) {
                    // the end token, unless the hypothesis stopped at the limit
                    if (i < 10) {
                        assertEquals(EOS, best);
                        sum += lp[best];
                    }
                    break;
                }
                assertEquals(best, h.tokens()[i], "sentence " + s + " token " + i);
                sum += lp[best];
            }
            assertEquals(sum, h.logProb(), 1e-12);
        }
    }

    @Test
    void aBatchEqualsEachSentenceAlone() {
        ToyModel toy = new ToyModel(V, 12, BANNED);
        SearchOptions o =
                SearchOptions.builder()
                        .optEos(EOS)
                        .optBanned(BANNED, START)
                        .optMaxLength(1.5, 1)
                        .build();
        int[] sources = {4, 0, 9, 2, 6};
        GreedySearch search = GreedySearch.argmax(o);
        List<Hypothesis> batch =
                search.search(
                        toy,
                        ToyModel.initial(manager, 0, 1, 2, 3, 4),
                        new int[] {START, START, START, START, START},
                        sources,
                        manager,
                        null);
        for (int s = 0; s < sources.length; s++) {
            List<Hypothesis> alone =
                    search.search(
                            toy,
                            ToyModel.initial(manager, s),
                            new int[] {START},
                            new int[] {sources[s]},
                            manager,
                            null);
            BeamSearchTest.assertSame(alone, List.of(batch.get(s)));
        }
    }

    @Test
    void samplingStreamsEveryTokenAsChosenButNotTheEndToken() {
        ToyModel toy = new ToyModel(V, 4, BANNED);
        List<int[]> streamed = new ArrayList<>();
        GreedySearch search =
                GreedySearch.sampling(
                        options(12), new Sampler(1.5, 0, 1.0), new SplittableRandom(3));
        List<Hypothesis> found = run(search, toy, 5, streamed);
        int ended = 0;
        for (int s = 0; s < 5; s++) {
            int sentence = s;
            int[] tokens =
                    streamed.stream().filter(e -> e[0] == sentence).mapToInt(e -> e[1]).toArray();
            assertArrayEquals(found.get(s).tokens(), tokens);
            for (int t : tokens) {
                assertTrue(t != EOS && t != BANNED && t != START, "streamed " + t);
            }
            ended += tokens.length < 12 ? 1 : 0;
        }
        assertTrue(ended > 0, "no sentence drew the end token; the test shows less");
    }

    @Test
    void samplingIsReproducibleBySeed() {
        ToyModel toy = new ToyModel(V, 4, BANNED);
        Sampler sampler = new Sampler(1.0, 4, 0.9);
        List<Hypothesis> a =
                run(
                        GreedySearch.sampling(options(30), sampler, new SplittableRandom(8)),
                        toy,
                        3,
                        null);
        List<Hypothesis> b =
                run(
                        GreedySearch.sampling(options(30), sampler, new SplittableRandom(8)),
                        toy,
                        3,
                        null);
        List<Hypothesis> c =
                run(
                        GreedySearch.sampling(options(30), sampler, new SplittableRandom(9)),
                        toy,
                        3,
                        null);
        assertEquals(tokens(a), tokens(b));
        assertNotEquals(tokens(a), tokens(c));
    }

    @Test
    void samplingAtAVeryLowTemperatureIsArgmaxAndReportsTheSameLogProbabilities() {
        ToyModel toy = new ToyModel(V, 6, BANNED);
        List<Hypothesis> argmax = run(GreedySearch.argmax(options(9)), toy, 4, null);
        List<Hypothesis> cold =
                run(
                        GreedySearch.sampling(
                                options(9), new Sampler(1e-4, 0, 1.0), new SplittableRandom(1)),
                        toy,
                        4,
                        null);
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(argmax.get(s).tokens(), cold.get(s).tokens());
            assertEquals(argmax.get(s).logProb(), cold.get(s).logProb(), 1e-5);
        }
    }

    @Test
    void samplingGivesTheSameTokensFromLogitsShiftedByAConstantPerRow() {
        ToyModel toy = new ToyModel(V, 6, BANNED);
        DecodingStep<ToyModel.State> shifted =
                (tokens, state) -> {
                    StepOutput<ToyModel.State> out = toy.step(tokens, state);
                    NDArray shift = tokens.toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                    return new StepOutput<>(
                            out.logProbs().add(shift.reshape(-1, 1).mul(3)),
                            out.state(),
                            out.attention());
                };
        Sampler sampler = new Sampler(0.9, 0, 1.0);
        List<Hypothesis> plain =
                run(
                        GreedySearch.sampling(options(20), sampler, new SplittableRandom(5)),
                        toy,
                        3,
                        null);
        List<Hypothesis> logits =
                run(
                        GreedySearch.sampling(options(20), sampler, new SplittableRandom(5)),
                        shifted,
                        3,
                        null);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(plain.get(s).tokens(), logits.get(s).tokens());
            assertEquals(plain.get(s).logProb(), logits.get(s).logProb(), 1e-4);
        }
    }

    @Test
    void continuingFromAStepTheCallerRanEqualsSearchingFromTheStart() {
        ToyModel toy = new ToyModel(V, 7, BANNED);
        GreedySearch search = GreedySearch.argmax(options(15));
        List<Hypothesis> whole = run(search, toy, 3, null);
        NDManager first = manager.newSubManager();
        StepOutput<ToyModel.State> out =
                toy.step(
                        first.create(new long[] {START, START, START}),
                        ToyModel.initial(first, 0, 1, 2));
        List<int[]> streamed = new ArrayList<>();
        List<Hypothesis> continued =
                search.continueFrom(
                        toy, out, new int[3], manager, (s, t) -> streamed.add(new int[] {s, t}));
        first.close();
        for (int s = 0; s < 3; s++) {
            BeamSearchTest.assertSame(List.of(whole.get(s)), List.of(continued.get(s)));
        }
        assertEquals(whole.stream().mapToInt(h -> h.tokens().length).sum(), streamed.size());
    }

    @Test
    void withoutAnEndTokenEverySentenceRunsToItsLimit() {
        ToyModel toy = new ToyModel(V, 2, BANNED);
        SearchOptions o =
                SearchOptions.builder().optBanned(BANNED, START).optMaxLength(2, 1).build();
        int[] sources = {0, 3, 9};
        List<Hypothesis> found =
                GreedySearch.sampling(o, new Sampler(1.0, 0, 1.0), new SplittableRandom(2))
                        .search(
                                toy,
                                ToyModel.initial(manager, 0, 1, 2),
                                new int[] {START, START, START},
                                sources,
                                manager,
                                null);
        for (int s = 0; s < 3; s++) {
            assertEquals(2 * sources[s] + 1, found.get(s).tokens().length);
        }
        assertEquals(1 + 1 + 1 + 6 + 6 + 12, toy.rowsFed());
    }

    @Test
    void memoryStaysFlatOverManySteps() {
        ToyModel toy = new ToyModel(V, 2, BANNED);
        int before = manager.getManagedArrays().size();
        SearchOptions o = SearchOptions.builder().optBanned(BANNED).optMaxLength(0, 300).build();
        GreedySearch.sampling(o, new Sampler(1.0, 0, 1.0), new SplittableRandom(2))
                .search(
                        toy,
                        ToyModel.initial(manager, 0, 1),
                        new int[] {START, START},
                        new int[2],
                        manager,
                        null);
        assertEquals(300, toy.runArrays().size());
        // no selection while both sentences run: the state (3 arrays) and the tokens, every step
        assertEquals(List.of(4), toy.runArrays().stream().distinct().toList());
        assertTrue(toy.returned().stream().allMatch(NDArray::isReleased));
        assertEquals(before, manager.getManagedArrays().size());
    }

    @Test
    void attentionIsNullWhenTheStepReturnsNone() {
        ToyModel toy = new ToyModel(V, 2, BANNED);
        DecodingStep<ToyModel.State> blind =
                (tokens, state) -> {
                    StepOutput<ToyModel.State> out = toy.step(tokens, state);
                    return new StepOutput<>(out.logProbs(), out.state(), null);
                };
        List<Hypothesis> found = run(GreedySearch.argmax(options(5)), blind, 2, null);
        assertNull(found.get(0).attention());
    }

    private static String tokens(List<Hypothesis> hypotheses) {
        StringBuilder sb = new StringBuilder();
        for (Hypothesis h : hypotheses) {
            for (int t : h.tokens()) {
                sb.append(t).append(',');
            }
            sb.append('|');
        }
        return sb.toString();
    }
}
