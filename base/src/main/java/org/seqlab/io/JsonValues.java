package org.seqlab.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The value rules of {@link JsonRecords}: one type at a time, both directions. */
final class JsonValues {

    private static final Set<Class<?>> SCALARS =
            Set.of(
                    boolean.class,
                    Boolean.class,
                    byte.class,
                    Byte.class,
                    short.class,
                    Short.class,
                    int.class,
                    Integer.class,
                    long.class,
                    Long.class,
                    float.class,
                    Float.class,
                    double.class,
                    Double.class,
                    String.class,
                    Duration.class);

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000);

    private JsonValues() {}

    /** Throws IllegalArgumentException naming {@code where} if {@code type} is not mapped. */
    static void check(Type type, String where) {
        if (type instanceof Class<?> c
                && (SCALARS.contains(c)
                        || c.isEnum()
                        || c.isRecord()
                        || JsonElement.class.isAssignableFrom(c))) {
            return;
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == List.class) {
                check(args[0], where + "[]");
                return;
            }
            if (p.getRawType() == Map.class && args[0] == String.class) {
                check(args[1], where + "{}");
                return;
            }
        }
        throw new IllegalArgumentException(
                where
                        + ": JsonRecords does not map "
                        + type.getTypeName()
                        + " (use a primitive, String, enum, Duration, record, List<T>,"
                        + " Map<String, T> or JsonElement)");
    }

    /** Returns the JSON form of {@code value}, a value of {@code type}. */
    static JsonElement write(Type type, Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? new JsonPrimitive(f) : JsonNull.INSTANCE;
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof Duration d) {
            return d.getNano() == 0
                    ? new JsonPrimitive(d.getSeconds())
                    : new JsonPrimitive(
                            BigDecimal.valueOf(d.getSeconds())
                                    .add(BigDecimal.valueOf(d.getNano(), 9))
                                    .stripTrailingZeros());
        }
        if (value instanceof Record r) {
            return JsonRecords.write(r);
        }
        if (value instanceof JsonElement e) {
            return finite(e);
        }
        Type[] args = ((ParameterizedType) type).getActualTypeArguments();
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(v -> a.add(write(args[0], v)));
            return a;
        }
        JsonObject o = new JsonObject();
        ((Map<?, ?>) value).forEach((k, v) -> o.add((String) k, write(args[1], v)));
        return o;
    }

    /** Returns a deep copy of {@code e} with {@code NaN} and infinite numbers made null. */
    static JsonElement finite(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(m -> o.add(m.getKey(), finite(m.getValue())));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(v -> a.add(finite(v)));
            return a;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            Number n = e.getAsNumber();
            if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
                return JsonNull.INSTANCE;
            }
        }
        return e.deepCopy();
    }

    /**
     * Reads {@code json} as a value of {@code type}.
     *
     * @param path the field's dotted JSON path, for messages
     * @throws IllegalArgumentException {@code field 'PATH': expected ..., found ...}
     */
    static Object read(Type type, JsonElement json, String path) {
        Class<?> raw = raw(type);
        if (json.isJsonNull()) {
            if (raw == double.class || raw == Double.class) {
                return Double.NaN;
            }
            if (raw == float.class || raw == Float.class) {
                return Float.NaN;
            }
            if (raw.isPrimitive()) {
                throw mistyped(path, expected(raw), json);
            }
            return null;
        }
        if (JsonElement.class.isAssignableFrom(raw)) {
            if (!raw.isInstance(json)) {
                throw mistyped(path, expected(raw), json);
            }
            return json.deepCopy();
        }
        if (raw.isRecord() || raw == Map.class) {
            if (!json.isJsonObject()) {
                throw mistyped(path, "an object", json);
            }
            return raw.isRecord()
                    ? JsonRecords.read(raw, json.getAsJsonObject(), path + ".")
                    : map(type, json.getAsJsonObject(), path);
        }
        if (raw == List.class) {
            if (!json.isJsonArray()) {
                throw mistyped(path, "an array", json);
            }
            return list(type, json.getAsJsonArray(), path);
        }
        JsonPrimitive p = json.isJsonPrimitive() ? json.getAsJsonPrimitive() : null;
        if (raw == String.class && p != null && p.isString()) {
            return p.getAsString();
        }
        if ((raw == boolean.class || raw == Boolean.class) && p != null && p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (raw.isEnum() && p != null && p.isString()) {
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(p.getAsString())) {
                    return constant;
                }
            }
        }
        if (p != null && p.isNumber()) {
            Object number = number(raw, p);
            if (number != null) {
                return number;
            }
            if (expected(raw).equals("an integer") && whole(p)) {
                throw mistyped(path, range(raw), json);
            }
        }
        throw mistyped(path, expected(raw), json);
    }

    /** Reads a JSON number as {@code raw}, or returns null if it does not fit. */
    private static Object number(Class<?> raw, JsonPrimitive p) {
        if (raw == double.class || raw == Double.class) {
            return p.getAsNumber().doubleValue();
        }
        if (raw == float.class || raw == Float.class) {
            return p.getAsNumber().floatValue();
        }
        try {
            BigDecimal d = p.getAsBigDecimal();
            if (raw == long.class || raw == Long.class) {
                return d.longValueExact();
            }
            if (raw == int.class || raw == Integer.class) {
                return d.intValueExact();
            }
            if (raw == short.class || raw == Short.class) {
                return d.shortValueExact();
            }
            if (raw == byte.class || raw == Byte.class) {
                return d.byteValueExact();
            }
            if (raw == Duration.class) {
                BigInteger[] qr =
                        d.movePointRight(9)
                                .setScale(0, RoundingMode.HALF_EVEN)
                                .toBigIntegerExact()
                                .divideAndRemainder(NANOS_PER_SECOND);
                return Duration.ofSeconds(qr[0].longValueExact(), qr[1].longValue());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static List<Object> list(Type type, JsonArray array, String path) {
        Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
        List<Object> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(read(element, array.get(i), path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Object> map(Type type, JsonObject object, String path) {
        Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            out.put(e.getKey(), read(value, e.getValue(), path + "." + e.getKey()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static String expected(Class<?> raw) {
        if (raw == String.class) {
            return "a string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == float.class
                || raw == Float.class
                || raw == double.class
                || raw == Double.class) {
            return "a number";
        }
        if (raw == Duration.class) {
            return "a number of seconds or null";
        }
        if (raw.isEnum()) {
            StringJoiner names = new StringJoiner(", ", "one of ", "");
            for (Object c : raw.getEnumConstants()) {
                names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return names.toString();
        }
        if (raw == JsonObject.class) {
            return "an object";
        }
        if (raw == JsonArray.class) {
            return "an array";
        }
        if (raw == JsonPrimitive.class) {
            return "a string, number or boolean";
        }
        if (raw == JsonNull.class) {
            return "null";
        }
        return "an integer";
    }

    /** The expectation for a whole number that is out of the range of {@code raw}. */
    private static String range(Class<?> raw) {
        if (raw == long.class || raw == Long.class) {
            return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (raw == int.class || raw == Integer.class) {
            return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (raw == short.class || raw == Short.class) {
            return "an integer from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return "an integer from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
    }

    private static boolean whole(JsonPrimitive p) {
        try {
            BigDecimal d = p.getAsBigDecimal();
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static IllegalArgumentException mistyped(
            String path, String expected, JsonElement found) {
        return new IllegalArgumentException(
                "field '" + path + "': expected " + expected + ", found " + describe(found));
    }

    /** A short description of a JSON value for messages: its text, or the kind of container. */
    static String describe(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        String text = e.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
