package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.seq2seq.CellType;

/** Trains a task's tiny model with one cell from the CLI and uses it, for every-cell tests. */
public final class CellRuns {

    private CellRuns() {}

    /**
     * Runs {@code train} with {@code --cell}, checks the manifest names the cell, then runs {@code
     * use} and checks that it succeeds with output.
     *
     * @param out the model directory {@code train} writes
     */
    public static void trainAndUse(CellType cell, Path out, String[] train, String... use)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(train));
        args.add("--cell");
        args.add(cell.id());
        CliRun t = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, t.code(), cell.id() + ": " + t.err());
        String named =
                JsonParser.parseString(Files.readString(out.resolve("manifest.json")))
                        .getAsJsonObject()
                        .getAsJsonObject("config")
                        .get("cell")
                        .getAsString();
        assertEquals(cell, CellType.parse(named));
        CliRun u = CliRun.run(use);
        assertEquals(0, u.code(), cell.id() + ": " + u.err());
        assertFalse(u.out().isBlank(), cell.id() + ": no output");
    }
}
