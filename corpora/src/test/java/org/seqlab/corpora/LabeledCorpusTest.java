package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqlab.corpora.LabeledCorpus.DevSplit;

class LabeledCorpusTest {

    /** 60 "a", 30 "b" and 10 "c" examples, interleaved, each text unique. */
    private static LabeledCorpus corpus() {
        List<LabeledText> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String label = i % 10 < 6 ? "a" : i % 10 < 9 ? "b" : "c";
            examples.add(new LabeledText("text " + i, label));
        }
        return LabeledCorpus.of(examples);
    }

    @Test
    void recordsLabelsAndCounts() {
        LabeledCorpus corpus = corpus();
        assertEquals(100, corpus.size());
        assertEquals(List.of("a", "b", "c"), corpus.labels());
        assertEquals(Map.of("a", 60, "b", 30, "c", 10), corpus.labelCounts());
        assertEquals(0, corpus.skipped());
        assertThrows(
                UnsupportedOperationException.class,
                () -> corpus.examples().add(new LabeledText("x", "a")));
    }

    @Test
    void tailSplitHoldsOutTheLastExamplesOfEachLabel() {
        DevSplit split = corpus().devTail(0.2);
        assertEquals(Map.of("a", 12, "b", 6, "c", 2), split.dev().labelCounts());
        assertEquals(80, split.train().size());
        // "c" is at 9, 19, ..., 99: its last two are 89 and 99.
        List<String> devC =
                split.dev().examples().stream()
                        .filter(t -> t.label().equals("c"))
                        .map(LabeledText::text)
                        .toList();
        assertEquals(List.of("text 89", "text 99"), devC);
        // "a" is at i % 10 < 6: its last 12 are the 6 of the 80s and the 6 of the 90s.
        assertTrue(
                split.dev().examples().stream()
                        .filter(t -> t.label().equals("a"))
                        .allMatch(t -> Integer.parseInt(t.text().substring(5)) >= 80));
        assertEquals(corpus().labels(), split.train().labels());
        assertThrows(IllegalArgumentException.class, () -> corpus().devTail(1.0));
    }

    @Test
    void devSplitIsDeterministicForASeed() {
        assertEquals(corpus().dev(0.2, 42), corpus().dev(0.2, 42));
        assertNotEquals(corpus().dev(0.2, 42).dev(), corpus().dev(0.2, 43).dev());
    }

    @Test
    void devSplitIsStratifiedDisjointAndCovering() {
        LabeledCorpus corpus = corpus();
        DevSplit split = corpus.dev(0.25, 7);
        assertEquals(Map.of("a", 15, "b", 8, "c", 3), split.dev().labelCounts());
        assertEquals(Map.of("a", 45, "b", 22, "c", 7), split.train().labelCounts());
        for (String label : corpus.labels()) {
            double expected = corpus.labelCounts().get(label) * 0.25;
            assertTrue(Math.abs(split.dev().labelCounts().get(label) - expected) <= 1, label);
        }
        Set<LabeledText> train = new HashSet<>(split.train().examples());
        Set<LabeledText> dev = new HashSet<>(split.dev().examples());
        assertEquals(split.train().size(), train.size());
        Set<LabeledText> all = new HashSet<>(train);
        all.addAll(dev);
        assertEquals(corpus.size(), all.size());
        assertEquals(new HashSet<>(corpus.examples()), all);
        assertTrue(train.stream().noneMatch(dev::contains));
        assertInCorpusOrder(corpus, split.train());
        assertInCorpusOrder(corpus, split.dev());
        assertEquals(corpus.labels(), split.dev().labels());
    }

    private static void assertInCorpusOrder(LabeledCorpus corpus, LabeledCorpus part) {
        List<LabeledText> kept = new ArrayList<>(corpus.examples());
        kept.retainAll(part.examples());
        assertEquals(kept, part.examples());
    }

    @Test
    void zeroFractionKeepsEverythingForTraining() {
        DevSplit split = corpus().dev(0, 1);
        assertEquals(corpus().examples(), split.train().examples());
        assertEquals(0, split.dev().size());
        assertEquals(Map.of("a", 0, "b", 0, "c", 0), split.dev().labelCounts());
    }

    @Test
    void rejectsBadFraction() {
        for (double fraction : new double[] {-0.1, 1.0, Double.NaN}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> corpus().dev(fraction, 1));
            assertTrue(e.getMessage().contains(String.valueOf(fraction)), e.getMessage());
        }
    }

    @Test
    void labeledTextRejectsBlankLabel() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LabeledText("t", " "));
        assertEquals("A label must not be blank, but it is ' '.", e.getMessage());
    }

    @Test
    void requireLabelsPassesKnownLabelsAndNamesTheFirstOtherExample() throws CorpusFormatException {
        LabeledCorpus corpus = corpus();
        corpus.requireLabels(List.of("c", "b", "a"), "the model's");
        corpus.requireLabels(Set.of("a", "b", "c", "d"), "the model's");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> corpus.requireLabels(List.of("a", "b"), "the model's"));
        assertEquals(
                "example 10: label 'c' is not one of the model's labels [a, b]", e.getMessage());
        LabeledCorpus dev = corpus.dev(0.5, 1).dev();
        assertThrows(IllegalArgumentException.class, () -> dev.requireLabels(List.of(), "no"));
    }
}
