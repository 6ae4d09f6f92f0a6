package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * Masked attention of queries over a padded batch of source states: scores by {@link
 * AttentionType}, a softmax over the real source positions (padding gets exactly 0), and the
 * weighted sum of the states.
 *
 * <p>What depends only on the source (the projected keys, the zeroed values, the mask) is computed
 * once per sentence by {@link #memory} and reused at every decoding step. Parameters, in {@code
 * params}: {@code <prefix>.w} {@code (query, key)} for Luong general; {@code <prefix>.wq} {@code
 * (size, query)}, {@code <prefix>.wk} {@code (size, key)} and {@code <prefix>.v} {@code (size)} for
 * Bahdanau; none for Luong dot.
 */
public final class Attention {

    private final AttentionType type;
    private final int querySize;
    private final int keySize;
    private final NDArray w;
    private final NDArray wq;
    private final NDArray wk;
    private final NDArray v;

    /**
     * The source side of attention, computed once per batch of sentences.
     *
     * @param values source states {@code (B, Ts, key)}, zero at padded positions
     * @param keys what queries are scored against: {@code (B, Ts, query)} for Luong, {@code (B, Ts,
     *     size)} for Bahdanau
     * @param mask boolean {@code (B, Ts)}, true at real positions
     */
    public record Memory(NDArray values, NDArray keys, NDArray mask) {

        /** Returns the rows {@code rows} (int64 {@code (M)}) of every array, in that order. */
        public Memory select(NDArray rows) {
            return new Memory(values.get(rows), keys.get(rows), mask.get(rows));
        }

        /** Returns the number of sentences {@code B}. */
        public long batch() {
            return values.getShape().get(0);
        }
    }

    /** Contexts {@code (B, Tq, key)} and the weights {@code (B, Tq, Ts)} that made them. */
    public record Result(NDArray context, NDArray weights) {}

    /**
     * Creates the attention's parameters in {@code params}.
     *
     * @param querySize size of each query (the decoder state)
     * @param keySize size of each source state
     * @param size hidden size of the additive scorer (Bahdanau only; ignored otherwise)
     * @throws IllegalArgumentException for sizes below 1, or Luong dot with different sizes
     */
    public Attention(
            NamedParameters params,
            String prefix,
            AttentionType type,
            int querySize,
            int keySize,
            int size) {
        if (querySize < 1 || keySize < 1 || (type == AttentionType.BAHDANAU && size < 1)) {
            throw new IllegalArgumentException(
                    "Attention needs sizes >= 1; got query "
                            + querySize
                            + ", key "
                            + keySize
                            + ", size "
                            + size
                            + ".");
        }
        if (type == AttentionType.LUONG_DOT && querySize != keySize) {
            throw new IllegalArgumentException(
                    "Luong dot attention needs equal query and key sizes; got "
                            + querySize
                            + " and "
                            + keySize
                            + " (use luong-general or bahdanau).");
        }
        this.type = type;
        this.querySize = querySize;
        this.keySize = keySize;
        double kb = 1.0 / Math.sqrt(keySize);
        double qb = 1.0 / Math.sqrt(querySize);
        this.w =
                type == AttentionType.LUONG_GENERAL
                        ? params.uniform(prefix + ".w", new Shape(querySize, keySize), kb)
                        : null;
        boolean additive = type == AttentionType.BAHDANAU;
        this.wq = additive ? params.uniform(prefix + ".wq", new Shape(size, querySize), qb) : null;
        this.wk = additive ? params.uniform(prefix + ".wk", new Shape(size, keySize), kb) : null;
        this.v =
                additive
                        ? params.uniform(prefix + ".v", new Shape(size), 1.0 / Math.sqrt(size))
                        : null;
    }

    /**
     * Prepares the source side: values with padding zeroed and the keys projected once.
     *
     * @param states {@code (B, Ts, key)}
     * @param mask boolean {@code (B, Ts)}, true at real positions; each row has at least one
     * @throws IllegalArgumentException when the shapes do not match
     */
    public Memory memory(NDArray states, NDArray mask) {
        MaskedPooling.checkShapes(states, mask);
        if (states.getShape().get(2) != keySize) {
            throw new IllegalArgumentException(
                    "Expected source states of size "
                            + keySize
                            + ", got shape "
                            + states.getShape()
                            + ".");
        }
        NDArray keep = mask.getDataType() == DataType.BOOLEAN ? mask : mask.neq(0);
        NDArray values =
                NDArrays.where(
                        keep.expandDims(2).broadcast(states.getShape()),
                        states,
                        states.getManager().create(0f));
        NDArray keys =
                switch (type) {
                    case LUONG_DOT -> values;
                    case LUONG_GENERAL -> Linear.linear(values, w).singletonOrThrow();
                    case BAHDANAU -> Linear.linear(values, wk).singletonOrThrow();
                };
        return new Memory(values, keys, keep);
    }

    /**
     * Attends with {@code queries} over {@code memory}.
     *
     * @param queries {@code (B, Tq, query)}
     * @return contexts {@code (B, Tq, key)} and weights {@code (B, Tq, Ts)}, each row of weights
     *     summing to 1 over the real positions and exactly 0 on padding
     */
    public Result attend(NDArray queries, Memory memory) {
        Shape q = queries.getShape();
        if (q.dimension() != 3 || q.get(0) != memory.batch() || q.get(2) != querySize) {
            throw new IllegalArgumentException(
                    "Expected queries ("
                            + memory.batch()
                            + ", steps, "
                            + querySize
                            + "), got "
                            + q
                            + ".");
        }
        NDArray scores;
        if (type == AttentionType.BAHDANAU) {
            NDArray pq = Linear.linear(queries, wq).singletonOrThrow().expandDims(2);
            NDArray hidden = pq.add(memory.keys().expandDims(1)).tanh();
            scores = hidden.matMul(v.reshape(-1, 1)).squeeze(3);
        } else {
            scores = queries.matMul(memory.keys().transpose(0, 2, 1));
        }
        NDArray masked =
                NDArrays.where(
                        memory.mask().expandDims(1).broadcast(scores.getShape()),
                        scores,
                        scores.getManager().create(Float.NEGATIVE_INFINITY));
        NDArray weights = masked.softmax(2);
        return new Result(weights.matMul(memory.values()), weights);
    }

    /** Returns the scoring type. */
    public AttentionType type() {
        return type;
    }
}
