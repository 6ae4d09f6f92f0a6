package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A decoding step with a known distribution, for checking searches against enumeration: the next
 * token's log-probabilities are a fixed pseudo-random function of the sentence and of every token
 * fed so far (a hash of them), computed in Java; the attention row over a source of {@link #SOURCE}
 * positions is (sentence, position, last token).
 *
 * <p>The state is each row's sentence id, position and history hash, as int64 arrays: a search that
 * selects the wrong rows feeds a row another hypothesis's distribution, which the checks against
 * enumeration and the batched-versus-alone checks see. The sentence array is carried unchanged from
 * step to step (the same array object), as an encoder's memory would be.
 */
final class ToyModel implements DecodingStep<ToyModel.State> {

    static final int SOURCE = 3;

    private final int vocab;
    private final long seed;
    private final int[] favoured;
    private final List<Integer> runArrays = new ArrayList<>();
    private final List<NDArray> returned = new ArrayList<>();
    private int rowsFed;

    /**
     * @param favoured ids given a large bonus before normalization, so that a search that forgot to
     *     ban them would pick them
     */
    ToyModel(int vocab, long seed, int... favoured) {
        this.vocab = vocab;
        this.seed = seed;
        this.favoured = favoured.clone();
    }

    /** The rows' sentence ids, positions and history hashes, int64 {@code (N)} each. */
    record State(NDArray sentence, NDArray position, NDArray history) implements DecodingState {
        @Override
        public State select(NDArray rows) {
            NDIndex index = new NDIndex("{}", rows);
            return new State(sentence.get(index), position.get(index), history.get(index));
        }

        @Override
        public void attach(NDManager manager) {
            sentence.attach(manager);
            position.attach(manager);
            history.attach(manager);
        }
    }

    /** Returns the state of sentences {@code ids}, at position 0 with nothing fed. */
    static State initial(NDManager manager, long... ids) {
        Shape shape = new Shape(ids.length);
        return new State(
                manager.create(ids),
                manager.zeros(shape, DataType.INT64),
                manager.zeros(shape, DataType.INT64));
    }

    /** Returns the history hash after feeding {@code token} to {@code history}. */
    static long feed(long history, int token) {
        return (history * 1_000_003L + token + 1) & 0xFFFF_FFFF_FFFFL;
    }

    /** Returns the history hash of feeding {@code start}, then {@code tokens}. */
    static long history(int start, int[] tokens) {
        long h = feed(0, start);
        for (int t : tokens) {
            h = feed(h, t);
        }
        return h;
    }

    @Override
    public StepOutput<State> step(NDArray lastTokens, State state) {
        NDManager sub = lastTokens.getManager();
        runArrays.add(sub.getParentManager().getManagedArrays().size());
        long[] sentences = state.sentence().toLongArray();
        long[] positions = state.position().toLongArray();
        long[] histories = state.history().toLongArray();
        long[] last = lastTokens.toLongArray();
        int n = last.length;
        rowsFed += n;
        float[] logProbs = new float[n * vocab];
        float[] attention = new float[n * SOURCE];
        for (int r = 0; r < n; r++) {
            histories[r] = feed(histories[r], (int) last[r]);
            float[] row = logProbs((int) sentences[r], histories[r]);
            System.arraycopy(row, 0, logProbs, r * vocab, vocab);
            float[] a = attention((int) sentences[r], (int) positions[r], (int) last[r]);
            System.arraycopy(a, 0, attention, r * SOURCE, SOURCE);
        }
        NDArray out = sub.create(logProbs, new Shape(n, vocab));
        returned.add(out);
        return new StepOutput<>(
                out,
                new State(state.sentence(), state.position().add(1), sub.create(histories)),
                sub.create(attention, new Shape(n, SOURCE)));
    }

    /**
     * Returns the log-probabilities of the next token after the tokens hashed in {@code history}.
     */
    float[] logProbs(int sentence, long history) {
        Random random = new Random(seed * 1_000_003L + sentence * 7919L + history * 131L);
        double[] logits = new double[vocab];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            logits[i] = 1.5 * random.nextGaussian();
            max = Math.max(max, logits[i]);
        }
        for (int id : favoured) {
            logits[id] = max + 3;
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l);
        }
        float[] out = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            out[i] = (float) (logits[i] - Math.log(sum));
        }
        return out;
    }

    /** Returns the attention row of the step that scores position {@code position}. */
    static float[] attention(int sentence, int position, int last) {
        return new float[] {sentence, position, last};
    }

    int vocab() {
        return vocab;
    }

    /** The number of arrays the search's own manager held at the start of each step. */
    List<Integer> runArrays() {
        return runArrays;
    }

    /** Every log-probability array the step returned. */
    List<NDArray> returned() {
        return returned;
    }

    /** The total number of rows fed, over all steps. */
    int rowsFed() {
        return rowsFed;
    }
}
