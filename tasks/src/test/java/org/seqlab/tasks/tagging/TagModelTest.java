package org.seqlab.tasks.tagging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tokenizers.Vocabulary;

class TagModelTest {

    @TempDir Path dir;

    static final List<String> TAGS = List.of("B-LOC", "B-PER", "I-LOC", "I-PER", "O");

    static TagConfig config(String charEncoder, boolean crf, CellType cell) {
        return new TagConfig(
                "conll",
                "last",
                "iob2",
                cell,
                6,
                2,
                5,
                true,
                0,
                charEncoder,
                3,
                4,
                6,
                crf,
                0.2f,
                0f,
                1,
                4,
                "f1",
                new TrainingConfig(1, 1e-3f, 5, 0, 0.5f, 0, 0, null, 10, 7, 0, 0));
    }

    static TagModel model(TagConfig c) {
        Vocabulary words = Vocabulary.of(List.of("john", "lives", "in", "paris", "."));
        Vocabulary chars =
                Vocabulary.of(List.of("J", "o", "h", "n", "l", "i", "v", "e", "s", "P", "a", "r"));
        return TagModel.create(c, words, chars, TAGS);
    }

    static final List<String> SHORT = List.of("John", "lives");
    static final List<String> LONG =
            List.of("In", "Paris", "lives", "Johnathanson", "unseenword", "😀", ".", "John", "x");

    private static float[] emissionsOf(TagModel m, List<List<String>> batch, int row, int len) {
        try (NDManager s = m.manager().newSubManager()) {
            TagBatch b = m.batch(s, batch);
            NDArray e = m.emissions(b, false);
            return e.get(row + ", 0:" + len).toFloatArray();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "cnn, false, LSTM",
        "cnn, true, GRU",
        "lstm, false, GRU",
        "lstm, true, LSTM",
        "none, false, LSTM",
        "none, true, GRU"
    })
    void paddingNeverChangesScoresOrTags(String chars, boolean crf, CellType cell) {
        try (TagModel m = model(config(chars, crf, cell))) {
            float[] alone = emissionsOf(m, List.of(SHORT), 0, SHORT.size());
            float[] padded = emissionsOf(m, List.of(LONG, SHORT, LONG), 1, SHORT.size());
            assertArrayEquals(alone, padded, 1e-5f);
            List<List<String>> one = m.predictRaw(List.of(SHORT));
            List<List<String>> many = m.predictRaw(List.of(LONG, SHORT, List.of(), LONG));
            assertEquals(one.get(0), many.get(1));
            assertEquals(List.of(), many.get(2), "an empty sentence gets no tags");
            assertEquals(LONG.size(), many.get(0).size());
        }
    }

    @ParameterizedTest
    @CsvSource({"cnn, true", "lstm, false"})
    void saveLoadGivesTheSameScoresAndTags(String chars, boolean crf) throws Exception {
        Path out = dir.resolve(chars + crf);
        List<List<String>> sentences = List.of(LONG, SHORT);
        try (TagModel m = model(config(chars, crf, CellType.LSTM))) {
            float[] before = emissionsOf(m, sentences, 0, LONG.size());
            List<List<String>> tags = m.predict(sentences);
            m.save(
                    out,
                    ModelManifest.create(
                            TagModel.TASK,
                            m.config().toJson(),
                            7,
                            new com.google.gson.JsonObject(),
                            new com.google.gson.JsonObject(),
                            "test"));
            try (TagModel loaded = TagModel.load(out)) {
                assertEquals(m.config(), loaded.config());
                assertEquals(m.tags(), loaded.tags());
                assertArrayEquals(before, emissionsOf(loaded, sentences, 0, LONG.size()), 0f);
                assertEquals(tags, loaded.predict(sentences));
            }
        }
    }

    @Test
    void crfNeverPredictsAnInsideTagAfterO() {
        try (TagModel m = model(config("cnn", true, CellType.LSTM))) {
            List<List<String>> many = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                List<String> s = new ArrayList<>(LONG.subList(0, 1 + i % LONG.size()));
                s.add(0, "w" + i);
                many.add(s);
            }
            for (List<String> tags : m.predictRaw(many)) {
                String prev = "O";
                for (String t : tags) {
                    if (t.startsWith("I-")) {
                        assertTrue(
                                prev.equals("B-" + t.substring(2)) || prev.equals(t),
                                tags.toString());
                    }
                    prev = t;
                }
            }
        }
    }

    @Test
    void wordsAreLookedUpInLowercaseAndLongWordsKeepBothEnds() {
        try (TagModel m = model(config("cnn", false, CellType.LSTM))) {
            assertEquals(m.wordId("paris"), m.wordId("PARIS"));
            assertEquals(Vocabulary.UNK_ID, m.wordId("berlin"));
            int[] ids = m.charIds("Johnnnnnnnnnnnnnnnnnnes", 6);
            assertEquals(6, ids.length);
            assertEquals(m.charIds("Joh", 6)[0], ids[0]);
            assertEquals(m.charIds("es", 6)[1], ids[5]);
            assertEquals(Vocabulary.UNK_ID, m.charIds("😀", 6)[0]);
        }
    }

    @Test
    void loadingAnotherTasksModelIsAClearError() {
        ModelFormatException e =
                assertThrows(
                        ModelFormatException.class,
                        () ->
                                TagModel.load(
                                        Path.of(
                                                "src/test/resources/reference-models/sentiment-v1")));
        assertTrue(e.getMessage().contains("sentiment"), e.getMessage());
    }

    @Test
    void theCommittedReferenceModelStillLoadsAndTagsAsItDid() throws Exception {
        Path ref = Path.of("src/test/resources/reference-models/tagging-v1");
        try (TagModel m = TagModel.load(ref)) {
            assertEquals("bioes", m.config().scheme());
            List<String> expected =
                    java.nio.file.Files.readAllLines(ref.resolve(TagReferenceModelWriter.TAGS));
            List<List<String>> tags = m.predict(TinyTagged.words(TinyTagged.NER));
            assertEquals(expected.size(), tags.size());
            for (int i = 0; i < tags.size(); i++) {
                assertEquals(expected.get(i), String.join(" ", tags.get(i)));
            }
            org.seqlab.corpora.TaggedCorpus data =
                    org.seqlab.corpora.TaggedReader.read(
                            ref.resolve(TagReferenceModelWriter.DATA),
                            org.seqlab.corpora.TaggedReadOptions.defaults(
                                    org.seqlab.corpora.TaggedFormat.CONLL));
            assertEquals(
                    java.nio.file.Files.readString(ref.resolve(TagReferenceModelWriter.REPORT))
                            .trim(),
                    TagEvaluator.evaluate(m, data, ref).toJson().toString());
        }
    }
}
