package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Turns aligned pretrained vectors ({@code float[vocab][dim]}, as produced by the embeddings
 * module's alignment) into an embedding weight. Call it after the model is built: copying
 * overwrites whatever initializer ran before (DJL's initializers would otherwise overwrite
 * pretrained weights at {@code newTrainer()}).
 */
public final class PretrainedEmbedding {

    private PretrainedEmbedding() {}

    /** Returns a {@code (vocab, dim)} float32 array holding {@code rows}. */
    public static NDArray toArray(NDManager manager, float[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("Pretrained vectors must not be empty.");
        }
        int dim = rows[0].length;
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException(
                        "Row " + i + " has " + rows[i].length + " values, expected " + dim + ".");
            }
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return manager.create(flat, new Shape(rows.length, dim));
    }

    /**
     * Overwrites the embedding weight {@code weight} with {@code rows}.
     *
     * @throws IllegalArgumentException when the shapes differ, naming both
     */
    public static void copyInto(NDArray weight, float[][] rows) {
        try (NDManager scratch = weight.getManager().newSubManager()) {
            NDArray source = toArray(scratch, rows);
            if (!source.getShape().equals(weight.getShape())) {
                throw new IllegalArgumentException(
                        "Pretrained vectors have shape "
                                + source.getShape()
                                + " but the embedding is "
                                + weight.getShape()
                                + ".");
            }
            NamedParameters.assign(weight, source);
        }
    }
}
