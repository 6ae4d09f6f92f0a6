package org.seqlab.tokenizers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqlab.io.JsonCodec;

/**
 * Maps a {@link TokenizerSpec} to the flat object of strings that manifests hold ({@link
 * TokenizerSpec#toMap()}), e.g. {@code {"name":"standard-html","lowercase":"false",...}}; JSON
 * {@code null} is no spec.
 */
public final class TokenizerSpecCodec implements JsonCodec<TokenizerSpec> {

    @Override
    public JsonElement write(TokenizerSpec spec) {
        if (spec == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        spec.toMap().forEach(o::addProperty);
        return o;
    }

    @Override
    public TokenizerSpec read(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (!json.isJsonObject()) {
            throw new IllegalArgumentException("expected an object of strings, found " + json);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (var e : json.getAsJsonObject().entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                throw new IllegalArgumentException(
                        "'" + e.getKey() + "': expected a string, found " + e.getValue());
            }
            map.put(e.getKey(), e.getValue().getAsString());
        }
        return TokenizerSpec.fromMap(map);
    }
}
