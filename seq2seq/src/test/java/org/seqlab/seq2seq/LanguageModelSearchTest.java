package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The language model as a decoding step: its state's rows, its scores, and searches over it. */
class LanguageModelSearchTest {

    private static final int V = 9;
    private static final int EOS = 3;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private RecurrentLanguageModel model(CellType cell) {
        return new RecurrentLanguageModel(new LanguageModelSpec(cell, V, 5, 8, 2, 0f), manager, 4);
    }

    @Test
    void selectTakesBatchRowsInOrderAlongAxisOne() {
        NDArray h = manager.randomUniform(-1, 1, new Shape(2, 3, 4));
        NDArray c = manager.randomUniform(-1, 1, new Shape(2, 3, 4));
        RecurrentState picked =
                new RecurrentState(h, c).select(manager.create(new long[] {2, 0, 0, 1}));
        assertEquals(new Shape(2, 4, 4), picked.hidden().getShape());
        long[] rows = {2, 0, 0, 1};
        for (int layer = 0; layer < 2; layer++) {
            for (int i = 0; i < rows.length; i++) {
                assertArrayEquals(
                        h.get(layer, rows[i]).toFloatArray(),
                        picked.hidden().get(layer, i).toFloatArray());
                assertArrayEquals(
                        c.get(layer, rows[i]).toFloatArray(),
                        picked.cell().get(layer, i).toFloatArray());
            }
        }
    }

    @Test
    void theStepperGivesLogProbabilitiesOrLogitsOfTheSameDistribution() {
        RecurrentLanguageModel lm = model(CellType.LSTM);
        RecurrentState state = lm.zeroState(manager, 2);
        NDArray tokens = manager.create(new long[] {1, 5});
        try (RecurrentLanguageModel.Stepper normalized = lm.stepper(manager, true);
                RecurrentLanguageModel.Stepper raw = lm.stepper(manager, false)) {
            NDArray logProbs = normalized.step(tokens, state).logProbs();
            NDArray logits = raw.step(tokens, state).logProbs();
            assertArrayEquals(
                    new float[] {1f, 1f}, logProbs.exp().sum(new int[] {1}).toFloatArray(), 1e-5f);
            assertArrayEquals(logits.logSoftmax(1).toFloatArray(), logProbs.toFloatArray(), 1e-6f);
            // the step equals the whole-window forward pass at its position
            NDArray window = manager.create(new long[] {1, 5}, new Shape(2, 1));
            NDArray whole = lm.forward(window, state, false).logits().reshape(2, V);
            assertArrayEquals(whole.toFloatArray(), logits.toFloatArray(), 1e-5f);
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void aBatchedBeamSearchOverTheModelEqualsEachPrimeAlone(CellType cell) {
        RecurrentLanguageModel lm = model(cell);
        long[][] primes = {{1, 4, 2}, {6, 6, 0}, {5, 7, 8}};
        SearchOptions o =
                SearchOptions.builder()
                        .optBeamSize(3)
                        .optEos(EOS)
                        .optBanned(0)
                        .optMaxLength(0, 12)
                        .build();
        BeamSearch search = new BeamSearch(o);
        try (RecurrentLanguageModel.Stepper stepper = lm.stepper(manager, true)) {
            List<RecurrentState> states = new ArrayList<>();
            int[] starts = new int[primes.length];
            for (int i = 0; i < primes.length; i++) {
                states.add(primeState(lm, primes[i]));
                starts[i] = (int) primes[i][2];
            }
            List<List<Hypothesis>> batch =
                    search.search(stepper, concat(states), starts, new int[3], manager);
            for (int i = 0; i < primes.length; i++) {
                List<Hypothesis> alone =
                        search.search(
                                        stepper,
                                        primeState(lm, primes[i]),
                                        new int[] {starts[i]},
                                        new int[1],
                                        manager)
                                .get(0);
                assertEquals(alone.size(), batch.get(i).size());
                for (int r = 0; r < alone.size(); r++) {
                    assertArrayEquals(alone.get(r).tokens(), batch.get(i).get(r).tokens());
                    assertEquals(alone.get(r).logProb(), batch.get(i).get(r).logProb(), 1e-4);
                }
            }
        }
    }

    @Test
    void thousandsOfStepsLeaveNoArraysBehind() {
        RecurrentLanguageModel lm = model(CellType.LSTM);
        int modelArrays = manager.getManagedArrays().size();
        List<Integer> held = new ArrayList<>();
        try (RecurrentLanguageModel.Stepper stepper = lm.stepper(manager, false)) {
            int withStepper = manager.getManagedArrays().size();
            DecodingStep<RecurrentState> counting =
                    (tokens, state) -> {
                        held.add(tokens.getManager().getParentManager().getManagedArrays().size());
                        return stepper.step(tokens, state);
                    };
            SearchOptions o = SearchOptions.builder().optBanned(0).optMaxLength(0, 2000).build();
            List<Hypothesis> out =
                    GreedySearch.sampling(
                                    o, new Sampler(1.0, 0, 1.0), new java.util.SplittableRandom(1))
                            .search(
                                    counting,
                                    lm.zeroState(manager, 2),
                                    new int[] {1, 2},
                                    new int[2],
                                    manager,
                                    null);
            assertEquals(2000, out.get(0).tokens().length);
            assertEquals(withStepper, manager.getManagedArrays().size());
        }
        assertEquals(modelArrays, manager.getManagedArrays().size());
        // every step starts from the same few arrays: the state (h, c) and the tokens
        assertEquals(List.of(3), held.stream().distinct().toList());
    }

    /** Returns the state after reading {@code prime} with the fused kernel. */
    private RecurrentState primeState(RecurrentLanguageModel lm, long[] prime) {
        NDArray x = manager.create(prime, new Shape(1, prime.length));
        return lm.forward(x.get(":, 0:{}", prime.length - 1), null, false).state();
    }

    private static RecurrentState concat(List<RecurrentState> states) {
        NDList hs = new NDList();
        NDList cs = new NDList();
        for (RecurrentState s : states) {
            hs.add(s.hidden());
            if (s.cell() != null) {
                cs.add(s.cell());
            }
        }
        return new RecurrentState(
                NDArrays.concat(hs, 1), cs.isEmpty() ? null : NDArrays.concat(cs, 1));
    }

    @Test
    void aHypothesisScoresWhatTheModelSaysOfItsTokens() {
        RecurrentLanguageModel lm = model(CellType.GRU);
        SearchOptions o =
                SearchOptions.builder().optBeamSize(2).optEos(EOS).optMaxLength(0, 6).build();
        try (RecurrentLanguageModel.Stepper stepper = lm.stepper(manager, true)) {
            Hypothesis best =
                    new BeamSearch(o)
                            .search(
                                    stepper,
                                    lm.zeroState(manager, 1),
                                    new int[] {1},
                                    new int[1],
                                    manager)
                            .get(0)
                            .get(0);
            List<Long> seq = new ArrayList<>(List.of(1L));
            for (int t : best.tokens()) {
                seq.add((long) t);
            }
            boolean ended = best.tokens().length < 6;
            long[] ids = seq.stream().mapToLong(Long::longValue).toArray();
            NDArray logProbs =
                    lm.forward(manager.create(ids, new Shape(1, ids.length)), null, false)
                            .logits()
                            .logSoftmax(2);
            double sum = 0;
            for (int i = 0; i < best.tokens().length; i++) {
                sum += logProbs.getFloat(0, i, best.tokens()[i]);
            }
            if (ended) {
                sum += logProbs.getFloat(0, best.tokens().length, EOS);
            }
            assertEquals(sum, best.logProb(), 1e-4);
            assertTrue(best.logProb() < 0);
        }
    }
}
