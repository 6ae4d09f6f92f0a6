package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import java.util.Locale;

/**
 * Encodes words from their characters into one vector each, so that a word never seen in training
 * (a name, a misspelling, a hashtag) still gets features from its spelling, its case and its
 * affixes.
 *
 * <p>Two kinds: {@link Kind#LSTM}, a one-layer bidirectional {@link SequenceEncoder} over the
 * characters whose final states (forward at the last character, backward at the first) are
 * concatenated; and {@link Kind#CNN}, a width-3 convolution over character embeddings (zero padding
 * at both ends of each word), {@code tanh}, then a max over the word's own positions. Either way a
 * word's vector depends only on its own characters, not on the padding of the batch.
 *
 * <p>Parameters, in {@code params}: for LSTM those of a {@link SequenceEncoder} under {@code
 * <prefix>}; for CNN {@code <prefix>.embedding (chars, embedding)}, {@code <prefix>.conv.weight
 * (size, 3 * embedding)} and {@code <prefix>.conv.bias (size)}.
 */
public final class CharWordEncoder {

    /** How characters become a word vector. */
    public enum Kind {
        /** A bidirectional recurrent encoder over the characters. */
        LSTM,
        /** A width-3 convolution with max pooling over the characters. */
        CNN;

        /**
         * Parses {@code lstm} or {@code cnn}, any case.
         *
         * @throws IllegalArgumentException naming the value and the choices
         */
        public static Kind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(
                        "Unknown character encoder '" + s + "'; expected lstm or cnn.");
            }
        }
    }

    private final Kind kind;
    private final int outputSize;
    private final SequenceEncoder lstm;
    private final NDArray embedding;
    private final NDArray convWeight;
    private final NDArray convBias;

    /**
     * Creates the encoder's parameters in {@code params}.
     *
     * @param chars number of character ids, at least 1
     * @param embedding character embedding size, at least 1
     * @param size hidden size per direction (LSTM) or number of filters (CNN), at least 1
     * @throws IllegalArgumentException naming the first bad size
     */
    public CharWordEncoder(
            NamedParameters params,
            String prefix,
            Kind kind,
            CellType cell,
            int chars,
            int embedding,
            int size) {
        if (chars < 1 || embedding < 1 || size < 1) {
            throw new IllegalArgumentException(
                    "A character encoder needs sizes >= 1; got "
                            + chars
                            + " characters, embedding "
                            + embedding
                            + ", size "
                            + size
                            + ".");
        }
        this.kind = kind;
        if (kind == Kind.LSTM) {
            this.lstm =
                    new SequenceEncoder(
                            params, prefix, cell, chars, embedding, size, 1, true, 0f, null);
            this.embedding = null;
            this.convWeight = null;
            this.convBias = null;
            this.outputSize = 2 * size;
        } else {
            this.lstm = null;
            this.embedding = params.normal(prefix + ".embedding", new Shape(chars, embedding), 1.0);
            double bound = 1.0 / Math.sqrt(3.0 * embedding);
            this.convWeight =
                    params.uniform(prefix + ".conv.weight", new Shape(size, 3L * embedding), bound);
            this.convBias = params.uniform(prefix + ".conv.bias", new Shape(size), bound);
            this.outputSize = size;
        }
    }

    /** Returns the size of each word vector. */
    public int outputSize() {
        return outputSize;
    }

    /** Returns the kind. */
    public Kind kind() {
        return kind;
    }

    /**
     * Encodes a padded batch of words.
     *
     * @param chars integer character ids {@code (W, L)}; positions at or past a word's length are
     *     padding and may hold any valid id
     * @param lengths integer lengths {@code (W)}, each in {@code [1, L]}
     * @param training whether dropout is active (the encoder itself has none today)
     * @return {@code (W, outputSize())}; row {@code w} depends only on {@code chars[w, 0:len_w]}
     */
    public NDArray encode(NDArray chars, NDArray lengths, boolean training) {
        if (kind == Kind.LSTM) {
            return lstm.encodeSequence(chars, lengths, training).last();
        }
        Shape s = chars.getShape();
        long w = s.get(0);
        long l = s.get(1);
        NDManager m = chars.getManager();
        long[] lens = Masks.lengthsOf(lengths, l);
        NDArray mask = Masks.lengthMask(m, lens, l);
        NDArray ids =
                chars.getDataType() == DataType.INT64 ? chars : chars.toType(DataType.INT64, false);
        NDArray x = Embedding.embedding(ids, embedding, SparseFormat.DENSE).singletonOrThrow();
        NDArray keep = mask.expandDims(2).toType(x.getDataType(), false);
        x = x.mul(keep);
        long e = x.getShape().get(2);
        NDArray zero = m.zeros(new Shape(w, 1, e), x.getDataType());
        NDArray padded = NDArrays.concat(new ai.djl.ndarray.NDList(zero, x, zero), 1);
        NDArray windows =
                NDArrays.concat(
                        new ai.djl.ndarray.NDList(
                                padded.get(":, 0:" + l),
                                padded.get(":, 1:" + (l + 1)),
                                padded.get(":, 2:" + (l + 2))),
                        2);
        NDArray h = Linear.linear(windows, convWeight, convBias).singletonOrThrow().tanh();
        NDArray floor = m.create(-2f);
        NDArray masked =
                NDArrays.where(
                        mask.expandDims(2).broadcast(h.getShape()),
                        h,
                        floor.broadcast(h.getShape()));
        return masked.max(new int[] {1});
    }
}
