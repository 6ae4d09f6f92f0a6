package org.seqlab.tasks.forecast;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.series.CalendarFeatures;
import org.seqlab.corpora.series.FillPolicy;
import org.seqlab.corpora.series.Frequency;
import org.seqlab.corpora.series.SeriesReadOptions;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.corpora.series.TimeSeriesReader;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.tasks.cli.CommandLines;
import org.seqlab.tasks.cli.ModelPaths;
import org.seqlab.tasks.cli.ProgressReporter;
import org.seqlab.tasks.cli.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seqlab forecast}: train, evaluate and use recurrent forecasters of time series. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description =
                "Forecast a numeric time series from a CSV/TSV with an LSTM/GRU encoder-decoder:"
                        + " quantiles, rolling-origin evaluation against the seasonal-naive"
                        + " baseline, plots.",
        subcommands = {
            ForecastCommand.Train.class,
            ForecastCommand.Eval.class,
            ForecastCommand.Predict.class
        })
public final class ForecastCommand implements Runnable {

    /** Rows of history drawn before the forecasts in plots, in seasonal periods. */
    static final int PLOT_PERIODS = 2;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "Missing a subcommand: train, eval or predict.");
    }

    private ForecastCommand() {}

    /** The defaults of {@code forecast train}'s model-dependent training flags. */
    public static final class Defaults extends TrainingOptions.Defaults {
        /** Creates the provider picocli instantiates. */
        public Defaults() {
            super("40", "3e-3", "64", "1e-5");
        }
    }

    /** {@code seqlab forecast train}. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            defaultValueProvider = Defaults.class,
            description = "Train a forecaster on one series of a CSV/TSV file.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "CSV or TSV with a header.")
        Path data;

        @Option(names = "--time", required = true, description = "The time column.")
        String time;

        @Option(names = "--target", required = true, description = "The column to forecast.")
        String target;

        @Option(
                names = "--features",
                split = ",",
                description = "Past covariates: columns read in the window (comma-separated).")
        List<String> features = new ArrayList<>();

        @Option(
                names = "--calendar",
                defaultValue = "auto",
                description =
                        "auto: time of day, day of week and day of year as sine/cosine pairs, as"
                                + " the frequency allows (day of year only on two years or more);"
                                + " none; or a list such as time_of_day,day_of_week"
                                + " (default: ${DEFAULT-VALUE}).")
        String calendar;

        @Option(
                names = "--fill",
                defaultValue = "none",
                description =
                        "Gaps and missing values: none (an error), previous (carry the last value"
                                + " forward) or linear (interpolate) (default: ${DEFAULT-VALUE}).")
        String fill;

        @Option(names = "--window", required = true, description = "Past steps the model reads.")
        int window;

        @Option(names = "--horizon", required = true, description = "Steps forecast at once.")
        int horizon;

        @Option(
                names = "--seasonal-period",
                description =
                        "The seasonal-naive baseline's period in steps (default: a week for"
                                + " sub-daily and daily data, a year for weekly and monthly).")
        Integer seasonalPeriod;

        @Option(
                names = "--lags",
                split = ",",
                description =
                        "Seasonal lags of the target the decoder sees for each future step"
                                + " (default: the seasonal period; 'none' for none).")
        List<String> lags;

        @Option(names = "--hidden", defaultValue = "64")
        int hidden;

        @Option(names = "--layers", defaultValue = "1")
        int layers;

        @Option(names = "--dropout", defaultValue = "0.1")
        float dropout;

        @Option(
                names = "--members",
                defaultValue = "1",
                description =
                        "Networks trained side by side from different initial weights; the"
                                + " forecast is their average (default: ${DEFAULT-VALUE}).")
        int members;

        @Option(
                names = "--quantiles",
                defaultValue = "0.1,0.5,0.9",
                description =
                        "Quantiles forecast with the pinball loss (0.5 is the point forecast), or"
                                + " none for a point forecast with --loss (default:"
                                + " ${DEFAULT-VALUE}).")
        String quantiles;

        @Option(
                names = "--loss",
                defaultValue = "mae",
                description = "With --quantiles none: mae or mse (default: ${DEFAULT-VALUE}).")
        String loss;

        @Option(
                names = "--valid-fraction",
                defaultValue = "0.1",
                description =
                        "The last fraction of the rows, by time, used for validation; 0 trains on"
                                + " all and keeps the last model (default: ${DEFAULT-VALUE}).")
        double validFraction;

        @Option(
                names = "--normalize",
                defaultValue = "window",
                description =
                        "window: subtract each window's mean level; global: scaling only"
                                + " (default: ${DEFAULT-VALUE}).")
        String normalize;

        @Mixin TrainingOptions training;

        @Override
        public Integer call() throws Exception {
            Path out = training.out();
            List<String> columns = new ArrayList<>();
            columns.add(target);
            columns.addAll(features);
            FillPolicy fp = FillPolicy.parse(fill);
            TimeSeries series =
                    TimeSeriesReader.read(data, new SeriesReadOptions(time, columns, fp));
            Frequency f = series.frequency();
            int period = seasonalPeriod != null ? seasonalPeriod : f.seasonalPeriod();
            List<Integer> lagList = ForecastFlags.lags(lags, period);
            List<Double> qs = ForecastFlags.quantiles(quantiles);
            String lossName = qs.isEmpty() ? loss.toLowerCase(Locale.ROOT) : "pinball";
            ForecastConfig config =
                    new ForecastConfig(
                            time,
                            target,
                            features,
                            CalendarFeatures.resolve(
                                    f, calendar, series.time(0), series.time(series.size() - 1)),
                            f.id(),
                            fp.id(),
                            window,
                            horizon,
                            lagList,
                            training.cell(),
                            hidden,
                            layers,
                            dropout,
                            members,
                            qs,
                            lossName,
                            period,
                            validFraction,
                            normalize.toLowerCase(Locale.ROOT),
                            training.batch(),
                            training.config());
            FineTune source = training.fineTune(ForecastModel.TASK);
            config =
                    training.adopt(
                            source,
                            config,
                            ForecastConfig::toJson,
                            ForecastConfig::fromJson,
                            ForecastConfig.ARCHITECTURE);
            try (ProgressReporter progress = ProgressReporter.forStderr()) {
                ForecastTrainer.Result r =
                        new ForecastTrainer(config, progress)
                                .initFrom(source)
                                .train(
                                        series,
                                        out,
                                        training.resume(),
                                        CommandLines.current("seqlab forecast train"));
                TrainingLoop.Result l = r.loop();
                System.out.printf(
                        Locale.ROOT,
                        "stopped: %s after %d epochs, %.0f s; best validation MAE %.4g;"
                                + " %d training origins, %d validation origins; model in %s%n",
                        l.reason().name().toLowerCase(Locale.ROOT),
                        l.epochsCompleted(),
                        l.elapsedSeconds(),
                        l.bestValid(),
                        r.trainOrigins(),
                        r.validOrigins(),
                        out);
            }
            return 0;
        }
    }

    /** {@code seqlab forecast eval}. */
    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description =
                    "Rolling-origin evaluation: forecast from --from, then every --stride steps,"
                            + " using only the rows before each origin; scores against the"
                            + " seasonal-naive baseline on the same origins.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory.")
        Path model;

        @Option(names = "--data", required = true, description = "The full series (CSV/TSV).")
        Path data;

        @Option(names = "--from", required = true, description = "The first origin's time.")
        String from;

        @Option(
                names = "--horizon",
                description =
                        "Steps per origin (default: the model's; more are forecast recursively).")
        Integer horizon;

        @Option(names = "--stride", description = "Steps between origins (default: the horizon).")
        Integer stride;

        @Option(names = "--json", description = "One JSON object instead of text.")
        boolean json;

        @Option(
                names = "--output",
                description =
                        "Write every forecast value: origin,timestamp,step,forecast,actual and"
                                + " one column per quantile.")
        Path output;

        @Option(
                names = "--plot",
                description = "Draw actual values, forecasts and intervals (PNG).")
        Path plot;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            ForecastFlags.checkOutputs(output, plot);
            try (ForecastModel m = ForecastModel.load(ModelPaths.resolve(model))) {
                ForecastConfig c = m.config();
                TimeSeries s = m.read(data);
                int h = horizon != null ? horizon : c.horizon();
                int st = stride != null ? stride : h;
                if (st < 1) {
                    throw new IllegalArgumentException(
                            "--stride must be at least 1; got " + st + ".");
                }
                int origin = ForecastFlags.row(s, ForecastFlags.parseTime("--from", from), from);
                if (origin < 0) {
                    throw new IllegalArgumentException(
                            "--from "
                                    + from
                                    + " is before the first row of "
                                    + data
                                    + " ("
                                    + s.formatTime(s.time(0))
                                    + "); an origin needs "
                                    + c.history()
                                    + " rows before it.");
                }
                ForecastEvaluator.Evaluation e = ForecastEvaluator.evaluate(m, s, origin, h, st);
                if (output != null) {
                    ForecastEvaluator.writeCsv(output, m, e);
                }
                if (plot != null) {
                    ForecastEvaluator.plot(plot, m, e, PLOT_PERIODS * c.seasonalPeriod());
                }
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                out.print(json ? e.report().toJson() + "\n" : e.report().toText());
                System.err.printf(
                        Locale.ROOT,
                        "%d origins in %.1f s (loading included)%n",
                        e.report().origins(),
                        (System.nanoTime() - t0) / 1e9);
            }
            return 0;
        }
    }

    /** {@code seqlab forecast predict}. */
    @Command(
            name = "predict",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Forecast the steps after the last row, with intervals.")
    static final class Predict implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory.")
        Path model;

        @Option(names = "--data", required = true, description = "The series (CSV/TSV).")
        Path data;

        @Option(
                names = "--horizon",
                description =
                        "Steps to forecast (default: the model's; more are forecast recursively,"
                                + " each part from the point forecast before it).")
        Integer horizon;

        @Option(names = "--output", description = "Write the CSV here instead of standard output.")
        Path output;

        @Option(names = "--plot", description = "Draw the recent history and the forecast (PNG).")
        Path plot;

        @Override
        public Integer call() throws Exception {
            ForecastFlags.checkOutputs(output, plot);
            try (ForecastModel m = ForecastModel.load(ModelPaths.resolve(model))) {
                TimeSeries s = m.read(data);
                Forecast f = m.forecast(s, horizon != null ? horizon : m.config().horizon());
                if (output != null) {
                    ForecastPredictor.writeCsv(output, m, f);
                } else {
                    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                    out.print(ForecastPredictor.csv(m, f));
                }
                if (plot != null) {
                    ForecastPredictor.plot(plot, m, f, PLOT_PERIODS * m.config().seasonalPeriod());
                }
            }
            return 0;
        }
    }
}
