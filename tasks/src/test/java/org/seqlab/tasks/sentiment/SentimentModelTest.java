package org.seqlab.tasks.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.PoolingType;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tokenizers.TokenizerSpec;
import org.seqlab.tokenizers.Vocabulary;

class SentimentModelTest {

    static SentimentConfig config(CellType cell, PoolingType pooling, int maxTokens) {
        return new SentimentConfig(
                TokenizerSpec.parse("standard"),
                cell,
                6,
                2,
                5,
                0.3f,
                pooling,
                maxTokens,
                Truncation.TAIL,
                1,
                0,
                0.1,
                4,
                1,
                true,
                new TrainingConfig(1, 1e-3f, 5, 0, 0.5f, 0, 0, null, 10, 7));
    }

    private static final List<String> TEXTS =
            List.of(
                    "a great film",
                    "awful",
                    "the plot was dull and the actors were boring but the end was great",
                    "",
                    "great great great");

    @Test
    void paddingNeverChangesAScore() {
        Vocabulary vocab =
                Vocabulary.of(List.of("a", "great", "film", "awful", "the", "plot", "was"));
        for (CellType cell : CellType.values()) {
            for (PoolingType pooling : PoolingType.values()) {
                try (SentimentModel m =
                        SentimentModel.create(
                                config(cell, pooling, 50), vocab, List.of("neg", "pos"))) {
                    List<SentimentModel.Prediction> batch = m.predict(TEXTS);
                    for (int i = 0; i < TEXTS.size(); i++) {
                        double alone = m.predict(List.of(TEXTS.get(i))).get(0).scores().get("pos");
                        assertEquals(
                                alone,
                                batch.get(i).scores().get("pos"),
                                1e-5,
                                cell + " " + pooling + " text " + i);
                    }
                }
            }
        }
    }

    @Test
    void saveThenLoadGivesTheSamePredictions(@TempDir Path dir) throws IOException {
        Vocabulary vocab = Vocabulary.of(List.of("great", "awful", "film"));
        List<Double> before = new ArrayList<>();
        try (SentimentModel m =
                SentimentModel.create(
                        config(CellType.GRU, PoolingType.ATTENTION, 50),
                        vocab,
                        List.of("neg", "neutral", "pos"))) {
            m.predict(TEXTS).forEach(p -> before.add(p.scores().get("neutral")));
            m.save(
                    dir,
                    ModelManifest.create(
                            SentimentModel.TASK,
                            m.config().toJson(),
                            7,
                            new JsonObject(),
                            new JsonObject(),
                            "test"));
        }
        try (SentimentModel loaded = SentimentModel.load(dir)) {
            assertEquals(List.of("neg", "neutral", "pos"), loaded.labels());
            for (int i = 0; i < TEXTS.size(); i++) {
                assertEquals(
                        before.get(i), loaded.predict(TEXTS).get(i).scores().get("neutral"), 0);
            }
        }
    }

    @Test
    void truncationKeepsTheChosenEnds() {
        int[] ids = {1, 2, 3, 4, 5, 6, 7, 8};
        assertArrayEquals(new int[] {1, 2, 3, 4}, Truncation.HEAD.apply(ids, 4));
        assertArrayEquals(new int[] {5, 6, 7, 8}, Truncation.TAIL.apply(ids, 4));
        assertArrayEquals(new int[] {1, 6, 7, 8}, Truncation.HEAD_TAIL.apply(ids, 4));
        assertArrayEquals(ids, Truncation.TAIL.apply(ids, 10));
    }
}
