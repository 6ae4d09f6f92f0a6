package org.seqlab.io;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How one record class maps to JSON for {@link JsonRecords}; built once per class. */
record RecordSchema(Class<?> type, List<Component> components, Constructor<?> constructor) {

    /** One record component: its JSON key(s), type, accessor and default (null if required). */
    record Component(
            String name,
            String key,
            List<String> alternates,
            Type type,
            Method accessor,
            JsonElement missing,
            JsonCodec<Object> codec,
            boolean inline) {

        JsonElement write(Object value) {
            return codec == null
                    ? JsonValues.write(type, value)
                    : JsonValues.finite(codec.write(value));
        }

        Object read(JsonElement value, String path) {
            if (codec == null) {
                return JsonValues.read(type, value, path);
            }
            try {
                return codec.read(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field '" + path + "': " + e.getMessage(), e);
            }
        }
    }

    static RecordSchema of(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record.");
        }
        List<Component> components = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        RecordComponent[] rcs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            types[i] = rc.getType();
            String where = type.getSimpleName() + "." + rc.getName();
            JsonCodec<Object> codec = codec(rc, where);
            if (codec == null) {
                JsonValues.check(rc.getGenericType(), where);
            }
            Field field = field(type, rc.getName());
            SerializedName named = field.getAnnotation(SerializedName.class);
            String key =
                    named != null
                            ? named.value()
                            : FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES.translateName(field);
            List<String> alternates = named != null ? List.of(named.alternate()) : List.of();
            for (String k : concat(key, alternates)) {
                if (!keys.add(k)) {
                    throw new IllegalArgumentException(
                            where + ": JSON key '" + k + "' is used twice.");
                }
            }
            Method accessor = rc.getAccessor();
            accessor.setAccessible(true);
            components.add(
                    new Component(
                            rc.getName(),
                            key,
                            alternates,
                            rc.getGenericType(),
                            accessor,
                            missing(rc, where, key, codec),
                            codec,
                            inline(rc, where)));
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return new RecordSchema(type, List.copyOf(components), c);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor.");
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " lacks the field of " + name, e);
        }
    }

    private static List<String> concat(String key, List<String> alternates) {
        List<String> all = new ArrayList<>(alternates);
        all.add(0, key);
        return all;
    }

    private static boolean inline(RecordComponent rc, String where) {
        if (rc.getAnnotation(JsonRecords.Inline.class) == null) {
            return false;
        }
        if (!rc.getType().isRecord()) {
            throw new IllegalArgumentException(where + ": only a record can be @Inline.");
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static JsonCodec<Object> codec(RecordComponent rc, String where) {
        JsonRecords.Codec named = rc.getAnnotation(JsonRecords.Codec.class);
        if (named == null) {
            return null;
        }
        try {
            return (JsonCodec<Object>) named.value().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(where + ": cannot create its codec", e);
        }
    }

    /**
     * The checked default of an {@link JsonRecords.Optional} component, or null for a required one.
     */
    private static JsonElement missing(
            RecordComponent rc, String where, String key, JsonCodec<Object> codec) {
        JsonRecords.Optional optional = rc.getAnnotation(JsonRecords.Optional.class);
        if (optional == null) {
            return null;
        }
        try {
            JsonElement value = JsonRecords.parse(optional.value());
            if (codec == null) {
                JsonValues.read(rc.getGenericType(), value, key);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where
                            + ": invalid @Optional default '"
                            + optional.value()
                            + "' ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    JsonObject write(Record record) {
        JsonObject o = new JsonObject();
        for (Component c : components) {
            Object value;
            try {
                value = c.accessor().invoke(record);
            } catch (InvocationTargetException e) {
                throw rethrow(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + c.name(), e);
            }
            if (c.inline()) {
                JsonRecords.write((Record) value)
                        .entrySet()
                        .forEach(e -> o.add(e.getKey(), e.getValue()));
            } else {
                o.add(c.key(), c.write(value));
            }
        }
        return o;
    }

    Object read(JsonObject json, String prefix) {
        Object[] args = new Object[components.size()];
        for (int i = 0; i < args.length; i++) {
            Component c = components.get(i);
            if (c.inline()) {
                args[i] = JsonRecords.read((Class<?>) c.type(), json, prefix);
                continue;
            }
            JsonElement value = json.get(c.key());
            for (int a = 0; value == null && a < c.alternates().size(); a++) {
                value = json.get(c.alternates().get(a));
            }
            String path = prefix + c.key();
            if (value == null) {
                if (c.missing() == null) {
                    throw new IllegalArgumentException("missing field '" + path + "'");
                }
                value = c.missing();
            }
            args[i] = c.read(value, path);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }
}
