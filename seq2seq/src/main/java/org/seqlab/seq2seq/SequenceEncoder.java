package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;

/**
 * Encodes a padded batch of token ids into one vector per sequence: embedding, a recurrent stack,
 * then masked pooling over time, so that padding never changes a sequence's encoding.
 *
 * <p>A fused bidirectional kernel run over a padded batch would start each backward pass at the
 * padded end and let padding leak into every real position. Instead, a bidirectional encoder runs
 * layer by layer, each layer as two one-layer stacks: the forward stack reads the batch as is
 * (trailing padding cannot reach earlier positions), and the backward stack reads each sequence
 * reversed within its own length ({@code x'[b, t] = x[b, len_b - 1 - t]} for {@code t < len_b},
 * padding left in place) by one batched gather; its outputs are un-reversed by the same gather and
 * concatenated to the forward outputs. This computes exactly what a deep bidirectional stack
 * computes on each unpadded sequence, with dropout between layers, not after the last.
 *
 * <p>Parameters, in {@code params}: {@code <prefix>.embedding} {@code (vocab, embedding)}; a
 * unidirectional recurrent stack under {@code <prefix>.rnn}, or for a bidirectional encoder, layer
 * {@code k}'s stacks under {@code <prefix>.rnn.l<k>.fwd} and {@code <prefix>.rnn.l<k>.bwd}; the
 * attention vector under {@code <prefix>.attention} when pooling is {@link PoolingType#ATTENTION}.
 */
public final class SequenceEncoder {

    private final NDArray embedding;
    private final boolean bidirectional;
    private final float dropout;
    private final PoolingType pooling;
    private final RecurrentStack stack;
    private final RecurrentStack[] forward;
    private final RecurrentStack[] backward;
    private final AttentionPooling attention;
    private final int stateSize;
    private final int featureSize;

    /**
     * Creates the encoder's parameters in {@code params}.
     *
     * @param vocabSize number of token ids, at least 1
     * @param embedding embedding size, at least 1
     * @param hidden hidden size of each layer and direction, at least 1
     * @param layers number of recurrent layers, at least 1
     * @param bidirectional whether each layer also reads the sequences backwards
     * @param dropout dropout between recurrent layers, in [0, 1)
     * @param pooling how states are pooled over time; null for none (only {@link #encodeSequence})
     * @throws IllegalArgumentException naming the first bad size or the dropout
     */
    public SequenceEncoder(
            NamedParameters params,
            String prefix,
            CellType cell,
            int vocabSize,
            int embedding,
            int hidden,
            int layers,
            boolean bidirectional,
            float dropout,
            PoolingType pooling) {
        this(
                params,
                prefix,
                cell,
                vocabSize,
                embedding,
                0,
                hidden,
                layers,
                bidirectional,
                dropout,
                pooling);
    }

    /**
     * Creates an encoder whose input at each position is the token's embedding concatenated with
     * {@code features} extra values given per call (e.g. a character-level encoding of the word).
     *
     * @param features extra per-position input values, at least 0
     * @see #SequenceEncoder(NamedParameters, String, CellType, int, int, int, int, boolean, float,
     *     PoolingType)
     */
    public SequenceEncoder(
            NamedParameters params,
            String prefix,
            CellType cell,
            int vocabSize,
            int embedding,
            int features,
            int hidden,
            int layers,
            boolean bidirectional,
            float dropout,
            PoolingType pooling) {
        if (features < 0) {
            throw new IllegalArgumentException(
                    "The number of extra features must be >= 0; got " + features + ".");
        }
        this.featureSize = features;
        if (vocabSize < 1 || embedding < 1) {
            throw new IllegalArgumentException(
                    "A sequence encoder needs vocabulary and embedding sizes >= 1; got "
                            + vocabSize
                            + ", "
                            + embedding
                            + ".");
        }
        if (layers < 1) {
            throw new IllegalArgumentException(
                    "A sequence encoder needs at least 1 layer; got " + layers + ".");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Dropout must be in [0, 1); got " + dropout + ".");
        }
        this.bidirectional = bidirectional;
        this.dropout = dropout;
        this.pooling = pooling;
        this.embedding = params.normal(prefix + ".embedding", new Shape(vocabSize, embedding), 1.0);
        if (bidirectional) {
            this.stack = null;
            this.forward = new RecurrentStack[layers];
            this.backward = new RecurrentStack[layers];
            for (int k = 0; k < layers; k++) {
                int in = k == 0 ? embedding + features : 2 * hidden;
                String base = prefix + ".rnn.l" + k;
                forward[k] =
                        new RecurrentStack(params, base + ".fwd", cell, in, hidden, 1, false, 0);
                backward[k] =
                        new RecurrentStack(params, base + ".bwd", cell, in, hidden, 1, false, 0);
            }
        } else {
            this.stack =
                    new RecurrentStack(
                            params,
                            prefix + ".rnn",
                            cell,
                            embedding + features,
                            hidden,
                            layers,
                            false,
                            dropout);
            this.forward = null;
            this.backward = null;
        }
        this.stateSize = hidden * (bidirectional ? 2 : 1);
        this.attention =
                pooling == PoolingType.ATTENTION
                        ? new AttentionPooling(params, prefix + ".attention", stateSize)
                        : null;
    }

    /**
     * Creates an encoder without pooling, for {@link #encodeSequence} (a decoder's source side).
     *
     * @see #SequenceEncoder(NamedParameters, String, CellType, int, int, int, int, boolean, float,
     *     PoolingType)
     */
    public SequenceEncoder(
            NamedParameters params,
            String prefix,
            CellType cell,
            int vocabSize,
            int embedding,
            int hidden,
            int layers,
            boolean bidirectional,
            float dropout) {
        this(
                params,
                prefix,
                cell,
                vocabSize,
                embedding,
                hidden,
                layers,
                bidirectional,
                dropout,
                null);
    }

    /**
     * Encodes a padded batch.
     *
     * @param ids integer token ids {@code (B, T)}; positions at or past a sequence's length are
     *     padding and may hold any valid id
     * @param lengths integer lengths {@code (B)}, each in {@code [1, T]}
     * @param training whether dropout is active
     * @return {@code (B, outputSize())}; row {@code b} depends only on {@code ids[b, 0:len_b]}
     * @throws IllegalArgumentException when the shapes disagree or a length is out of range
     */
    public NDArray encode(NDArray ids, NDArray lengths, boolean training) {
        return encode(ids, lengths, training, 0f);
    }

    /**
     * Encodes a padded batch, in training also dropping whole words: each position's embedding is
     * zeroed with probability {@code wordDropout} and the kept ones scaled by {@code 1 / (1 -
     * wordDropout)}.
     *
     * @param wordDropout in [0, 1); used only when {@code training}
     * @see #encode(NDArray, NDArray, boolean)
     */
    public NDArray encode(NDArray ids, NDArray lengths, boolean training, float wordDropout) {
        checkWordDropout(wordDropout);
        if (pooling == null) {
            throw new IllegalStateException(
                    "This encoder has no pooling; use encodeSequence for per-position states.");
        }
        Encoded e = run(ids, lengths, null, training, training ? wordDropout : 0f);
        return switch (pooling) {
            case MAX -> MaskedPooling.max(e.states, e.mask);
            case MEAN -> MaskedPooling.mean(e.states, e.mask);
            case MAX_MEAN -> MaskedPooling.maxMean(e.states, e.mask);
            case ATTENTION -> attention.pool(e.states, e.mask);
        };
    }

    /**
     * Returns the top layer's states {@code (B, T, stateSize())} before pooling, zero at padded
     * positions; at real positions they depend only on the sequence's own tokens.
     *
     * @throws IllegalArgumentException when the shapes disagree or a length is out of range
     */
    public NDArray states(NDArray ids, NDArray lengths, boolean training) {
        Encoded e = run(ids, lengths, null, training, 0f);
        return NDArrays.where(
                MaskedPooling.expand(e.states, e.mask), e.states, ids.getManager().create(0f));
    }

    /**
     * Returns the attention weights {@code (B, T)} of a batch (0 on padding), for explanations.
     *
     * @throws IllegalStateException when pooling is not {@link PoolingType#ATTENTION}
     * @throws IllegalArgumentException when the shapes disagree or a length is out of range
     */
    public NDArray attentionWeights(NDArray ids, NDArray lengths) {
        if (attention == null) {
            throw new IllegalStateException(
                    "This encoder pools by " + pooling + ", not by attention.");
        }
        Encoded e = run(ids, lengths, null, false, 0f);
        return attention.weights(e.states, e.mask);
    }

    /** Returns the size of each encoding: {@code pooling.outputSize(stateSize())}. */
    public int outputSize() {
        if (pooling == null) {
            throw new IllegalStateException("This encoder has no pooling.");
        }
        return pooling.outputSize(stateSize);
    }

    /** Returns the number of extra per-position input features (0 for none). */
    public int featureSize() {
        return featureSize;
    }

    /** Returns the size of each per-position state: hidden times the number of directions. */
    public int stateSize() {
        return stateSize;
    }

    /**
     * Returns the embedding weight {@code (vocab, embedding)}, to copy pretrained vectors into with
     * {@link PretrainedEmbedding#copyInto}.
     */
    public NDArray embeddingWeight() {
        return embedding;
    }

    /** Returns the pooling type. */
    public PoolingType pooling() {
        return pooling;
    }

    /**
     * A padded batch encoded position by position.
     *
     * @param states the top layer's states {@code (B, T, stateSize())}; at padded positions they
     *     hold anything (mask them)
     * @param mask boolean {@code (B, T)}, true at real positions
     * @param last each sequence's final state {@code (B, stateSize())}: for a bidirectional encoder
     *     the forward half at its last real position and the backward half at position 0 (where the
     *     backward reading ends); for a unidirectional one the state at the last real position
     */
    public record Encoding(NDArray states, NDArray mask, NDArray last) {}

    /**
     * Encodes a padded batch without pooling: per-position states, the mask and the final states,
     * for a decoder to attend over and start from.
     *
     * @throws IllegalArgumentException when the shapes disagree or a length is out of range
     */
    public Encoding encodeSequence(NDArray ids, NDArray lengths, boolean training) {
        return encodeSequence(ids, lengths, null, training, 0f);
    }

    /**
     * Encodes a padded batch without pooling, with extra per-position input features and word
     * dropout (see {@link #encode(NDArray, NDArray, boolean, float)}).
     *
     * @param features {@code (B, T, featureSize())} float values concatenated to each position's
     *     embedding; null when the encoder has no extra features
     * @param wordDropout in [0, 1); used only when {@code training}; drops the embedding, not the
     *     features
     * @throws IllegalArgumentException when the shapes disagree or a length is out of range
     */
    public Encoding encodeSequence(
            NDArray ids, NDArray lengths, NDArray features, boolean training, float wordDropout) {
        checkWordDropout(wordDropout);
        Encoded e = run(ids, lengths, features, training, training ? wordDropout : 0f);
        NDArray states = e.states;
        Shape s = states.getShape();
        NDArray lastIndex =
                lengths.toType(DataType.INT64, false)
                        .sub(1)
                        .reshape(s.get(0), 1, 1)
                        .broadcast(s.get(0), 1, s.get(2));
        NDArray atEnd = states.gather(lastIndex, 1).squeeze(1);
        if (!bidirectional) {
            return new Encoding(states, e.mask, atEnd);
        }
        long h = s.get(2) / 2;
        NDArray last = atEnd.get(":, 0:" + h).concat(states.get(":, 0, " + h + ":"), 1);
        return new Encoding(states, e.mask, last);
    }

    private record Encoded(NDArray states, NDArray mask) {}

    private static void checkWordDropout(float wordDropout) {
        if (!(wordDropout >= 0 && wordDropout < 1)) {
            throw new IllegalArgumentException(
                    "Word dropout must be in [0, 1); got " + wordDropout + ".");
        }
    }

    private Encoded run(
            NDArray ids, NDArray lengths, NDArray features, boolean training, float wordDropout) {
        Shape s = ids.getShape();
        if (s.dimension() != 2 || !ids.getDataType().isInteger()) {
            throw new IllegalArgumentException(
                    "Expected integer token ids (batch, time), got "
                            + s
                            + " "
                            + ids.getDataType()
                            + ".");
        }
        if (lengths.getShape().dimension() != 1 || lengths.getShape().get(0) != s.get(0)) {
            throw new IllegalArgumentException(
                    "Expected one length per sequence, shape ("
                            + s.get(0)
                            + "), got "
                            + lengths.getShape()
                            + " for ids "
                            + s
                            + ".");
        }
        long[] lens = Masks.lengthsOf(lengths, s.get(1));
        NDArray mask = Masks.lengthMask(ids.getManager(), lens, s.get(1));
        NDArray tokens =
                ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        NDArray x = Embedding.embedding(tokens, embedding, SparseFormat.DENSE).singletonOrThrow();
        if (wordDropout > 0) {
            NDArray keep =
                    ids.getManager()
                            .randomUniform(0f, 1f, new Shape(s.get(0), s.get(1), 1))
                            .gte(wordDropout)
                            .toType(x.getDataType(), false)
                            .div(1 - wordDropout);
            x = x.mul(keep);
        }
        if (featureSize > 0) {
            Shape expected = new Shape(s.get(0), s.get(1), featureSize);
            if (features == null || !features.getShape().equals(expected)) {
                throw new IllegalArgumentException(
                        "Expected extra features of shape "
                                + expected
                                + ", got "
                                + (features == null ? "none" : features.getShape())
                                + ".");
            }
            x = x.concat(features, 2);
        } else if (features != null) {
            throw new IllegalArgumentException("This encoder takes no extra features.");
        }
        if (!bidirectional) {
            return new Encoded(stack.forward(x, null, training).sequence(), mask);
        }
        NDArray reverse = reverseIndex(ids, lens);
        for (int k = 0; k < forward.length; k++) {
            if (k > 0 && training && dropout > 0) {
                x = Dropout.dropout(x, dropout, true).singletonOrThrow();
            }
            NDArray ahead = forward[k].forward(x, null, training).sequence();
            NDArray back =
                    reverseWithin(
                            backward[k]
                                    .forward(reverseWithin(x, reverse), null, training)
                                    .sequence(),
                            reverse);
            x = ahead.concat(back, 2);
        }
        return new Encoded(x, mask);
    }

    /** Returns {@code idx[b, t] = len_b - 1 - t} for {@code t < len_b}, else {@code t}. */
    private static NDArray reverseIndex(NDArray ids, long[] lens) {
        int t = Math.toIntExact(ids.getShape().get(1));
        long[] idx = new long[lens.length * t];
        for (int b = 0; b < lens.length; b++) {
            for (int s = 0; s < t; s++) {
                idx[b * t + s] = s < lens[b] ? lens[b] - 1 - s : s;
            }
        }
        return ids.getManager().create(idx, new Shape(lens.length, t));
    }

    /** Reverses each row of {@code x (B, T, D)} within its length; its own inverse. */
    static NDArray reverseWithin(NDArray x, NDArray reverse) {
        NDArray index = reverse.expandDims(2).broadcast(x.getShape());
        return x.gather(index, 1);
    }
}
