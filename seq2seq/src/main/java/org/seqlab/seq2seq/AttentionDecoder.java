package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * A recurrent decoder with attention over an encoded source (Luong et al. 2015): at step {@code t}
 * the recurrent stack reads the previous target token (and, with input feeding, the previous
 * attentional vector), its top state {@code s_t} attends over the source, and the attentional
 * vector {@code a_t = tanh(W_c [s_t; context_t])} gives the next token's logits.
 *
 * <p>The stack starts from the encoder's final states through a bridge, {@code h_0 = tanh(W_b last
 * + b_b)} for each layer (an LSTM's cell starts at zero). Training reads the whole target with
 * teacher forcing: without input feeding in one fused call, with it one fused call per step.
 * Inference ({@link #step}) advances one token at a time through the single-step {@link
 * StepDecoder}.
 *
 * <p>Parameters, in {@code params}: {@code <prefix>.embedding} {@code (V, E)}, the stack under
 * {@code <prefix>.rnn}, {@code <prefix>.bridge.w} {@code (L*H, S)} and {@code .b}, the attention
 * under {@code <prefix>.attention}, {@code <prefix>.combine.w} {@code (H, H+S)}, and {@code
 * <prefix>.out.w} {@code (V, H)} (absent when tied to the embedding, which needs {@code E == H})
 * and {@code <prefix>.out.b} {@code (V)}.
 */
public final class AttentionDecoder {

    /** Everything that decides a decoder's shape. */
    public record Spec(
            CellType cell,
            int vocabSize,
            int embedding,
            int hidden,
            int layers,
            int sourceSize,
            AttentionType attention,
            boolean inputFeeding,
            boolean tied,
            float dropout) {

        /** Checks sizes and the tied-embedding condition. */
        public Spec {
            if (vocabSize < 1 || embedding < 1 || hidden < 1 || layers < 1 || sourceSize < 1) {
                throw new IllegalArgumentException(
                        "A decoder needs vocabulary, embedding, hidden, layers and source sizes"
                                + " >= 1.");
            }
            if (tied && embedding != hidden) {
                throw new IllegalArgumentException(
                        "A tied output embedding needs embedding size == hidden size; got "
                                + embedding
                                + " and "
                                + hidden
                                + ".");
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException(
                        "Dropout must be in [0, 1); got " + dropout + ".");
            }
        }
    }

    /**
     * The decoder's state between steps, one row per hypothesis.
     *
     * @param rnn the recurrent state {@code (L, N, H)}
     * @param feed the previous attentional vector {@code (N, H)} (zeros at the start), or null
     *     without input feeding
     * @param memory the source each row attends over
     */
    public record State(RecurrentState rnn, NDArray feed, Attention.Memory memory)
            implements DecodingState {

        /** Returns the rows {@code rows} (int64 {@code (M)}) in that order. */
        @Override
        public State select(NDArray rows) {
            NDArray h = rnn.hidden().get(":, {}", rows);
            NDArray c = rnn.cell() == null ? null : rnn.cell().get(":, {}", rows);
            return new State(
                    new RecurrentState(h, c),
                    feed == null ? null : feed.get(rows),
                    memory.select(rows));
        }

        /** Attaches every array to {@code manager}. */
        @Override
        public void attach(NDManager manager) {
            rnn.attach(manager);
            if (feed != null) {
                feed.attach(manager);
            }
            memory.values().attach(manager);
            memory.keys().attach(manager);
            memory.mask().attach(manager);
        }
    }

    /** One inference step's log-probabilities {@code (N, V)}, state and weights {@code (N, Ts)}. */
    public record Step(NDArray logProbs, State state, NDArray attention) {}

    private final Spec spec;
    private final NDArray embedding;
    private final RecurrentStack stack;
    private final NDArray bridgeW;
    private final NDArray bridgeB;
    private final Attention attention;
    private final NDArray combine;
    private final NDArray outW;
    private final NDArray outB;

    /** Creates the decoder's parameters in {@code params} under {@code prefix}. */
    public AttentionDecoder(NamedParameters params, String prefix, Spec spec) {
        this.spec = spec;
        int h = spec.hidden();
        int s = spec.sourceSize();
        this.embedding =
                params.normal(
                        prefix + ".embedding",
                        new Shape(spec.vocabSize(), spec.embedding()),
                        1.0 / Math.sqrt(spec.embedding()));
        int input = spec.embedding() + (spec.inputFeeding() ? h : 0);
        this.stack =
                new RecurrentStack(
                        params,
                        prefix + ".rnn",
                        spec.cell(),
                        input,
                        h,
                        spec.layers(),
                        false,
                        spec.layers() > 1 ? spec.dropout() : 0f);
        double sb = 1.0 / Math.sqrt(s);
        this.bridgeW =
                params.uniform(prefix + ".bridge.w", new Shape((long) spec.layers() * h, s), sb);
        this.bridgeB =
                params.uniform(prefix + ".bridge.b", new Shape((long) spec.layers() * h), sb);
        this.attention = new Attention(params, prefix + ".attention", spec.attention(), h, s, h);
        this.combine =
                params.uniform(prefix + ".combine.w", new Shape(h, h + s), 1.0 / Math.sqrt(h + s));
        this.outW =
                spec.tied()
                        ? null
                        : params.uniform(
                                prefix + ".out.w",
                                new Shape(spec.vocabSize(), h),
                                1.0 / Math.sqrt(h));
        this.outB =
                params.uniform(prefix + ".out.b", new Shape(spec.vocabSize()), 1.0 / Math.sqrt(h));
    }

    /** Returns the shape settings. */
    public Spec spec() {
        return spec;
    }

    /**
     * Returns the start state for a batch of encoded sentences: the bridged final states, zero
     * feed, and the attention memory (its keys computed here, once).
     */
    public State start(SequenceEncoder.Encoding source) {
        NDArray last = source.last();
        long b = last.getShape().get(0);
        int h = spec.hidden();
        NDArray h0 =
                Linear.linear(last, bridgeW, bridgeB)
                        .singletonOrThrow()
                        .tanh()
                        .reshape(b, spec.layers(), h)
                        .transpose(1, 0, 2);
        NDManager m = last.getManager();
        NDArray c0 = spec.cell().hasCellState() ? m.zeros(h0.getShape()) : null;
        NDArray feed = spec.inputFeeding() ? m.zeros(new Shape(b, h)) : null;
        return new State(
                new RecurrentState(h0, c0), feed, attention.memory(source.states(), source.mask()));
    }

    /**
     * Returns the logits {@code (B, Tt, V)} for every position of {@code inputs} (teacher forcing:
     * position {@code t} holds the token before target {@code t}, starting with BOS).
     *
     * @param inputs int64 {@code (B, Tt)}
     * @param training whether dropout is active
     */
    public NDArray logits(State start, NDArray inputs, boolean training) {
        NDArray x = Embedding.embedding(inputs, embedding, SparseFormat.DENSE).singletonOrThrow();
        x = dropout(x, training);
        NDArray attentional;
        if (!spec.inputFeeding()) {
            NDArray s = stack.forward(x, start.rnn(), training).sequence();
            attentional = combine(s, attention.attend(s, start.memory()).context());
        } else {
            long steps = inputs.getShape().get(1);
            NDList outs = new NDList();
            RecurrentState state = start.rnn();
            NDArray feed = start.feed();
            for (long t = 0; t < steps; t++) {
                NDArray in = x.get(":, {}:{}", t, t + 1).concat(feed.expandDims(1), 2);
                RecurrentStack.Output o = stack.forward(in, state, training);
                state = o.state();
                NDArray a =
                        combine(
                                o.sequence(),
                                attention.attend(o.sequence(), start.memory()).context());
                feed = dropout(a.squeeze(1), training);
                outs.add(a);
            }
            attentional = outs.size() == 1 ? outs.get(0) : ai.djl.ndarray.NDArrays.concat(outs, 1);
        }
        return output(dropout(attentional, training));
    }

    /**
     * Advances every row by one token (inference, no dropout).
     *
     * @param tokens int64 {@code (N)}: each row's last token
     * @param steps the single-step decoder from {@link #stepDecoder}
     */
    public Step step(NDArray tokens, State state, StepDecoder steps) {
        NDArray x = Embedding.embedding(tokens, embedding, SparseFormat.DENSE).singletonOrThrow();
        if (spec.inputFeeding()) {
            x = x.concat(state.feed(), 1);
        }
        StepDecoder.Step stepped = steps.step(x, state.rnn());
        RecurrentState next = stepped.state();
        NDArray s = stepped.output().expandDims(1);
        Attention.Result r = attention.attend(s, state.memory());
        NDArray a = combine(s, r.context());
        NDArray logProbs = output(a).squeeze(1).logSoftmax(1);
        return new Step(
                logProbs,
                new State(next, spec.inputFeeding() ? a.squeeze(1) : null, state.memory()),
                r.weights().squeeze(1));
    }

    /**
     * Returns this decoder as a search's {@link DecodingStep}, stepping through {@code steps}: each
     * call gives the next token's log-probabilities, the new state and the attention weights.
     */
    public DecodingStep<State> decodingStep(StepDecoder steps) {
        return (tokens, state) -> {
            Step s = step(tokens, state, steps);
            return new StepOutput<>(s.logProbs(), s.state(), s.attention());
        };
    }

    /** Returns a single-step decoder over this decoder's stack, owned by {@code manager}. */
    public StepDecoder stepDecoder(NDManager manager) {
        return stack.stepDecoder(manager);
    }

    /** Returns the target embedding {@code (V, E)}. */
    public NDArray embeddingWeight() {
        return embedding;
    }

    private NDArray combine(NDArray s, NDArray context) {
        return Linear.linear(s.concat(context, 2), combine).singletonOrThrow().tanh();
    }

    private NDArray output(NDArray a) {
        return Linear.linear(a, spec.tied() ? embedding : outW, outB).singletonOrThrow();
    }

    private NDArray dropout(NDArray x, boolean training) {
        if (!training || spec.dropout() == 0) {
            return x;
        }
        return Dropout.dropout(x, spec.dropout(), true).singletonOrThrow();
    }
}
