package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqlab.tokenizers.Vocabulary;

class VectorVocabulariesTest {

    private static final WordVectors V =
            WordVectors.of(
                    List.of("the", "<unk>", "of", "paris", "and"),
                    new float[5],
                    1,
                    VectorFormat.GLOVE);

    @Test
    void fromVectorsKeepsFileOrderAfterTheSpecials() {
        Vocabulary all = VectorVocabularies.fromVectors(V, 0);
        assertEquals(
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "of", "paris", "and"),
                all.tokens());
        Vocabulary six = VectorVocabularies.fromVectors(V, 6);
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "of"), six.tokens());
        assertThrows(IllegalArgumentException.class, () -> VectorVocabularies.fromVectors(V, 3));
    }

    @Test
    void intersectKeepsCorpusWordsWithVectors() {
        Map<String, Long> counts =
                Map.of("the", 10L, "Paris", 4L, "of", 7L, "unseen", 50L, "and", 1L);
        Vocabulary exact = VectorVocabularies.intersect(counts, V, 1, 0, false);
        assertEquals(
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "of", "and"), exact.tokens());
        Vocabulary lower = VectorVocabularies.intersect(counts, V, 2, 6, true);
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "of"), lower.tokens());
        Vocabulary lowerAll = VectorVocabularies.intersect(counts, V, 2, 0, true);
        assertEquals(
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "of", "Paris"),
                lowerAll.tokens());
    }
}
