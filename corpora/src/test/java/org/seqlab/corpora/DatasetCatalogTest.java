package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
    private static final String SHA =
            "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe";

    @Test
    void imdbHasThePublishedLocationSizeAndChecksum() {
        Dataset imdb = DatasetCatalog.get("imdb");
        assertEquals(
                URI.create("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                imdb.url());
        assertEquals(SHA, imdb.sha256());
        assertEquals(84_125_825L, imdb.bytes());
        assertEquals("aclImdb", imdb.archiveRoot());
        assertEquals("aclImdb_v1.tar.gz", imdb.fileName());
        assertTrue(imdb.description().startsWith("Large Movie Review Dataset"));
        assertEquals(List.of(imdb), DatasetCatalog.all());
        assertSame(imdb, DatasetCatalog.get("imdb"));
    }

    @Test
    void unknownNameListsTheKnownNames() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.get("imbd"));
        assertTrue(e.getMessage().contains("'imbd'"), e.getMessage());
        assertTrue(e.getMessage().contains("imdb"), e.getMessage());
    }

    @Test
    void datasetValidatesAndNormalizesItsFields() {
        URI url = URI.create("http://127.0.0.1:1/data/x.tar.gz");
        Dataset upper = new Dataset("x", "", url, SHA.toUpperCase(), 10, "x");
        assertEquals(SHA, upper.sha256());
        assertEquals("x.tar.gz", upper.fileName());
        assertThrows(
                IllegalArgumentException.class, () -> new Dataset("x", "", url, "abc", 10, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("x", "", url, SHA, 0, "x"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Dataset("x", "", URI.create("ftp://h/x.tgz"), SHA, 10, "x"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Dataset("x", "", URI.create("http://h/dir/"), SHA, 10, "x"));
        assertThrows(
                IllegalArgumentException.class, () -> new Dataset("a b", "", url, SHA, 10, "x"));
        assertThrows(
                IllegalArgumentException.class, () -> new Dataset("x", "", url, SHA, 10, "../x"));
    }
}
