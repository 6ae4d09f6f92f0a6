package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledFormatTest {
    @TempDir Path dir;

    @Test
    void detectsFromDirectoryAndName() {
        assertEquals(LabeledFormat.ACLIMDB, LabeledFormat.detect(dir));
        assertEquals(LabeledFormat.ACLIMDB, LabeledFormat.detect(Path.of("aclImdb_v1.tar.gz")));
        assertEquals(LabeledFormat.ACLIMDB, LabeledFormat.detect(Path.of("x/imdb.TGZ")));
        assertEquals(LabeledFormat.JSONL, LabeledFormat.detect(Path.of("train.jsonl.gz")));
        assertEquals(LabeledFormat.JSONL, LabeledFormat.detect(Path.of("train.jsonl")));
        assertEquals(LabeledFormat.JSONL, LabeledFormat.detect(Path.of("train.json")));
        assertEquals(LabeledFormat.TSV, LabeledFormat.detect(Path.of("a.tsv")));
        assertEquals(LabeledFormat.TSV, LabeledFormat.detect(Path.of("a.csv.gz")));
        assertEquals(LabeledFormat.TSV, LabeledFormat.detect(Path.of("a.txt")));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LabeledFormat.detect(Path.of("model.bin")));
        assertTrue(e.getMessage().contains("'model.bin'"), e.getMessage());
    }

    @Test
    void parsesNamesIgnoringCase() {
        assertEquals(LabeledFormat.JSONL, LabeledFormat.parse("jsonl"));
        assertEquals(LabeledFormat.ACLIMDB, LabeledFormat.parse(" AclImdb "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LabeledFormat.parse("xml"));
        assertEquals(
                "Unknown labeled format 'xml': expected one of aclimdb, jsonl, tsv.",
                e.getMessage());
    }
}
