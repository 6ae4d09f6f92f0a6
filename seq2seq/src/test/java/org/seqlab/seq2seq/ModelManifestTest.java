package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {

    private static ModelManifest sample() {
        JsonObject config = new JsonObject();
        config.addProperty("hidden", 8);
        config.addProperty("dropout", 0.25f);
        JsonObject data = new JsonObject();
        data.addProperty("corpus", "tiny.txt");
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", 1);
        metrics.addProperty("valid_loss_nats", 1.25);
        return ModelManifest.create("lm", config, 7, data, metrics, "seqlab lm train --x 'a b'");
    }

    private static String readError(Path dir, String expectedTask) {
        return assertThrows(ModelFormatException.class, () -> ModelManifest.read(dir, expectedTask))
                .getMessage();
    }

    private static Path withManifest(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve(ModelManifest.FILE), text, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void writeThenReadGivesTheSameManifest(@TempDir Path dir) throws IOException {
        ModelManifest m = sample();
        m.write(dir);
        assertEquals(m, ModelManifest.read(dir, "lm"));
        assertEquals(m, ModelManifest.read(dir, null));
        String text = Files.readString(dir.resolve(ModelManifest.FILE));
        assertTrue(text.startsWith("{\n  \"format\": \"seqlab-model\",\n  \"format_version\": 1,"));
        assertTrue(text.contains("\n  \"seqlab_version\": "), text);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void theShippedManifestsReadAndWriteBackByteForByte(@TempDir Path dir) throws IOException {
        for (String model : new String[] {"char-shakespeare", "sentiment-imdb"}) {
            Path shipped = Path.of("..", "models", model);
            ModelManifest m = ModelManifest.read(shipped, null);
            Path out = Files.createDirectories(dir.resolve(model));
            m.write(out);
            assertEquals(
                    Files.readString(shipped.resolve(ModelManifest.FILE)),
                    Files.readString(out.resolve(ModelManifest.FILE)),
                    model);
        }
        ModelManifest lm = ModelManifest.read(Path.of("..", "models", "char-shakespeare"), "lm");
        assertEquals(512, lm.config().get("hidden").getAsInt());
        assertEquals(1, lm.seed());
        assertEquals("2026-11-23T14:40:12.066677463Z", lm.created());
    }

    @Test
    void nanMetricsAreWrittenAsNullAndReadBack(@TempDir Path dir) throws IOException {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("epoch", 0);
        metrics.addProperty("valid_loss_nats", Double.NaN);
        sample().withMetrics(metrics).write(dir);
        String text = Files.readString(dir.resolve(ModelManifest.FILE));
        assertTrue(text.contains("\"valid_loss_nats\": null"), text);
        JsonParser.parseString(text); // valid JSON
        ModelManifest back = ModelManifest.read(dir, "lm");
        assertTrue(back.metrics().get("valid_loss_nats").isJsonNull());
        assertEquals(0, back.metrics().get("epoch").getAsInt());
    }

    @Test
    void aNewerFormatIsRefusedNamingBothVersions(@TempDir Path dir) throws IOException {
        JsonObject o = JsonParser.parseString("{\"format_version\": 2}").getAsJsonObject();
        String m = readError(withManifest(dir, o.toString()), "lm");
        assertTrue(m.contains("format version 2 is newer"), m);
        assertTrue(m.contains("reads (1)"), m);
    }

    @Test
    void anotherTasksModelIsRefusedNamingBothTasks(@TempDir Path dir) throws IOException {
        sample().write(dir);
        assertEquals(
                dir + " holds a 'lm' model, not a 'sentiment' model", readError(dir, "sentiment"));
    }

    @Test
    void missingDirectoryAndMissingManifestAreNamed(@TempDir Path dir) {
        Path none = dir.resolve("none");
        assertEquals(none + ": no such model directory", readError(none, "lm"));
        assertEquals(
                dir + ": not a seqlab model directory (manifest.json is missing)",
                readError(dir, "lm"));
    }

    @Test
    void aMissingFieldIsNamedByItsKey(@TempDir Path dir) throws IOException {
        sample().write(dir);
        Path file = dir.resolve(ModelManifest.FILE);
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        o.remove("task");
        withManifest(dir, o.toString());
        assertEquals(file + ": missing field 'task'", readError(dir, "lm"));
        o.addProperty("task", "lm");
        o.addProperty("seed", "seven");
        withManifest(dir, o.toString());
        assertEquals(
                file + ": field 'seed': expected an integer, found \"seven\"",
                readError(dir, "lm"));
        o.addProperty("seed", 7);
        o.add("config", null);
        withManifest(dir, o.toString());
        assertEquals(
                file + ": field 'config': expected an object, found null", readError(dir, "lm"));
    }

    @Test
    void anEmptyObjectGivesTheFirstMissingField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ModelManifest.FILE);
        assertEquals(
                file + ": missing field 'format_version'",
                readError(withManifest(dir, "{}"), "lm"));
    }

    @Test
    void garbageIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ModelManifest.FILE);
        for (String garbage : new String[] {"garbage{", "{\"task\": \"lm\"", "", "[1, 2]"}) {
            String m = readError(withManifest(dir, garbage), "lm");
            assertTrue(
                    m.startsWith(file + ": not valid JSON (")
                            || m.equals(file + ": expected a JSON object, found an array"),
                    m);
            assertFalse(m.contains("\n") || m.contains("Exception") || m.contains("http"), m);
        }
        Files.write(file, new byte[] {'{', (byte) 0xff, '}'});
        assertEquals(file + ": not valid JSON (not UTF-8 text)", readError(dir, "lm"));
    }

    @Test
    void informativeFieldsMayBeMissing(@TempDir Path dir) throws IOException {
        String text =
                "{\"format_version\": 1, \"task\": \"lm\", \"config\": {}, \"seed\": 3,"
                        + " \"data\": {}, \"metrics\": {}}";
        ModelManifest m = ModelManifest.read(withManifest(dir, text), "lm");
        assertEquals("", m.seqlabVersion());
        assertEquals("", m.command());
        assertEquals("", m.created());
        assertEquals(3, m.seed());
    }

    @Test
    void aVersionBelowOneIsRefused(@TempDir Path dir) throws IOException {
        sample().write(dir);
        Path file = dir.resolve(ModelManifest.FILE);
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        o.addProperty("format_version", 0);
        withManifest(dir, o.toString());
        assertEquals(file + ": invalid format_version 0", readError(dir, "lm"));
    }
}
