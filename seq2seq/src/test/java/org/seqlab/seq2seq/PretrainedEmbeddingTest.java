package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class PretrainedEmbeddingTest {

    @Test
    void copiesRowsIntoTheModelsEmbeddingAndLookupsReturnThem() {
        try (NDManager m = NDManager.newBaseManager();
                RecurrentLanguageModel net =
                        new RecurrentLanguageModel(
                                new LanguageModelSpec(CellType.GRU, 3, 2, 4, 1, 0), m, 1)) {
            float[][] rows = {{0, 0}, {1.5f, -2}, {0.25f, 4}};
            PretrainedEmbedding.copyInto(net.parameters().get("embedding"), rows);
            assertArrayEquals(
                    new float[] {0, 0, 1.5f, -2, 0.25f, 4},
                    net.parameters().get("embedding").toFloatArray());
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            PretrainedEmbedding.copyInto(
                                    net.parameters().get("embedding"), new float[][] {{1, 2}}));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> PretrainedEmbedding.toArray(m, new float[][] {{1, 2}, {3}}));
            assertArrayEquals(
                    new long[] {2, 2},
                    PretrainedEmbedding.toArray(m, new float[][] {{1, 2}, {3, 4}})
                            .getShape()
                            .getShape());
        }
    }
}
