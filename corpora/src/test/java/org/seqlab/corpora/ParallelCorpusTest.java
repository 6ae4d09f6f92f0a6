package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelCorpusTest {

    @Test
    void summaryGroupsThousandsAndNamesOnlyNonZeroDrops() {
        List<SentencePair> pairs = new ArrayList<>();
        for (int i = 0; i < 127_892; i++) {
            pairs.add(new SentencePair("s", "t", i + 1));
        }
        ParallelCorpus corpus = new ParallelCorpus(pairs, 0, 0, 0, 0, 0, 3);
        assertEquals(127_895, corpus.read());
        assertEquals("127,895 pairs read, 3 duplicates removed, 127,892 kept", corpus.summary());
        ParallelCorpus one = new ParallelCorpus(List.of(pairs.get(0)), 1, 1, 1, 1, 1, 1);
        assertEquals(
                "5 pairs read, 1 bad line skipped, 1 blank line ignored, 1 too short, 1 too long,"
                        + " 1 over the length ratio, 1 duplicate removed, 1 kept",
                one.summary());
    }

    @Test
    void pairsAreCopiedAndCountsChecked() {
        List<SentencePair> pairs = new ArrayList<>(List.of(new SentencePair("a", "b", 0)));
        ParallelCorpus corpus = new ParallelCorpus(pairs, 0, 0, 0, 0, 0, 0);
        pairs.clear();
        assertEquals(1, corpus.kept());
        assertThrows(
                UnsupportedOperationException.class,
                () -> corpus.pairs().add(new SentencePair("c", "d", 0)));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new ParallelCorpus(List.of(), 0, -1, 0, 0, 0, 0));
        assertEquals(
                "A count of dropped lines must not be negative, but one is -1.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SentencePair("a", "b", -1));
    }

    @Test
    void optionsRejectImpossibleLimits() {
        ParallelReadOptions defaults = ParallelReadOptions.defaults();
        assertEquals(new ParallelReadOptions(false, 0, 0, 0, false, false), defaults);
        assertEquals(
                new ParallelReadOptions(true, 1, 50, 2.5, true, true),
                defaults.withReverse(true)
                        .withLengths(1, 50)
                        .withMaxLengthRatio(2.5)
                        .withDedupe(true)
                        .withSkipBad(true));
        assertEquals(
                "The maximum length (3 words) must not be below the minimum length (5 words).",
                assertThrows(IllegalArgumentException.class, () -> defaults.withLengths(5, 3))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.withLengths(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withLengths(0, -1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxLengthRatio(0.5));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxLengthRatio(-1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxLengthRatio(Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> defaults.withMaxLengthRatio(Double.POSITIVE_INFINITY));
        assertEquals(5, defaults.withLengths(5, 0).minLength()); // no maximum: any minimum
    }
}
