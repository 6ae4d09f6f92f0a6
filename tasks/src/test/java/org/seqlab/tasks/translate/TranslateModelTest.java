package org.seqlab.tasks.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.ParallelReader;
import org.seqlab.seq2seq.AttentionType;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.ModelFormatException;

class TranslateModelTest {

    @TempDir Path dir;

    private TranslateTrainer.Result train(TranslateConfig config, Path out) throws Exception {
        ParallelCorpus pairs = ParallelReader.read(TinyPairs.write(dir, "pairs.tsv"));
        return new TranslateTrainer(config, null).train(pairs, pairs, out, false, "test");
    }

    @Test
    void trainsSavesAndLoadsTheSameModel() throws Exception {
        Path out = dir.resolve("model");
        TranslateTrainer.Result r =
                train(TinyPairs.config(CellType.GRU, AttentionType.LUONG_GENERAL, false, 3), out);
        assertEquals(TinyPairs.LINES.size(), r.pairs());
        for (String f :
                List.of(
                        "manifest.json",
                        "vocab.txt",
                        "target-vocab.txt",
                        "bpe-merges.txt",
                        "model.safetensors")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (TranslateModel a = TranslateModel.load(out);
                TranslateModel b = TranslateModel.load(out)) {
            assertEquals(TranslateModel.TASK, a.manifest().task());
            List<int[]> src = new ArrayList<>();
            List<int[]> tgt = new ArrayList<>();
            for (String line : TinyPairs.LINES) {
                String[] c = line.split("\t");
                src.add(a.sourceIds(c[0]));
                tgt.add(a.targetIds(c[1]));
            }
            try (NDManager m = a.manager().newSubManager();
                    NDManager n = b.manager().newSubManager()) {
                float la = a.loss(m, src, tgt, false).sum().getFloat();
                float lb = b.loss(n, src, tgt, false).sum().getFloat();
                assertEquals(la, lb, 0f);
                assertTrue(la > 0);
            }
        }
    }

    @Test
    void targetTextRestoresFrenchSpacingAndApostrophes() throws Exception {
        Path out = dir.resolve("model");
        train(TinyPairs.config(CellType.GRU, AttentionType.BAHDANAU, false, 1), out);
        try (TranslateModel m = TranslateModel.load(out)) {
            for (String s :
                    List.of("Qui est-ce ?", "L'homme est grand.", "J'ai gagné. Aidez-moi !")) {
                assertEquals(s, m.targetText(m.targetIds(s)));
            }
        }
    }

    @Test
    void unseenCharactersReadAsUnknownWithoutFailing() throws Exception {
        Path out = dir.resolve("model");
        train(TinyPairs.config(CellType.LSTM, AttentionType.LUONG_GENERAL, true, 1), out);
        try (TranslateModel m = TranslateModel.load(out)) {
            int[] ids = m.sourceIds("Привет 😀 go");
            assertTrue(ids.length > 0);
            for (int id : ids) {
                assertTrue(id >= 0 && id < m.sourceVocabulary().size());
            }
            int[] longIds = m.sourceIds("go ".repeat(500));
            assertEquals(m.config().maxTokens(), longIds.length);
        }
    }

    @Test
    void refusesAnotherTasksModel() throws Exception {
        Path out = dir.resolve("model");
        train(TinyPairs.config(CellType.GRU, AttentionType.LUONG_GENERAL, false, 1), out);
        JsonObject manifest =
                com.google.gson.JsonParser.parseString(
                                Files.readString(out.resolve("manifest.json")))
                        .getAsJsonObject();
        manifest.addProperty("task", "sentiment");
        Files.writeString(out.resolve("manifest.json"), manifest.toString());
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> TranslateModel.load(out));
        assertTrue(e.getMessage().contains("sentiment"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void configRoundTripsThroughJson() {
        TranslateConfig c = TinyPairs.config(CellType.LSTM, AttentionType.LUONG_DOT, true, 2);
        assertEquals(c, TranslateConfig.fromJson(c.toJson()));
        assertEquals("luong_dot", c.toJson().get("attention").getAsString());
    }
}
