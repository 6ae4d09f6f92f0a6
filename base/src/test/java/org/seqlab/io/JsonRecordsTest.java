package org.seqlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {

    enum Cell {
        LSTM,
        GRU
    }

    enum DevSplit {
        RANDOM,
        TAIL
    }

    /** Shaped like TrainingConfig: a renamed key, a Duration, an optional float, validation. */
    record Training(
            int epochs,
            @SerializedName("lr") float learningRate,
            double clipNorm,
            @SerializedName("max_time_s") Duration maxTime,
            long seed,
            @JsonRecords.Optional("0") float average) {
        Training {
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs must be at least 1; got " + epochs);
            }
        }
    }

    /** Shaped like LmConfig / SentimentConfig: an enum, a nested record, optional fields. */
    record Config(
            Cell cell,
            int layers,
            int hidden,
            float dropout,
            int seqLen,
            double validFraction,
            Training training,
            @JsonRecords.Optional("\"random\"") DevSplit devSplit,
            @JsonRecords.Optional Map<String, String> tokenizer,
            List<String> labels) {}

    static Config sample() {
        return new Config(
                Cell.GRU,
                2,
                512,
                0.25f,
                100,
                0.1,
                new Training(50, 2e-3f, 5.0, Duration.ofMinutes(57), 1, 0.998f),
                DevSplit.TAIL,
                Map.of("name", "standard"),
                List.of("neg", "pos"));
    }

    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static String readError(String json, Class<? extends Record> type) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> JsonRecords.fromJson(parse(json), type))
                .getMessage();
    }

    @Test
    void writesSnakeCaseKeysLowerCaseEnumsSecondsAndNestedObjects() {
        assertEquals(
                "{\"cell\":\"gru\",\"layers\":2,\"hidden\":512,\"dropout\":0.25,\"seq_len\":100,"
                        + "\"valid_fraction\":0.1,\"training\":{\"epochs\":50,\"lr\":0.002,"
                        + "\"clip_norm\":5.0,\"max_time_s\":3420,\"seed\":1,\"average\":0.998},"
                        + "\"dev_split\":\"tail\",\"tokenizer\":{\"name\":\"standard\"},"
                        + "\"labels\":[\"neg\",\"pos\"]}",
                JsonRecords.toJson(sample()).toString());
    }

    @Test
    void roundTrips() {
        Config c = sample();
        assertEquals(c, JsonRecords.fromJson(JsonRecords.toJson(c), Config.class));
    }

    @Test
    void missingFieldsAreNamedByTheirJsonKeyWithDotsForNestedOnes() {
        JsonObject o = JsonRecords.toJson(sample());
        o.remove("hidden");
        assertEquals(
                "missing field 'hidden'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        JsonObject n = JsonRecords.toJson(sample());
        n.getAsJsonObject("training").remove("lr");
        assertEquals(
                "missing field 'training.lr'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(n, Config.class))
                        .getMessage());
        assertEquals("missing field 'cell'", readError("{}", Config.class));
    }

    @Test
    void mistypedFieldsSayWhatWasExpectedAndFound() {
        JsonObject o = JsonRecords.toJson(sample());
        o.addProperty("hidden", "abc");
        assertEquals(
                "field 'hidden': expected an integer, found \"abc\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        o.addProperty("hidden", 1.5);
        assertEquals(
                "field 'hidden': expected an integer, found 1.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        o.addProperty("hidden", 3_000_000_000L);
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage()
                        .startsWith("field 'hidden': expected an integer from -2147483648 to"));
        o.addProperty("hidden", 512);
        o.add("dropout", new JsonObject());
        assertEquals(
                "field 'dropout': expected a number, found an object",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        o.addProperty("dropout", "0.5");
        assertEquals(
                "field 'dropout': expected a number, found \"0.5\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        o.addProperty("dropout", 0.5);
        o.getAsJsonObject("training").addProperty("seed", true);
        assertEquals(
                "field 'training.seed': expected an integer, found true",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        o.getAsJsonObject("training").addProperty("seed", 1);
        o.add("labels", parse("{\"a\":[\"x\", 3]}").get("a"));
        assertEquals(
                "field 'labels[1]': expected a string, found 3",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
        o.addProperty("labels", "neg");
        assertEquals(
                "field 'labels': expected an array, found \"neg\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
    }

    @Test
    void enumsReadInAnyCaseAndUnknownNamesListTheChoices() {
        JsonObject o = JsonRecords.toJson(sample());
        o.addProperty("cell", "LsTm");
        assertEquals(Cell.LSTM, JsonRecords.fromJson(o, Config.class).cell());
        o.addProperty("cell", "rnn");
        assertEquals(
                "field 'cell': expected one of lstm, gru, found \"rnn\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Config.class))
                        .getMessage());
    }

    @Test
    void durationsAreSecondsOrNull() {
        Training none = new Training(1, 1f, 0, null, 1, 0f);
        JsonObject o = JsonRecords.toJson(none);
        assertTrue(o.get("max_time_s").isJsonNull());
        assertNull(JsonRecords.fromJson(o, Training.class).maxTime());
        Training fraction = new Training(1, 1f, 0, Duration.ofMillis(1500), 1, 0f);
        JsonObject f = JsonRecords.toJson(fraction);
        assertEquals("1.5", f.get("max_time_s").toString());
        assertEquals(fraction, JsonRecords.fromJson(f, Training.class));
        f.addProperty("max_time_s", "1h");
        assertEquals(
                "field 'max_time_s': expected a number of seconds or null, found \"1h\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(f, Training.class))
                        .getMessage());
    }

    @Test
    void nanIsWrittenAsNullAndNullReadsAsNaNForFloatingPointOnly() {
        Training t = new Training(1, Float.NaN, Double.POSITIVE_INFINITY, null, 1, 0f);
        JsonObject o = JsonRecords.toJson(t);
        assertTrue(o.get("lr").isJsonNull());
        assertTrue(o.get("clip_norm").isJsonNull());
        Training back = JsonRecords.fromJson(o, Training.class);
        assertTrue(Float.isNaN(back.learningRate()));
        assertTrue(Double.isNaN(back.clipNorm()));
        o.add("epochs", null);
        assertEquals(
                "field 'epochs': expected an integer, found null",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> JsonRecords.fromJson(o, Training.class))
                        .getMessage());
    }

    record Passthrough(JsonObject metrics, @JsonRecords.Optional("{}") JsonObject extra) {}

    @Test
    void jsonObjectsAreCopiedWithNonFiniteNumbersAsNull() {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("loss", Double.NaN);
        JsonObject inner = new JsonObject();
        inner.addProperty("best", Float.NEGATIVE_INFINITY);
        inner.addProperty("epoch", 3);
        metrics.add("inner", inner);
        JsonObject o = JsonRecords.toJson(new Passthrough(metrics, new JsonObject()));
        assertEquals(
                "{\"metrics\":{\"loss\":null,\"inner\":{\"best\":null,\"epoch\":3}},\"extra\":{}}",
                o.toString());
        assertTrue(Double.isNaN(metrics.get("loss").getAsDouble()), "the input is not modified");
        JsonObject only = parse("{\"metrics\":{\"a\":1}}");
        Passthrough p = JsonRecords.fromJson(only, Passthrough.class);
        assertEquals(parse("{\"a\":1}"), p.metrics());
        assertNotSame(only.get("metrics"), p.metrics(), "the record holds a copy");
        assertEquals(new JsonObject(), p.extra());
        assertEquals(
                "field 'metrics': expected an object, found an array",
                readError("{\"metrics\":[1]}", Passthrough.class));
    }

    @Test
    void optionalFieldsTakeTheirDefaultWhenMissingAndTheirValueWhenPresent() {
        JsonObject o = JsonRecords.toJson(sample());
        o.remove("dev_split");
        o.remove("tokenizer");
        o.getAsJsonObject("training").remove("average");
        Config c = JsonRecords.fromJson(o, Config.class);
        assertEquals(DevSplit.RANDOM, c.devSplit());
        assertNull(c.tokenizer());
        assertEquals(0f, c.training().average());
        assertEquals(sample(), JsonRecords.fromJson(JsonRecords.toJson(sample()), Config.class));
    }

    @Test
    void validationOfTheRecordPassesThroughUnchanged() {
        JsonObject o = JsonRecords.toJson(sample());
        o.getAsJsonObject("training").addProperty("epochs", 0);
        assertEquals("--epochs must be at least 1; got 0", readError(o.toString(), Config.class));
    }

    @Test
    void unknownKeysAreIgnored() {
        JsonObject o = JsonRecords.toJson(sample());
        o.addProperty("format", "seqlab-model");
        assertEquals(sample(), JsonRecords.fromJson(o, Config.class));
    }

    record Renamed(@SerializedName(value = "size", alternate = "hidden_size") int hiddenSize) {}

    @Test
    void serializedNameAlternatesAreAcceptedOnRead() {
        assertEquals("{\"size\":3}", JsonRecords.toJson(new Renamed(3)).toString());
        assertEquals(
                new Renamed(4), JsonRecords.fromJson(parse("{\"hidden_size\":4}"), Renamed.class));
        assertEquals("missing field 'size'", readError("{}", Renamed.class));
    }

    record BadDefault(@JsonRecords.Optional("\"many\"") int count) {}

    record BadType(Object anything) {}

    record Clash(int seqLen, @SerializedName("seq_len") int other) {}

    @Test
    void designErrorsAreReportedOnFirstUse() {
        String bad = readError("{\"count\":1}", BadDefault.class);
        assertTrue(bad.startsWith("BadDefault.count: invalid @Optional default '\"many\"'"), bad);
        String type = readError("{}", BadType.class);
        assertTrue(type.startsWith("BadType.anything: JsonRecords does not map"), type);
        String clash = readError("{}", Clash.class);
        assertTrue(clash.contains("'seq_len' is used twice"), clash);
    }

    @Test
    void parseObjectGivesOneLineReasonsWithoutGsonClassesOrLinks() {
        for (String garbage :
                new String[] {
                    "garbage{", "{\"a\": 1", "{\"a\": NaN}", "{} trailing", "{'a': 1}", "{\"a\" 1}"
                }) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> JsonRecords.parseObject(garbage));
            String m = e.getMessage();
            assertTrue(m.startsWith("not valid JSON ("), m);
            assertTrue(m.matches(".* at line \\d+ column \\d+\\)"), m);
            assertFalse(m.contains("\n") || m.contains("http") || m.contains("Exception"), m);
            assertFalse(m.contains("JsonReader") || m.contains("path $"), m);
        }
        assertEquals(
                "not valid JSON (no content)",
                assertThrows(IllegalArgumentException.class, () -> JsonRecords.parseObject(" \n"))
                        .getMessage());
        assertEquals(
                "expected a JSON object, found an array",
                assertThrows(IllegalArgumentException.class, () -> JsonRecords.parseObject("[1]"))
                        .getMessage());
        assertEquals(parse("{\"a\":[1,2]}"), JsonRecords.parseObject("{\"a\": [1, 2]}\n"));
    }

    @Test
    void nullInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonRecords.toJson(null));
        assertThrows(
                IllegalArgumentException.class, () -> JsonRecords.fromJson(null, Config.class));
        assertSame(
                IllegalArgumentException.class,
                assertThrows(RuntimeException.class, () -> JsonRecords.parseObject(null))
                        .getClass());
    }
}
