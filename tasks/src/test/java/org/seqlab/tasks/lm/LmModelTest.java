package org.seqlab.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tokenizers.Vocabulary;
import org.seqlab.tokenizers.WhitespaceTokenizer;

class LmModelTest {

    static LmConfig tiny(Level level, CellType cell) {
        return new LmConfig(
                level,
                cell,
                2,
                12,
                6,
                0.1f,
                8,
                2,
                0.1,
                1,
                0,
                new TrainingConfig(1, 1e-3f, 5, 0, 0.5f, 0, 0, null, 10, 3, 0, 0),
                null);
    }

    private static float[] logits(LmModel m, long[] ids) {
        try (NDManager s = NDManager.newBaseManager()) {
            return m.network()
                    .forward(s.create(ids, new Shape(1, ids.length)), null, false)
                    .logits()
                    .toFloatArray();
        }
    }

    @Test
    void saveThenLoadGivesTheSameLogits(@TempDir Path dir) throws IOException {
        for (CellType cell : CellType.values()) {
            Vocabulary vocab = Vocabulary.of(List.of("a", "b", "c", "\n"));
            Path out = dir.resolve(cell.id());
            long[] ids = {4, 5, 6, 7, 4, 4};
            try (LmModel m = LmModel.create(tiny(Level.CHAR, cell), vocab, null)) {
                float[] before = logits(m, ids);
                m.save(
                        out,
                        ModelManifest.create(
                                LmModel.TASK,
                                m.config().toJson(),
                                3,
                                new JsonObject(),
                                new JsonObject(),
                                "test"));
                try (LmModel loaded = LmModel.load(out)) {
                    assertArrayEquals(before, logits(loaded, ids), 0f);
                    assertEquals(m.config(), loaded.config());
                    assertEquals(vocab, loaded.vocabulary());
                }
            }
        }
    }

    @Test
    void sameSeedSameInitialWeights() throws Exception {
        Vocabulary vocab = Vocabulary.of(List.of("x", "y"));
        try (LmModel a = LmModel.create(tiny(Level.CHAR, CellType.LSTM), vocab, null);
                LmModel b = LmModel.create(tiny(Level.CHAR, CellType.LSTM), vocab, null)) {
            assertArrayEquals(logits(a, new long[] {4, 5}), logits(b, new long[] {4, 5}), 0f);
        }
    }

    @Test
    void loadingAnotherTasksModelSaysWhichTask(@TempDir Path dir) throws IOException {
        Vocabulary vocab = Vocabulary.of(List.of("x"));
        try (LmModel m = LmModel.create(tiny(Level.CHAR, CellType.GRU), vocab, null)) {
            m.save(
                    dir,
                    ModelManifest.create(
                            "sentiment",
                            m.config().toJson(),
                            3,
                            new JsonObject(),
                            new JsonObject(),
                            "test"));
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> LmModel.load(dir));
        assertTrue(e.getMessage().contains("'sentiment' model, not a 'lm' model"), e.getMessage());
    }

    @Test
    void wordLevelSplitsLinesAndRendersEndOfLine() {
        assertEquals(
                List.of("to", "be", "<eos>", "or", "not", "<eos>"),
                Level.WORD.tokens("to be\nor  not\n", WhitespaceTokenizer.INSTANCE));
        assertEquals(
                List.of("a", "😀", "\n"), Level.CHAR.tokens("a😀\n", WhitespaceTokenizer.INSTANCE));
        assertEquals("\n", Level.WORD.render("<eos>", false, false));
        assertEquals(" be", Level.WORD.render("be", false, false));
    }

    @Test
    void aCommittedReferenceModelOfFormatVersionOneStillLoads() throws IOException {
        Path ref = Path.of("src/test/resources/reference-models/lm-v1");
        try (LmModel m = LmModel.load(ref)) {
            assertEquals(Level.CHAR, m.config().level());
            float[] expected = readFloats(ref.resolve("expected-logits.txt"));
            assertArrayEquals(expected, logits(m, LmTrainer.toLongs(m.encode("ROMEO:"))), 1e-5f);
        }
    }

    private static float[] readFloats(Path file) throws IOException {
        String[] parts = Files.readString(file).trim().split("\\s+");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }
}
