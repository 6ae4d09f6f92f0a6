package org.seqlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

/** {@link JsonRecords.Inline} and {@link JsonRecords.Codec}. */
class JsonRecordsInlineTest {

    /** Upper-case text in JSON, lower-case in Java; null stays null. */
    public static final class Shouting implements JsonCodec<String> {
        @Override
        public JsonElement write(String value) {
            return new JsonPrimitive(value.toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public String read(JsonElement json) {
            if (!json.isJsonPrimitive()) {
                throw new IllegalArgumentException("expected a string, found " + json);
            }
            return json.getAsString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Inner(int epochs, float lr) {}

    record Outer(
            int hidden,
            @JsonRecords.Inline Inner training,
            @JsonRecords.Codec(Shouting.class) String name) {}

    @Test
    void anInlineRecordsKeysLiveInTheEnclosingObject() {
        Outer o = new Outer(8, new Inner(3, 0.5f), "lstm");
        JsonObject json = JsonRecords.toJson(o);
        assertEquals("{\"hidden\":8,\"epochs\":3,\"lr\":0.5,\"name\":\"LSTM\"}", json.toString());
        assertEquals(o, JsonRecords.fromJson(json, Outer.class));
    }

    @Test
    void missingInlineKeysAndCodecErrorsNameTheField() {
        JsonObject json = JsonRecords.toJson(new Outer(8, new Inner(3, 0.5f), "gru"));
        json.remove("lr");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonRecords.fromJson(json, Outer.class));
        assertEquals("missing field 'lr'", e.getMessage());
        JsonObject bad = JsonRecords.toJson(new Outer(8, new Inner(3, 0.5f), "gru"));
        bad.add("name", new JsonObject());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonRecords.fromJson(bad, Outer.class));
        assertEquals("field 'name': expected a string, found {}", e.getMessage());
    }
}
