package org.seqlab.tasks.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.ParallelReader;
import org.seqlab.seq2seq.AttentionType;
import org.seqlab.seq2seq.CellType;

class TranslatorTest {

    @TempDir static Path dir;
    static Path model;

    private static final List<String> SOURCES =
            List.of("Go.", "I like cats.", "", "The man is tall.", "Who is it?", "Hi.");

    @BeforeAll
    static void train() throws Exception {
        ParallelCorpus pairs = ParallelReader.read(TinyPairs.write(dir, "pairs.tsv"));
        model = dir.resolve("model");
        new TranslateTrainer(
                        TinyPairs.config(CellType.GRU, AttentionType.LUONG_GENERAL, false, 4), null)
                .train(pairs, pairs, model, false, "test");
    }

    @Test
    void aBatchTranslatesEachSentenceAsAlone() throws Exception {
        try (TranslateModel m = TranslateModel.load(model)) {
            Translator t = new Translator(m);
            for (int beam : new int[] {1, 3}) {
                List<Translator.Translation> batch = t.translate(SOURCES, beam);
                assertEquals(SOURCES.size(), batch.size());
                for (int i = 0; i < SOURCES.size(); i++) {
                    Translator.Translation alone =
                            t.translate(List.of(SOURCES.get(i)), beam).get(0);
                    assertEquals(alone.text(), batch.get(i).text(), "beam " + beam + " #" + i);
                    assertEquals(alone.logProb(), batch.get(i).logProb(), 1e-4);
                }
            }
        }
    }

    @Test
    void attentionHasARowPerOutputPieceSummingToOneOverTheSource() throws Exception {
        try (TranslateModel m = TranslateModel.load(model)) {
            for (Translator.Translation tr : new Translator(m).translate(SOURCES, 2)) {
                if (tr.source().isEmpty()) {
                    assertEquals("", tr.text());
                    assertEquals(0, tr.attention().length);
                    continue;
                }
                assertEquals(tr.targetPieces().size(), tr.attention().length, tr.source());
                for (float[] row : tr.attention()) {
                    assertEquals(tr.sourcePieces().size(), row.length);
                    double sum = 0;
                    for (float w : row) {
                        assertTrue(w >= 0);
                        sum += w;
                    }
                    assertEquals(1, sum, 1e-4);
                }
                assertEquals(String.join("", tr.targetPieces()).length() > 0, !tr.text().isEmpty());
            }
        }
    }

    @Test
    void longInputIsCutWithANoteAndBeamZeroIsRefused() throws Exception {
        try (TranslateModel m = TranslateModel.load(model)) {
            Translator t = new Translator(m);
            Translator.Translation tr = t.translate(List.of("go ".repeat(500)), 1).get(0);
            assertTrue(tr.note().contains("max_tokens"), tr.note());
            assertEquals(m.config().maxTokens(), tr.sourcePieces().size());
            assertThrows(IllegalArgumentException.class, () -> t.translate(SOURCES, 0));
        }
    }
}
