package org.seqlab.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.annotations.SerializedName;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a record to a Gson {@link JsonObject} and back, with strict reading and messages that name
 * the field by its JSON key.
 *
 * <p>Keys are the component names in snake case ({@code seqLen} is {@code seq_len}) unless the
 * component carries Gson's {@link SerializedName}, whose {@code alternate} names are also accepted
 * on read. Values map as follows:
 *
 * <ul>
 *   <li>{@code boolean}, integral types, {@code float}, {@code double}, their boxes and {@code
 *       String}: JSON booleans, numbers and strings. Integral types refuse fractions and values out
 *       of range. {@code NaN} and infinities are written as {@code null}, and {@code null} reads as
 *       {@code NaN} (the policy of {@link Json}).
 *   <li>enums: the constant's lower-case name; any case is accepted on read.
 *   <li>{@link java.time.Duration}: a number of seconds (fractions allowed), or {@code null}.
 *   <li>nested records: nested objects, by the same rules.
 *   <li>{@code List<T>} and {@code Map<String, T>}: arrays and objects (immutable on read).
 *   <li>{@link JsonElement} and its subtypes: copied as they are, non-finite numbers made {@code
 *       null}.
 * </ul>
 *
 * <p>A JSON {@code null} reads as {@code null} for every other reference type and is refused for
 * the other primitives. Every component must be present unless it is marked {@link Optional}; keys
 * that are no component are ignored. A component marked {@link Codec} is mapped by its codec. The
 * record's canonical constructor runs last, and what it throws (its validation) propagates
 * unchanged.
 */
public final class JsonRecords {

    /**
     * Marks a record component that may be missing from the JSON. A missing component reads as if
     * its key held {@link #value()}, a JSON text: {@code @Optional("0")},
     * {@code @Optional("\"random\"")} for an enum or string, {@code @Optional} alone for {@code
     * null} ({@code NaN} for a float or double). The default is checked against the component's
     * type when the record is first mapped.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Optional {
        /** The JSON text a missing component stands for; {@code null} unless given. */
        String value() default "null";
    }

    /** Maps a record component through a {@link JsonCodec} instead of the rules above. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Codec {
        /** The codec class; it needs a public no-argument constructor. */
        @SuppressWarnings("rawtypes")
        Class<? extends JsonCodec> value();
    }

    /**
     * Writes a nested record component's keys into the enclosing object instead of under its own
     * key, and reads them from there (e.g. a task config that holds the training settings).
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Inline {}

    private static final ClassValue<RecordSchema> SCHEMAS =
            new ClassValue<>() {
                @Override
                protected RecordSchema computeValue(Class<?> type) {
                    return RecordSchema.of(type);
                }
            };

    private static final Pattern LOCATION = Pattern.compile(" at line \\d+ column \\d+");

    private JsonRecords() {}

    /**
     * Writes a record as a JSON object, components in declaration order.
     *
     * @param record the record; not null
     * @return a new object that the caller owns
     * @throws IllegalArgumentException if a component has a type this class does not map
     */
    public static JsonObject toJson(Record record) {
        if (record == null) {
            throw new IllegalArgumentException("The record to write must not be null.");
        }
        return SCHEMAS.get(record.getClass()).write(record);
    }

    /**
     * Reads a record from a JSON object.
     *
     * @param json the object; not modified
     * @param type the record class
     * @return the record built by its canonical constructor
     * @throws IllegalArgumentException {@code missing field 'KEY'} or {@code field 'KEY': expected
     *     ..., found ...} (nested keys joined by dots), or what the record's constructor throws
     */
    public static <R extends Record> R fromJson(JsonObject json, Class<R> type) {
        if (json == null) {
            throw new IllegalArgumentException("expected a JSON object, found null");
        }
        return type.cast(read(type, json, ""));
    }

    /**
     * Parses strict JSON text (RFC 8259: no comments, bare words, {@code NaN} or trailing text)
     * that must hold an object.
     *
     * @param text the JSON text
     * @return the object
     * @throws IllegalArgumentException with a one-line message: {@code not valid JSON (REASON at
     *     line L column C)}, or {@code expected a JSON object, found ...}
     */
    public static JsonObject parseObject(String text) {
        JsonElement e = parse(text);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(
                    "expected a JSON object, found " + JsonValues.describe(e));
        }
        return e.getAsJsonObject();
    }

    /** Parses any strict JSON value; see {@link #parseObject}. */
    static JsonElement parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("not valid JSON (no content)");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement e = JsonParser.parseReader(reader);
            reader.peek(); // refuses text after the value
            return e;
        } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
            throw new IllegalArgumentException("not valid JSON (" + reason(e) + ")", e);
        }
    }

    /** Gson's message for the innermost cause, without its class name, JSON path or URL. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "unexpected text" : root.getMessage();
        int see = m.indexOf("\nSee ");
        m = (see >= 0 ? m.substring(0, see) : m).strip();
        Matcher at = LOCATION.matcher(m);
        String where = "";
        if (at.find()) {
            where = at.group();
            m = m.substring(0, at.start());
        }
        if (m.contains("JsonReader") || m.contains("Strictness") || m.isEmpty()) {
            m = "unexpected text";
        }
        return Character.toLowerCase(m.charAt(0)) + m.substring(1) + where;
    }

    /** Writes a record by its schema (nested records). */
    static JsonObject write(Record record) {
        return SCHEMAS.get(record.getClass()).write(record);
    }

    /** Reads a record of {@code type}; {@code prefix} is the dotted path of the object. */
    static Object read(Class<?> type, JsonObject json, String prefix) {
        return SCHEMAS.get(type).read(json, prefix);
    }
}
