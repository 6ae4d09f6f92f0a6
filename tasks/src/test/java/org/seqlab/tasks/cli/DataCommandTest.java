package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code seqlab data}: the catalog listing and argument errors (never the network). */
class DataCommandTest {

    @Test
    void listShowsTheImdbEntryWithItsUrl() {
        CliRun r = CliRun.run("data", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("imdb"), r.out());
        assertTrue(r.out().contains("aclImdb_v1.tar.gz"), r.out());
    }

    @Test
    void unknownDatasetIsAUsageErrorListingTheKnownOnes() {
        CliRun r = CliRun.run("data", "fetch", "wikipedia");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("known datasets are: imdb"), r.err());
    }
}
