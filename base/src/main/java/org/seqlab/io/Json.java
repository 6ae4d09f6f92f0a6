package org.seqlab.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * A small shared helper around one {@link Gson} instance.
 *
 * <p>The instance serializes nulls, writes {@code NaN} and infinite {@code double} and {@code
 * float} values as JSON {@code null} (so the output is always valid JSON), and reads a JSON {@code
 * null} into a {@code double} or {@code float} as {@code NaN}. It supports records. The instance is
 * immutable and thread-safe.
 */
public final class Json {

    private static final Gson GSON =
            new GsonBuilder()
                    .serializeNulls()
                    .disableHtmlEscaping()
                    .registerTypeAdapter(double.class, new DoubleAdapter())
                    .registerTypeAdapter(Double.class, new DoubleAdapter())
                    .registerTypeAdapter(float.class, new FloatAdapter())
                    .registerTypeAdapter(Float.class, new FloatAdapter())
                    .create();

    private Json() {}

    /**
     * Serializes an object to a compact, single-line JSON string.
     *
     * @param value the object to serialize; may be {@code null}, which gives {@code "null"}
     * @return the JSON text, with non-finite floating point values written as {@code null}
     */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Parses JSON text into an instance of the given class.
     *
     * @param json the JSON text
     * @param type the class to create, such as a record
     * @return the parsed value; {@code null} when {@code json} is the literal {@code null}
     * @throws IllegalArgumentException if {@code json} is not valid JSON for {@code type}
     */
    public static <T> T fromJson(String json, Class<T> type) {
        if (json == null) {
            throw new IllegalArgumentException("The JSON text to parse must not be null.");
        }
        try {
            return GSON.fromJson(json, type);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    "The text '"
                            + abbreviate(json)
                            + "' is not valid JSON for "
                            + type.getName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Formats a double as a JSON number.
     *
     * <p>Finite values are printed with {@link Double#toString(double)}, which gives the shortest
     * text that reads back to the same double and may use an exponent ({@code 1.0E-5}), which is
     * valid JSON. {@code NaN} and infinities have no JSON number form and give {@code "null"}.
     *
     * @param value the value to format
     * @return the JSON text for {@code value}
     */
    public static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static final class DoubleAdapter extends TypeAdapter<Double> {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.nullValue();
            } else {
                out.jsonValue(Double.toString(value));
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    }

    private static final class FloatAdapter extends TypeAdapter<Float> {
        @Override
        public void write(JsonWriter out, Float value) throws IOException {
            if (value == null || !Float.isFinite(value)) {
                out.nullValue();
            } else {
                out.jsonValue(Float.toString(value));
            }
        }

        @Override
        public Float read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Float.NaN;
            }
            return (float) in.nextDouble();
        }
    }
}
