package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.seqlab.io.DataDigest;

/** Fine-tuning checks every task's CLI test runs ({@code --init-from}). */
public final class InitFromRuns {

    private InitFromRuns() {}

    /**
     * Fine-tunes {@code source} into {@code out} with a negligible learning rate and checks that
     * the new model scores as the source does ({@code eval} gives a model's {@code --json} score
     * command; {@code key} names the number compared, dotted for a nested one), that its manifest
     * records the source's weight checksum, and that a flag that contradicts the source's
     * architecture is refused.
     *
     * @param train the task's training command, without {@code --init-from}
     * @param conflicting an architecture flag and a value the source does not have
     */
    public static void sameAsSource(
            Path source,
            Path out,
            String[] train,
            Function<Path, String[]> eval,
            String key,
            String... conflicting)
            throws IOException {
        CliRun t = CliRun.run(with(train, "--init-from", source.toString(), "--lr", "1e-9"));
        assertEquals(0, t.code(), t.err());
        JsonObject from = manifest(out).getAsJsonObject("data").getAsJsonObject("init_from");
        assertEquals(
                DataDigest.ofFile(source.resolve("model.safetensors")),
                from.get("sha256").getAsString());
        double before = score(eval.apply(source), key);
        double after = score(eval.apply(out), key);
        assertEquals(before, after, 1e-4 * Math.max(1, Math.abs(before)), key);
        List<String> bad = new ArrayList<>(List.of(train));
        bad.addAll(List.of(conflicting));
        bad.addAll(List.of("--init-from", source.toString(), "--out", out + "-conflict"));
        CliRun c = CliRun.run(bad.toArray(String[]::new));
        assertEquals(2, c.code(), c.out());
        assertTrue(c.err().contains("--init-from") && c.err().contains(conflicting[0]), c.err());
        CliRun other =
                CliRun.run(
                        with(
                                train,
                                "--init-from",
                                "src/test/resources/reference-models/sentiment-v1",
                                "--out",
                                out + "-other"));
        if (!manifest(source).get("task").getAsString().equals("sentiment")) {
            assertEquals(2, other.code(), other.out());
            assertTrue(other.err().contains("sentiment"), other.err());
        }
    }

    private static String[] with(String[] args, String... extra) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    private static double score(String[] args, String key) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.code(), r.err());
        String json = r.out().trim();
        json = json.substring(json.lastIndexOf("\n") + 1);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        String[] path = key.split("\\.");
        for (int i = 0; i < path.length - 1; i++) {
            o = o.getAsJsonObject(path[i]);
        }
        return o.get(path[path.length - 1]).getAsDouble();
    }

    private static JsonObject manifest(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("manifest.json")))
                .getAsJsonObject();
    }
}
