package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.seqlab.io.AtomicFiles;

/**
 * An ordered set of named trainable arrays, saved as safetensors.
 *
 * <p>Names are unique and insertion-ordered; the order is the order of optimizer state and of the
 * saved file. Initialization draws from a {@link SplittableRandom} split once per parameter, so the
 * same seed gives the same weights on every device.
 */
public final class NamedParameters implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final java.util.Set<String> frozen = new java.util.HashSet<>();
    private final SplittableRandom random;
    private final boolean placeholders;

    /**
     * Creates an empty set whose arrays live in {@code manager}.
     *
     * @param manager owner of every array added
     * @param seed seed of the initializers
     */
    public NamedParameters(NDManager manager, long seed) {
        this(manager, seed, false);
    }

    private NamedParameters(NDManager manager, long seed, boolean placeholders) {
        this.manager = manager;
        this.random = new SplittableRandom(seed);
        this.placeholders = placeholders;
    }

    /**
     * Creates an empty set for a model about to be loaded: its initializers make zeros instead of
     * drawing random values (a 10-million-weight embedding took about half a second to draw), so
     * {@link #load} must then replace every parameter, as it does.
     */
    public static NamedParameters forLoading(NDManager manager) {
        return new NamedParameters(manager, 0, true);
    }

    /** Adds a parameter drawn uniformly from {@code [-bound, bound]}. */
    public NDArray uniform(String name, Shape shape, double bound) {
        if (placeholders) {
            return add(name, manager.zeros(shape));
        }
        SplittableRandom r = random.split();
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        }
        return add(name, manager.create(values, shape));
    }

    /** Adds a parameter drawn from a normal distribution with the given standard deviation. */
    public NDArray normal(String name, Shape shape, double std) {
        if (placeholders) {
            return add(name, manager.zeros(shape));
        }
        SplittableRandom r = random.split();
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i += 2) {
            double u1 = 1.0 - r.nextDouble();
            double u2 = r.nextDouble();
            double radius = Math.sqrt(-2 * Math.log(u1)) * std;
            values[i] = (float) (radius * Math.cos(2 * Math.PI * u2));
            if (i + 1 < values.length) {
                values[i + 1] = (float) (radius * Math.sin(2 * Math.PI * u2));
            }
        }
        return add(name, manager.create(values, shape));
    }

    /** Adds an existing array under {@code name}; the set takes ownership of it. */
    public NDArray add(String name, NDArray array) {
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException("Duplicate parameter name '" + name + "'.");
        }
        array.attach(manager);
        array.setName(name);
        array.setRequiresGradient(true);
        arrays.put(name, array);
        return array;
    }

    /** Returns the parameter called {@code name}. */
    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("No parameter named '" + name + "'.");
        }
        return a;
    }

    /** Returns the names in order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(arrays.keySet()));
    }

    /** Returns the arrays in order. */
    public List<NDArray> arrays() {
        return Collections.unmodifiableList(new ArrayList<>(arrays.values()));
    }

    /**
     * Freezes the parameter called {@code name}: it no longer records gradients, and the optimizer,
     * gradient clipping and weight averaging leave it out ({@link #trainable()}). For pretrained
     * vectors that stay as they are: a large frozen embedding then costs no gradient, no optimizer
     * state and no update.
     *
     * @throws IllegalArgumentException when there is no such parameter
     */
    public void freeze(String name) {
        get(name).setRequiresGradient(false);
        frozen.add(name);
    }

    /** Returns the names of the parameters that are not frozen, in order. */
    public List<String> trainableNames() {
        List<String> out = new ArrayList<>();
        for (String n : arrays.keySet()) {
            if (!frozen.contains(n)) {
                out.add(n);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Returns the arrays of the parameters that are not frozen, in order. */
    public List<NDArray> trainable() {
        List<NDArray> out = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            if (!frozen.contains(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Returns the total number of scalar weights. */
    public long count() {
        long n = 0;
        for (NDArray a : arrays.values()) {
            n += a.size();
        }
        return n;
    }

    /** Returns the manager that owns the arrays. */
    public NDManager manager() {
        return manager;
    }

    /** Writes all parameters as one safetensors stream. */
    public void write(OutputStream out) throws IOException {
        NDList list = new NDList();
        for (NDArray a : arrays.values()) {
            list.add(a);
        }
        list.encode(out, NDList.Encoding.SAFETENSORS);
    }

    /** Writes all parameters to {@code file} atomically (temp file, then rename). */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, this::write);
    }

    /**
     * Replaces every parameter's values with those read from a safetensors file.
     *
     * @throws IOException naming the file when it is unreadable, truncated, lacks a parameter or
     *     holds one of another shape
     */
    public void load(Path file) throws IOException {
        try (NDManager scratch = manager.newSubManager()) {
            NDList list;
            try {
                list = SafetensorsFile.read(scratch, file);
            } catch (RuntimeException e) {
                throw new IOException(
                        file + ": not a readable parameter file (" + e.getMessage() + ")", e);
            }
            copyFrom(list, file.toString());
        }
    }

    /** Replaces every parameter's values with the same-named arrays of {@code list}. */
    public void copyFrom(NDList list, String source) throws IOException {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray target = e.getValue();
            if (!list.contains(e.getKey())) {
                throw new IOException(source + ": missing parameter '" + e.getKey() + "'");
            }
            NDArray loaded = list.get(e.getKey());
            if (!loaded.getShape().equals(target.getShape())
                    || loaded.getDataType() != DataType.FLOAT32) {
                throw new IOException(
                        source
                                + ": parameter '"
                                + e.getKey()
                                + "' has shape "
                                + loaded.getShape()
                                + " "
                                + loaded.getDataType()
                                + ", expected "
                                + target.getShape()
                                + " float32");
            }
            assign(target, loaded);
        }
    }

    /**
     * Copies {@code source}'s values into {@code target} in place, with native ops (DJL's {@code
     * set(Buffer)} makes libtorch print a deprecation warning). Targets are always finite here
     * (fresh initializations or zeroed moments), so {@code 0 * target} is zero.
     */
    static void assign(NDArray target, NDArray source) {
        target.muli(0).addi(source);
    }

    @Override
    public void close() {
        for (NDArray a : arrays.values()) {
            a.close();
        }
        arrays.clear();
    }
}
