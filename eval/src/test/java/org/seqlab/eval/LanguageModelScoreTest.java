package org.seqlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageModelScoreTest {

    @Test
    void derivesBitsAndPerplexity() {
        LanguageModelScore score = new LanguageModelScore(100, Math.log(65));
        assertEquals(65.0, score.perplexity(), 1e-9);
        assertEquals(Math.log(65) / Math.log(2), score.bitsPerToken(), 1e-12);
        assertEquals(1.0, new LanguageModelScore(1, Math.log(2)).bitsPerToken(), 1e-12);
        assertEquals(1.0, new LanguageModelScore(1, 0).perplexity(), 0);
    }

    @Test
    void fromSumDividesByTokens() {
        LanguageModelScore score = LanguageModelScore.fromSum(30.0, 12);
        assertEquals(12, score.tokens());
        assertEquals(2.5, score.lossNats(), 0);
        assertThrows(IllegalArgumentException.class, () -> LanguageModelScore.fromSum(1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> LanguageModelScore.fromSum(-1.0, 3));
    }

    @Test
    void jsonHasFourKeysInOrder() {
        LanguageModelScore score = new LanguageModelScore(4096, 1.25);
        String json = score.toJsonString();
        assertTrue(json.startsWith("{\"tokens\":4096,\"loss_nats\":1.25,"), json);
        JsonObject object = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(
                List.of("tokens", "loss_nats", "bits_per_token", "perplexity"),
                List.copyOf(object.keySet()));
        assertEquals(4096, object.get("tokens").getAsLong());
        assertEquals(1.25, object.get("loss_nats").getAsDouble(), 0);
        assertEquals(score.bitsPerToken(), object.get("bits_per_token").getAsDouble(), 0);
        assertEquals(score.perplexity(), object.get("perplexity").getAsDouble(), 0);
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LanguageModelScore(0, 1));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LanguageModelScore(5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new LanguageModelScore(5, Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LanguageModelScore(5, Double.POSITIVE_INFINITY));
    }
}
