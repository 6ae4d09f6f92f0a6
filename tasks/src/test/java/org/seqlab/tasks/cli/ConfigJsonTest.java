package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.io.JsonRecords;
import org.seqlab.tasks.lm.LmConfig;
import org.seqlab.tasks.sentiment.SentimentConfig;

/** Task configs go to and from manifest JSON through JsonRecords, old manifests included. */
class ConfigJsonTest {

    private static JsonObject shippedConfig(String model) throws Exception {
        Path manifest = Path.of("..", "models", model, "manifest.json");
        return JsonRecords.parseObject(Files.readString(manifest)).getAsJsonObject("config");
    }

    @Test
    void theShippedConfigsReadAndRoundTrip() throws Exception {
        LmConfig lm = LmConfig.fromJson(shippedConfig("char-shakespeare"));
        assertEquals(512, lm.hidden());
        assertEquals(0.002f, lm.training().learningRate());
        assertEquals(3420, lm.training().maxTime().toSeconds());
        assertEquals(0f, lm.training().average(), "absent in the old manifest");
        assertEquals("whitespace", lm.tokenizer().name(), "absent in the old manifest");
        assertEquals(lm, LmConfig.fromJson(lm.toJson()));

        SentimentConfig s = SentimentConfig.fromJson(shippedConfig("sentiment-imdb"));
        assertEquals("standard-html", s.tokenizer().name());
        assertEquals(0.998f, s.training().average());
        assertEquals(s, SentimentConfig.fromJson(s.toJson()));
        JsonObject written = s.toJson();
        assertEquals("max_mean", written.get("pooling").getAsString());
        assertEquals(0.001f, written.get("lr").getAsFloat(), "training keys stay flat");
    }

    @Test
    void noBudgetIsWrittenAsZeroSeconds() throws Exception {
        JsonObject o = shippedConfig("char-shakespeare");
        o.addProperty("max_time_s", 0);
        assertNull(LmConfig.fromJson(o).training().maxTime());
        assertEquals(0, LmConfig.fromJson(o).toJson().get("max_time_s").getAsLong());
    }

    @Test
    void aManifestConfigMissingAFieldIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m");
        Files.createDirectories(model);
        for (String f : new String[] {"vocab.txt", "model.safetensors", "manifest.json"}) {
            Files.copy(Path.of("..", "models", "char-shakespeare", f), model.resolve(f));
        }
        String manifest = Files.readString(model.resolve("manifest.json"));
        Files.writeString(model.resolve("manifest.json"), manifest.replace("\"hidden\": 512,", ""));
        CliRun r = CliRun.run("lm", "generate", "--model", model.toString(), "--length", "5");
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "seqlab: "
                        + model.resolve("manifest.json")
                        + ": invalid lm config (missing field 'hidden')",
                r.err().strip());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
