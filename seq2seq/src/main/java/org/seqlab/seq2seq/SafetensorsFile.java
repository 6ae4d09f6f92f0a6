package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Reads a safetensors file (an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian data) into named arrays with one
 * bulk read and one copy per tensor. DJL's {@code NDList.decode} reads the same files but took 0.6
 * s for a 29 MB tagger here, more than the rest of loading together.
 */
final class SafetensorsFile {

    private SafetensorsFile() {}

    /**
     * Returns the file's tensors, named, in the header's order, owned by {@code manager}.
     *
     * @throws IOException when the file is not a well-formed safetensors file of float32 and int64
     *     tensors
     */
    static NDList read(NDManager manager, Path file) throws IOException {
        ByteBuffer all;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8 || size > Integer.MAX_VALUE) {
                throw new IOException(file + ": not a safetensors file (size " + size + ")");
            }
            all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        long headerLength = all.getLong(0);
        if (headerLength < 2 || 8 + headerLength > all.limit()) {
            throw new IOException(
                    file + ": not a safetensors file (header length " + headerLength + ")");
        }
        byte[] header = new byte[(int) headerLength];
        all.get(8, header);
        JsonObject h;
        try {
            h =
                    JsonParser.parseString(new String(header, StandardCharsets.UTF_8))
                            .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": unreadable safetensors header", e);
        }
        int base = 8 + (int) headerLength;
        NDList out = new NDList();
        for (Map.Entry<String, JsonElement> e : h.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            try {
                JsonObject t = e.getValue().getAsJsonObject();
                DataType type =
                        switch (t.get("dtype").getAsString()) {
                            case "F32" -> DataType.FLOAT32;
                            case "I64" -> DataType.INT64;
                            default ->
                                    throw new IOException(
                                            file
                                                    + ": tensor '"
                                                    + e.getKey()
                                                    + "' has dtype "
                                                    + t.get("dtype").getAsString()
                                                    + "; expected F32 or I64");
                        };
                JsonArray dims = t.getAsJsonArray("shape");
                long[] shape = new long[dims.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = dims.get(i).getAsLong();
                }
                JsonArray offsets = t.getAsJsonArray("data_offsets");
                long begin = offsets.get(0).getAsLong();
                long end = offsets.get(1).getAsLong();
                Shape s = new Shape(shape);
                if (begin < 0
                        || end < begin
                        || base + end > all.limit()
                        || end - begin != s.size() * type.getNumOfBytes()) {
                    throw new IOException(
                            file + ": tensor '" + e.getKey() + "' has a bad byte range");
                }
                ByteBuffer data =
                        all.slice(base + (int) begin, (int) (end - begin))
                                .order(ByteOrder.LITTLE_ENDIAN);
                // libtorch may wrap a direct buffer without copying: copy now, while the file is
                // still mapped, so that no array points into the mapping once it is gone.
                NDArray view = manager.create(data, s, type);
                NDArray a = view.duplicate();
                view.close();
                a.setName(e.getKey());
                out.add(a);
            } catch (IllegalStateException
                    | NullPointerException
                    | UnsupportedOperationException ex) {
                throw new IOException(
                        file + ": malformed entry for tensor '" + e.getKey() + "'", ex);
            }
        }
        java.lang.ref.Reference.reachabilityFence(all);
        return out;
    }
}
