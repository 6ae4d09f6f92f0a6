package org.seqlab.io;

import com.google.gson.JsonElement;

/**
 * How one type maps to JSON when {@link JsonRecords}' own rules do not fit (e.g. a value stored in
 * a compact or historical form). Named on a record component with {@link JsonRecords.Codec};
 * implementations need a public no-argument constructor.
 *
 * @param <T> the mapped type
 */
public interface JsonCodec<T> {

    /** Returns the JSON form of {@code value}. */
    JsonElement write(T value);

    /**
     * Reads a value back.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code json} (the caller adds the
     *     field's name)
     */
    T read(JsonElement json);
}
