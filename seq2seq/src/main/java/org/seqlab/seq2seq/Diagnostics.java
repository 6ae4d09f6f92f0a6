package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.eval.DiagnosticsChart;

/**
 * Gradient diagnostics of a training run ({@code --diagnostics N}): every N updates one line of
 * {@code diagnostics.jsonl} beside the model, redrawn as two charts after every epoch.
 *
 * <p>A line holds the update and epoch, the step's loss, the global gradient norm before and after
 * clipping, the fraction of updates clipped since the previous line, the gradient norm of each
 * layer (parameters grouped by their name without its last component: {@code rnn.l0.w_ih} belongs
 * to {@code rnn.l0}) and, per recurrent layer, {@code |dL/dh_t|} for every time step t of the
 * window: how much the step's loss reaches back through time. Those come from {@link
 * GradientProbes}, so a diagnosed update runs its recurrent layers through the unrolled loop
 * instead of the fused kernels (same values, slower). For a loss at the window's end (a classifier,
 * the adding problem) this is exactly the textbook quantity; for a loss at every position (a
 * language model, a tagger) it sums every position's loss.
 *
 * <p>{@code diagnostics-norms.png}: the norms over updates; {@code diagnostics-dh.png}: the latest
 * line's {@code |dL/dh_t|} over t, one curve per layer; both on log scales.
 */
public final class Diagnostics {

    /** The log's file name in the run directory. */
    public static final String FILE = "diagnostics.jsonl";

    private final Path dir;
    private final int every;
    private final double clip;
    private int steps;
    private int clipped;

    /** Creates diagnostics for a run in {@code dir}, every {@code every} updates. */
    public Diagnostics(Path dir, int every, double clip) {
        this.dir = dir;
        this.every = every;
        this.clip = clip;
    }

    /** Returns whether update {@code global} (0-based, about to run) is diagnosed. */
    public boolean due(long global) {
        return (global + 1) % every == 0 || global == 0;
    }

    /** Counts an update and whether clipping scaled its gradients. */
    public void count(double norm) {
        steps++;
        if (clip > 0 && Double.isFinite(clip) && norm > clip) {
            clipped++;
        }
    }

    /** Returns the gradient norm of each layer of {@code params} (trainable ones). */
    public static Map<String, Double> layerNorms(NamedParameters params) {
        Map<String, Double> squares = new LinkedHashMap<>();
        try (NDManager scratch = params.manager().newSubManager()) {
            for (String name : params.trainableNames()) {
                NDArray g = params.get(name).getGradient();
                g.attach(scratch);
                int dot = name.lastIndexOf('.');
                String layer = dot < 0 ? name : name.substring(0, dot);
                squares.merge(layer, (double) g.square().sum().getFloat(), Double::sum);
            }
        }
        Map<String, Double> norms = new LinkedHashMap<>();
        squares.forEach((k, v) -> norms.put(k, Math.sqrt(v)));
        return norms;
    }

    /** Appends one line for update {@code update} (1-based, just done). */
    public void record(
            int epoch,
            long update,
            double loss,
            double norm,
            Map<String, Double> layers,
            Map<String, double[]> reach)
            throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("epoch", epoch);
        o.addProperty("update", update);
        o.addProperty("loss", loss);
        o.addProperty("grad_norm", norm);
        o.addProperty(
                "grad_norm_clipped",
                clip > 0 && Double.isFinite(clip) ? Math.min(norm, clip) : norm);
        o.addProperty("clipped_fraction", steps == 0 ? 0 : (double) clipped / steps);
        steps = 0;
        clipped = 0;
        JsonObject l = new JsonObject();
        layers.forEach(l::addProperty);
        o.add("layers", l);
        JsonObject r = new JsonObject();
        reach.forEach(
                (k, v) -> {
                    JsonArray a = new JsonArray();
                    for (double d : v) {
                        a.add(d);
                    }
                    r.add(k, a);
                });
        o.add("dl_dh", r);
        Files.writeString(
                dir.resolve(FILE),
                o + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Redraws both charts from the log; does nothing when it has no line yet. */
    public void draw() throws IOException {
        draw(dir.resolve(FILE), dir);
    }

    /**
     * Draws {@code diagnostics-norms.png} and {@code diagnostics-dh.png} from a log into {@code
     * dir}.
     */
    public static void draw(Path log, Path dir) throws IOException {
        if (!Files.isRegularFile(log)) {
            return;
        }
        List<JsonObject> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        double[] x = new double[lines.size()];
        Map<String, double[]> norms = new LinkedHashMap<>();
        norms.put("global, before clipping", new double[x.length]);
        norms.put("global, after clipping", new double[x.length]);
        for (int i = 0; i < x.length; i++) {
            JsonObject o = lines.get(i);
            x[i] = o.get("update").getAsDouble();
            norms.get("global, before clipping")[i] = number(o.get("grad_norm"));
            norms.get("global, after clipping")[i] = number(o.get("grad_norm_clipped"));
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("layers").entrySet()) {
                norms.computeIfAbsent(e.getKey(), k -> new double[x.length])[i] =
                        number(e.getValue());
            }
        }
        DiagnosticsChart.lines(
                "Gradient norms",
                "update",
                "L2 norm",
                x,
                norms,
                dir.resolve("diagnostics-norms.png"));
        JsonObject last = lines.get(lines.size() - 1);
        Map<String, double[]> reach = new LinkedHashMap<>();
        int longest = 0;
        for (Map.Entry<String, JsonElement> e : last.getAsJsonObject("dl_dh").entrySet()) {
            JsonArray a = e.getValue().getAsJsonArray();
            double[] v = new double[a.size()];
            for (int t = 0; t < v.length; t++) {
                v[t] = number(a.get(t));
            }
            reach.put(e.getKey(), v);
            longest = Math.max(longest, v.length);
        }
        if (reach.isEmpty()) {
            return;
        }
        double[] t = new double[longest];
        for (int i = 0; i < longest; i++) {
            t[i] = i + 1;
        }
        try {
            DiagnosticsChart.lines(
                    "|dL/dh_t| at update " + last.get("update").getAsLong(),
                    "time step t",
                    "|dL/dh_t|",
                    t,
                    reach,
                    dir.resolve("diagnostics-dh.png"));
        } catch (IllegalArgumentException e) {
            // every gradient was zero: nothing to draw on a log scale
        }
    }

    private static double number(JsonElement e) {
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }
}
