package org.seqlab.tasks.forecast;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.io.DataDigest;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.seq2seq.TrainingRun;

/**
 * Trains a {@link ForecastModel} on one series: the last {@link ForecastConfig#validFraction()} of
 * its rows (by time) is the validation part, the scaling is fitted on the rows before it, training
 * origins are every row whose window and horizon lie before it, and the best model by validation
 * MAE is kept in the output directory.
 */
public final class ForecastTrainer {

    /** Validation origins at most; more are thinned to an even stride. */
    static final int MAX_VALID_ORIGINS = 2000;

    private final ForecastConfig config;
    private final TrainingListener listener;

    private final FineTune source;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public ForecastTrainer(ForecastConfig config, TrainingListener listener) {
        this(config, listener, null);
    }

    private ForecastTrainer(ForecastConfig config, TrainingListener listener, FineTune source) {
        this.config = config;
        this.listener = listener;
        this.source = source;
    }

    /**
     * Returns a trainer that starts from {@code source}'s weights (null: from fresh weights);
     * {@code config} must already hold the source's architecture ({@link FineTune#adopt}). The
     * scaling is fitted anew on the new series, so that the network sees values on the scale it was
     * trained on.
     */
    public ForecastTrainer initFrom(FineTune source) {
        return new ForecastTrainer(config, listener, source);
    }

    /** What a run produced. */
    public record Result(
            TrainingLoop.Result loop, int trainOrigins, int validOrigins, int validStart) {}

    /**
     * Trains on {@code series}, or resumes the run in {@code out} with its recorded configuration
     * (only this trainer's time budget applies) after checking that the data is the same.
     *
     * @param command the command line recorded in the manifest
     * @throws IllegalArgumentException when the series is too short for one training origin
     */
    public Result train(TimeSeries series, Path out, boolean resume, String command)
            throws IOException {
        String dataSha = sha256(series, config);
        ForecastConfig cfg = config;
        TrainingRun.Recorded run;
        FineTune from = source;
        if (resume) {
            run = TrainingRun.resume(out, ForecastModel.TASK, dataSha);
            from = run.source();
            ForecastConfig saved = ForecastConfig.fromJson(run.config());
            cfg = saved.withTraining(saved.training().withMaxTime(config.training().maxTime()));
        } else {
            TrainingRun.requireFresh(out);
            run = null;
        }
        int n = series.size();
        int validStart = n - (int) Math.round(n * cfg.validFraction());
        int first = cfg.history();
        int trainCount = validStart - cfg.horizon() - first + 1;
        if (trainCount < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s: %d rows are too few: training needs window/lags (%d) + horizon"
                                    + " (%d) rows before the validation part (%d rows).",
                            series.source(),
                            n,
                            first,
                            cfg.horizon(),
                            n - validStart));
        }
        int[] trainOrigins = new int[trainCount];
        for (int i = 0; i < trainCount; i++) {
            trainOrigins[i] = first + i;
        }
        int validFirst = Math.max(validStart, first);
        int validCount = Math.max(0, n - cfg.horizon() - validFirst + 1);
        int stride = Math.max(1, (validCount + MAX_VALID_ORIGINS - 1) / MAX_VALID_ORIGINS);
        int[] validOrigins = new int[(validCount + stride - 1) / stride];
        for (int i = 0; i < validOrigins.length; i++) {
            validOrigins[i] = validFirst + i * stride;
        }
        if (cfg.validFraction() > 0 && validOrigins.length == 0) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "The validation part (%d rows) is shorter than the horizon (%d);"
                                    + " raise --valid-fraction or set it to 0.",
                            n - validStart,
                            cfg.horizon()));
        }
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        double[][] values = new double[cfg.columns().size()][];
        for (int c = 0; c < values.length; c++) {
            values[c] = series.values(cfg.columns().get(c));
        }
        Scaling scaling = Scaling.fit(cfg.columns(), values, validStart);
        if (!resume) {
            run =
                    new TrainingRun.Recorded(
                            ForecastModel.TASK, cfg.toJson(), dataSha, command, from);
            TrainingRun.begin(out, run);
        }
        try (ForecastModel model = ForecastModel.create(cfg, scaling)) {
            if (from != null) {
                try (ForecastModel start = ForecastModel.load(from.dir())) {
                    from.copyWeights(start.parameters(), model.parameters(), 0, 0);
                }
            }
            JsonObject data = new JsonObject();
            data.addProperty("data_sha256", dataSha);
            data.addProperty("file", series.source().toString());
            data.addProperty("rows", n);
            data.addProperty("first", series.formatTime(series.time(0)));
            data.addProperty("last", series.formatTime(series.time(n - 1)));
            data.addProperty("frequency", series.frequency().id());
            data.addProperty("filled", series.filled());
            data.addProperty(
                    "valid_start",
                    validStart < n ? series.formatTime(series.time(validStart)) : "");
            data.addProperty("train_origins", trainOrigins.length);
            data.addProperty("valid_origins", validOrigins.length);
            if (from != null) {
                data.add("init_from", from.toJson());
            }
            ForecastConfig saved = cfg;
            String recorded = run.command();
            ForecastTrainingTask task =
                    new ForecastTrainingTask(
                            model,
                            model.windows(series),
                            trainOrigins,
                            validOrigins,
                            out,
                            metrics ->
                                    ModelManifest.create(
                                            ForecastModel.TASK,
                                            saved.toJson(),
                                            saved.seed(),
                                            data,
                                            metrics,
                                            recorded));
            TrainingLoop.Result r =
                    TrainingRun.train(task, cfg.training(), out, listener, resume, from);
            if (!cfg.quantiles().isEmpty() && validOrigins.length > 0) {
                calibrate(out, series, validOrigins);
            }
            return new Result(r, trainOrigins.length, validOrigins.length, validStart);
        }
    }

    /**
     * Calibrates the intervals of the best model in {@code out} on the validation origins and saves
     * it again, recording the validation coverage before and after in its manifest.
     */
    static void calibrate(Path out, TimeSeries series, int[] validOrigins) throws IOException {
        try (ForecastModel best = ForecastModel.load(out)) {
            ForecastConfig c = best.config();
            ForecastWindows w = best.windows(series);
            double[][][] raw = best.predictRaw(w, validOrigins);
            int target = series.column(c.target());
            double[][] actual = new double[validOrigins.length][c.horizon()];
            for (int i = 0; i < validOrigins.length; i++) {
                for (int s = 0; s < c.horizon(); s++) {
                    actual[i][s] = series.value(target, validOrigins[i] + s);
                }
            }
            IntervalCalibration cal = IntervalCalibration.fit(c.quantiles(), raw, actual);
            JsonObject metrics = best.manifest().metrics().deepCopy();
            metrics.addProperty("valid_coverage_uncalibrated", coverage(raw, actual));
            best.calibrate(cal);
            metrics.addProperty("valid_coverage", coverage(best.predict(w, validOrigins), actual));
            best.save(out, best.manifest().withMetrics(metrics));
        }
    }

    /** Returns the fraction of actual values inside the widest interval (first to last output). */
    static double coverage(double[][][] forecasts, double[][] actual) {
        long in = 0;
        long n = 0;
        for (int i = 0; i < forecasts.length; i++) {
            for (int s = 0; s < forecasts[i].length; s++) {
                double[] f = forecasts[i][s];
                double y = actual[i][s];
                if (f[0] <= y && y <= f[f.length - 1]) {
                    in++;
                }
                n++;
            }
        }
        return (double) in / n;
    }

    /** Returns the SHA-256 of the rows: each time and the configured columns' values. */
    static String sha256(TimeSeries series, ForecastConfig config) {
        DataDigest d = new DataDigest();
        int[] cols = new int[config.columns().size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = series.column(config.columns().get(c));
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < series.size(); r++) {
            b.setLength(0);
            b.append(series.formatTime(series.time(r)));
            for (int c : cols) {
                b.append(',').append(series.value(c, r));
            }
            d.add(b.append('\n').toString());
        }
        return d.endPart().hex();
    }
}
