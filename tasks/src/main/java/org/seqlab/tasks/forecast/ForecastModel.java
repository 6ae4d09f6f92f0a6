package org.seqlab.tasks.forecast;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlab.corpora.series.FillPolicy;
import org.seqlab.corpora.series.SeriesReadOptions;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.corpora.series.TimeSeriesReader;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;

/**
 * A trained forecaster: a recurrent encoder over the window, a recurrent decoder over the horizon
 * started from the encoder's final state, and a linear layer giving every step's quantiles (or
 * point forecast), plus a linear path from the decoder's inputs (the seasonal lags) to the outputs.
 * All horizon steps come out of one fused call (direct multi-output). Holds native memory: close
 * it.
 */
public final class ForecastModel implements AutoCloseable {

    /** The task id written in manifests. */
    public static final String TASK = "forecast";

    static final String SCALING = "scaling.json";

    private static final int PREDICT_BATCH = 256;

    private final NDManager manager;
    private final NamedParameters params;
    private final ForecastConfig config;
    private final Scaling scaling;
    private final List<ForecastMember> members;
    private final NDArray quantiles;
    private final ModelManifest manifest;
    private IntervalCalibration calibration;

    private ForecastModel(
            NDManager manager,
            ForecastConfig config,
            Scaling scaling,
            ModelManifest manifest,
            boolean forLoading) {
        this.manager = manager;
        this.config = config;
        this.scaling = scaling;
        this.manifest = manifest;
        this.params =
                forLoading
                        ? NamedParameters.forLoading(manager)
                        : new NamedParameters(manager, config.seed());
        this.members = new ArrayList<>();
        for (int k = 0; k < config.members(); k++) {
            members.add(
                    new ForecastMember(params, config.members() == 1 ? "" : "m" + k + ".", config));
        }
        int q = config.outputs();
        float[] taus = new float[q];
        for (int i = 0; i < config.quantiles().size(); i++) {
            taus[i] = config.quantiles().get(i).floatValue();
        }
        this.quantiles = manager.create(taus);
        this.calibration = IntervalCalibration.none(q);
    }

    private static NDManager newManager() {
        Device device = Engine.getInstance().defaultDevice();
        return NDManager.newBaseManager(device);
    }

    /** Creates an untrained model with seeded weights. */
    static ForecastModel create(ForecastConfig config, Scaling scaling) {
        NDManager manager = newManager();
        try {
            return new ForecastModel(manager, config, scaling, null, false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Loads a model directory written by {@link #save}.
     *
     * @throws ModelFormatException when the directory is missing, incomplete, of another task or of
     *     a newer format
     */
    public static ForecastModel load(Path dir) throws IOException {
        ModelDirectory md = ModelDirectory.open(dir, TASK, ModelDirectory.PARAMS, SCALING);
        ForecastConfig config = md.config(ForecastConfig::fromJson);
        Scaling scaling;
        try {
            scaling = Scaling.fromJson(readJson(md.file(SCALING)));
        } catch (RuntimeException e) {
            throw new ModelFormatException(md.file(SCALING) + ": " + e.getMessage(), e);
        }
        Path intervals = md.file(IntervalCalibration.FILE);
        IntervalCalibration calibration;
        try {
            calibration =
                    Files.exists(intervals)
                            ? IntervalCalibration.fromJson(readJson(intervals), config.outputs())
                            : IntervalCalibration.none(config.outputs());
        } catch (RuntimeException e) {
            throw new ModelFormatException(intervals + ": " + e.getMessage(), e);
        }
        return md.build(
                newManager(),
                manager -> {
                    ForecastModel m =
                            new ForecastModel(manager, config, scaling, md.manifest(), true);
                    m.calibration = calibration;
                    md.loadParameters(m.params);
                    return m;
                });
    }

    private static JsonObject readJson(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the weights and the scaling, each atomically, then the manifest. */
    public void save(Path dir, ModelManifest newManifest) throws IOException {
        ModelDirectory.save(
                dir,
                newManifest,
                null,
                params,
                d -> {
                    AtomicFiles.writeString(d.resolve(SCALING), scaling.toJson() + "\n");
                    AtomicFiles.writeString(
                            d.resolve(IntervalCalibration.FILE), calibration.toJson() + "\n");
                });
    }

    /**
     * Runs the model on a batch: {@code (B, H, outputs)} in scaled, level-relative units.
     *
     * @param m the manager owning the arrays made here
     */
    NDArray forward(NDManager m, ForecastWindows.Inputs in, boolean training) {
        int w = config.window();
        int h = config.horizon();
        NDArray enc =
                m.create(
                        in.encoder(),
                        new Shape(in.batch(), w, ForecastWindows.encoderWidth(config)));
        NDArray dec =
                m.create(
                        in.decoder(),
                        new Shape(in.batch(), h, ForecastWindows.decoderWidth(config)));
        NDArray sum = null;
        for (ForecastMember member : members) {
            NDArray out = member.forward(enc, dec, training);
            sum = sum == null ? out : sum.add(out);
        }
        return members.size() == 1 ? sum : sum.div(members.size());
    }

    /** Returns every member's outputs, stacked: {@code (members, B, H, outputs)}. */
    NDArray forwardMembers(NDManager m, ForecastWindows.Inputs in, boolean training) {
        NDArray enc =
                m.create(
                        in.encoder(),
                        new Shape(
                                in.batch(), config.window(), ForecastWindows.encoderWidth(config)));
        NDArray dec =
                m.create(
                        in.decoder(),
                        new Shape(
                                in.batch(),
                                config.horizon(),
                                ForecastWindows.decoderWidth(config)));
        NDList outs = new NDList();
        for (ForecastMember member : members) {
            outs.add(member.forward(enc, dec, training));
        }
        return NDArrays.stack(outs);
    }

    /**
     * Returns the training loss, a scalar: the mean pinball loss over the quantiles, or the mean
     * absolute or squared error.
     */
    NDArray loss(NDManager m, ForecastWindows.Inputs in) {
        // Each member is trained on its own loss (the mean of the members' losses), not on the
        // loss of their average: members stay diverse, as independently trained ones would.
        NDArray out = forwardMembers(m, in, true);
        NDArray target = m.create(in.targets(), new Shape(in.batch(), config.horizon(), 1));
        NDArray diff = target.sub(out);
        switch (config.loss()) {
            case "pinball":
                NDArray tau = quantiles;
                return diff.mul(tau).maximum(diff.mul(tau.sub(1))).mean();
            case "mae":
                return diff.abs().mean();
            default:
                return diff.square().mean();
        }
    }

    /**
     * Forecasts from each origin of a series: {@code [origin][step][output]} in the target's units,
     * the intervals calibrated, outputs sorted per step (the quantiles never cross).
     */
    double[][][] predict(ForecastWindows windows, int[] origins) {
        double[][][] f = predictRaw(windows, origins);
        for (double[][] steps : f) {
            for (double[] step : steps) {
                calibration.apply(step);
            }
        }
        return f;
    }

    /**
     * Forecasts {@code steps} steps from each origin: at once for up to the model's horizon H,
     * recursively beyond it (the point forecast of the first H steps continues the series, the
     * model forecasts the next H from it, and so on). A recursive forecast's later intervals are
     * those of the model given the earlier point forecasts, so they do not widen for the error of
     * those.
     *
     * @throws IllegalArgumentException when {@code steps} exceeds H and the model reads past
     *     covariates, whose later values are unknown
     */
    double[][][] predict(ForecastWindows windows, int[] origins, int steps) {
        int h = config.horizon();
        if (steps <= h) {
            double[][][] f = predict(windows, origins);
            for (int i = 0; i < f.length; i++) {
                f[i] = Arrays.copyOf(f[i], steps);
            }
            return f;
        }
        requireRecursive(steps);
        double[][][] result = new double[origins.length][steps][];
        double[][][] first = predict(windows, origins);
        for (int i = 0; i < origins.length; i++) {
            double[] points = new double[steps];
            int done = 0;
            double[][] part = first[i];
            while (true) {
                int take = Math.min(h, steps - done);
                for (int s = 0; s < take; s++) {
                    result[i][done + s] = part[s];
                    points[done + s] = part[s][config.pointOutput()];
                }
                done += take;
                if (done == steps) {
                    break;
                }
                ForecastWindows next = windows.continued(origins[i], Arrays.copyOf(points, done));
                part = predict(next, new int[] {origins[i] + done})[0];
            }
        }
        return result;
    }

    /** Checks that this model can forecast {@code steps} steps. */
    void requireRecursive(int steps) {
        if (steps > config.horizon() && !config.features().isEmpty()) {
            throw new IllegalArgumentException(
                    "The model forecasts "
                            + config.horizon()
                            + " steps at once and reads past covariates "
                            + config.features()
                            + ", whose values after the origin are unknown: it cannot forecast "
                            + steps
                            + " steps recursively. Train it with a longer --horizon or without"
                            + " --features.");
        }
    }

    /** Sets the interval calibration that {@link #predict} applies and {@link #save} writes. */
    void calibrate(IntervalCalibration c) {
        if (c.offsets().length != config.outputs()) {
            throw new IllegalArgumentException("One offset per output is needed.");
        }
        this.calibration = c;
    }

    /** Like {@link #predict}, without the interval calibration. */
    double[][][] predictRaw(ForecastWindows windows, int[] origins) {
        double[][][] result = new double[origins.length][][];
        int h = config.horizon();
        int q = config.outputs();
        for (int start = 0; start < origins.length; start += PREDICT_BATCH) {
            int[] chunk =
                    Arrays.copyOfRange(
                            origins, start, Math.min(origins.length, start + PREDICT_BATCH));
            ForecastWindows.Inputs in = windows.inputs(chunk, false);
            float[] out;
            try (NDManager m = manager.newSubManager()) {
                out = forward(m, in, false).toFloatArray();
            }
            for (int i = 0; i < chunk.length; i++) {
                double[][] steps = new double[h][q];
                for (int s = 0; s < h; s++) {
                    for (int k = 0; k < q; k++) {
                        steps[s][k] = windows.unscale(out[(i * h + s) * q + k], in.level()[i]);
                    }
                    Arrays.sort(steps[s]);
                }
                result[start + i] = steps;
            }
        }
        return result;
    }

    /**
     * Reads the columns this model needs from a CSV/TSV file, filling as it was trained to.
     *
     * @throws IOException naming the file and line of a malformed row
     * @throws IllegalArgumentException when the file's frequency is not the model's
     */
    public TimeSeries read(Path file) throws IOException {
        TimeSeries s =
                TimeSeriesReader.read(
                        file,
                        new SeriesReadOptions(
                                config.time(), config.columns(), FillPolicy.parse(config.fill())));
        if (!s.frequency().id().equals(config.frequency())) {
            throw new IllegalArgumentException(
                    file
                            + ": the rows are "
                            + s.frequency().id()
                            + ", the model was trained on "
                            + config.frequency()
                            + " data.");
        }
        return s;
    }

    /**
     * Forecasts the horizon after the last row of {@code series}, using its last rows only.
     *
     * @throws IllegalArgumentException when the series is shorter than the rows the model reads
     */
    public Forecast forecast(TimeSeries series) {
        return ForecastPredictor.predict(this, series, config.horizon());
    }

    /**
     * Forecasts {@code steps} steps after the last row of {@code series}: at once up to the model's
     * horizon, recursively beyond it (see {@code forecast predict --horizon}).
     *
     * @throws IllegalArgumentException when the series is too short, {@code steps < 1}, or the
     *     steps exceed the horizon of a model that reads past covariates
     */
    public Forecast forecast(TimeSeries series, int steps) {
        return ForecastPredictor.predict(this, series, steps);
    }

    /**
     * Evaluates rolling origins: the first at {@code from}, then every {@code stride} steps while
     * all {@code horizon} actual values exist; each forecast uses only the rows before its origin.
     *
     * @throws IllegalArgumentException when {@code from} is not a row of the series, leaves too few
     *     rows before it or no origin after it
     */
    public ForecastReport evaluate(TimeSeries series, LocalDateTime from, int horizon, int stride) {
        int row = series.indexOf(from);
        if (row < 0) {
            throw new IllegalArgumentException(
                    "from " + from + " is not the time of a row of " + series.source() + ".");
        }
        return ForecastEvaluator.evaluate(this, series, row, horizon, stride).report();
    }

    /** Returns the windows of {@code series} as this model reads them. */
    ForecastWindows windows(TimeSeries series) {
        return new ForecastWindows(config, scaling, series);
    }

    /** Returns the configuration. */
    public ForecastConfig config() {
        return config;
    }

    /** Returns the scaling fitted on the training part. */
    Scaling scaling() {
        return scaling;
    }

    /** Returns the parameters. */
    NamedParameters parameters() {
        return params;
    }

    /** Returns the manifest it was loaded with, or null for an unsaved model. */
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public void close() {
        manager.close();
    }
}
