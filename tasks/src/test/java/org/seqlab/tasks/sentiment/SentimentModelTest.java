package org.seqlab.tasks.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.LabeledCorpus;
import org.seqlab.corpora.LabeledReader;
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
                0.1f,
                pooling,
                maxTokens,
                Truncation.TAIL,
                1,
                0,
                0.1,
                DevSplit.TAIL,
                4,
                1,
                true,
                new TrainingConfig(1, 1e-3f, 5, 0, 0.5f, 0, 0, null, 10, 7, 0, 0));
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
            assertEquals(0.1f, loaded.config().wordDropout());
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

    @Test
    void configsWrittenBeforeWordDropoutAndDevSplitReadWithTheirDefaults() {
        JsonObject o = config(CellType.LSTM, PoolingType.MAX, 9).toJson();
        assertEquals(0.1f, SentimentConfig.fromJson(o).wordDropout());
        assertEquals(DevSplit.TAIL, SentimentConfig.fromJson(o).devSplit());
        o.remove("word_dropout");
        o.remove("dev_split");
        assertEquals(0f, SentimentConfig.fromJson(o).wordDropout());
        assertEquals(DevSplit.RANDOM, SentimentConfig.fromJson(o).devSplit());
        assertEquals(
                config(CellType.LSTM, PoolingType.MAX, 9).hidden(),
                SentimentConfig.fromJson(o).hidden());
    }

    @Test
    void explanationEffectsAreTheProbabilityDropWithoutEachWord() {
        Vocabulary vocab = Vocabulary.of(List.of("great", "awful", "film", "the"));
        try (SentimentModel m =
                SentimentModel.create(
                        config(CellType.LSTM, PoolingType.MAX_MEAN, 3),
                        vocab,
                        List.of("neg", "pos"))) {
            // max tokens 3 with tail truncation: "the" (first word) is not read.
            String text = "the great   film awful";
            SentimentExplainer.Explanation x = new SentimentExplainer(m).explain(text);
            SentimentModel.Prediction whole = m.predict(List.of(text)).get(0);
            assertEquals(whole, x.prediction());
            List<String> words =
                    x.effects().stream().map(SentimentExplainer.WordEffect::word).toList();
            assertEquals(List.of("great", "film", "awful"), words);
            String[] without = {"film awful", "great awful", "great film"};
            for (int k = 0; k < 3; k++) {
                double q = m.predict(List.of(without[k])).get(0).scores().get(whole.label());
                assertEquals(whole.probability() - q, x.effects().get(k).effect(), 1e-5);
            }
            SentimentExplainer.WordEffect film = x.effects().get(1);
            assertEquals("film", text.substring(film.start(), film.end()));
            double top =
                    x.effects().stream()
                            .mapToDouble(SentimentExplainer.WordEffect::effect)
                            .max()
                            .orElseThrow();
            if (top > 0) {
                assertEquals(top, x.strongestFor(1).get(0).effect());
            } else {
                assertTrue(x.strongestFor(1).isEmpty());
            }
        }
    }

    @Test
    void theCommittedReferenceModelKeepsItsScoresAndItsEvaluation() throws IOException {
        Path ref = Path.of("src/test/resources/reference-models/sentiment-v1");
        try (SentimentModel m = SentimentModel.load(ref)) {
            assertEquals(List.of("neg", "pos"), m.labels());
            List<String> expected = Files.readAllLines(ref.resolve(ReferenceModelWriter.SCORES));
            assertEquals(ReferenceModelWriter.TEXTS.size(), expected.size());
            for (String line : expected) {
                JsonObject e = JsonParser.parseString(line).getAsJsonObject();
                String text = e.get("text").getAsString();
                SentimentModel.Prediction p = m.predict(List.of(text)).get(0);
                for (String label : m.labels()) {
                    assertEquals(e.get(label).getAsDouble(), p.scores().get(label), 1e-5, text);
                }
                String best = e.get("pos").getAsDouble() > 0.5 ? "pos" : "neg";
                assertEquals(best, p.label(), text);
            }
            LabeledCorpus eval = LabeledReader.read(ref.resolve(ReferenceModelWriter.EVAL));
            assertEquals(
                    Files.readString(ref.resolve(ReferenceModelWriter.REPORT)).trim(),
                    SentimentEvaluator.evaluate(m, eval).toJson());
        }
    }
}
