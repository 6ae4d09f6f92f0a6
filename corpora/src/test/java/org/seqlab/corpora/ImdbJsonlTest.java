package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real IMDB training set when it is available. */
class ImdbJsonlTest {

    private static Path dataDir() {
        String env = System.getenv("SEQLAB_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path twoUp = Path.of("../../shared/data");
        return Files.isDirectory(twoUp) ? twoUp : Path.of("../shared/data");
    }

    @Test
    void readsTheRealTrainingSet() throws IOException {
        Path file = dataDir().resolve("imdb/train.jsonl.gz");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no IMDB data at " + file);
        LabeledCorpus corpus = LabeledReader.read(file);
        assertEquals(25_000, corpus.size());
        assertEquals(List.of("neg", "pos"), corpus.labels());
        assertEquals(Map.of("neg", 12_500, "pos", 12_500), corpus.labelCounts());
        assertEquals(0, corpus.skipped());
    }
}
