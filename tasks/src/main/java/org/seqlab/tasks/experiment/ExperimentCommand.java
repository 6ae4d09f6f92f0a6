package org.seqlab.tasks.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seqlab.eval.DiagnosticsChart;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.CellType;
import org.seqlab.tasks.cli.CellConverter;
import org.seqlab.tasks.cli.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab experiment}: experiments that show what the theory of recurrent networks says. */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = "Experiments that reproduce textbook claims about recurrent networks.",
        subcommands = {ExperimentCommand.Gradients.class})
public final class ExperimentCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "Name an experiment: gradients.");
    }

    /** {@code seqlab experiment gradients}. */
    @Command(
            name = "gradients",
            mixinStandardHelpOptions = true,
            description =
                    "Vanishing gradients on the adding problem: for each cell and length T, train a"
                            + " fixed budget of updates with and without clipping; report the test"
                            + " MSE (predicting 1.0 scores about 0.167) and |dL/dh_1|/|dL/dh_T| at"
                            + " initialization and after training. Writes gradients.tsv and two"
                            + " charts into --out.")
    static final class Gradients implements Callable<Integer> {
        @Option(
                names = "--lengths",
                split = ",",
                defaultValue = "20,50,100,200",
                description = "Sequence lengths T (default: ${DEFAULT-VALUE}).")
        List<Integer> lengths;

        @Option(
                names = "--cells",
                split = ",",
                converter = CellConverter.class,
                defaultValue = "rnn-tanh,rnn-relu,lstm,gru,lstm-peephole",
                description = "Cells (default: ${DEFAULT-VALUE}).")
        List<CellType> cells;

        @Option(
                names = "--clip",
                defaultValue = "both",
                description = "Runs with global-norm clipping at 1.0: on, off or both (default).")
        String clip;

        @Option(
                names = "--updates",
                defaultValue = "2000",
                description = "Updates per run (default: ${DEFAULT-VALUE}).")
        int updates;

        @Option(names = "--hidden", defaultValue = "64")
        int hidden;

        @Option(names = "--batch", defaultValue = "32")
        int batch;

        @Option(names = "--lr", defaultValue = "2e-3")
        float lr;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(
                names = "--out",
                defaultValue = ".",
                description = "Directory for the table and charts.")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<Boolean> clips =
                    switch (clip.toLowerCase(Locale.ROOT)) {
                        case "on" -> List.of(true);
                        case "off" -> List.of(false);
                        case "both" -> List.of(true, false);
                        default ->
                                throw new IllegalArgumentException(
                                        "--clip: expected on, off or both; got '" + clip + "'.");
                    };
            for (int t : lengths) {
                new AddingProblem(t);
            }
            if (updates < 1 || hidden < 1 || batch < 1 || !(lr > 0)) {
                throw new IllegalArgumentException(
                        "--updates, --hidden and --batch must be at least 1, --lr positive.");
            }
            OutputPaths.requireDirectoryOrAbsent("--out", out);
            Files.createDirectories(out);
            GradientsExperiment experiment =
                    new GradientsExperiment(hidden, batch, updates, lr, seed);
            List<GradientsExperiment.Row> rows = new ArrayList<>();
            System.out.println(
                    "cell           T  clip  test MSE  |dL/dh_1|/|dL/dh_T| init  trained  seconds");
            for (CellType cell : cells) {
                for (int t : lengths) {
                    for (boolean c : clips) {
                        GradientsExperiment.Row r = experiment.run(cell, t, c);
                        rows.add(r);
                        System.out.printf(
                                Locale.ROOT,
                                "%-13s %4d  %-4s  %8.4f  %26.3g  %7.3g  %7.1f%n",
                                cell.id(),
                                t,
                                c ? "on" : "off",
                                r.testMse(),
                                r.ratioInit(),
                                r.ratioTrained(),
                                r.seconds());
                        System.out.flush();
                    }
                }
            }
            write(rows, clips.get(0));
            System.out.println("wrote " + out.resolve("gradients.tsv") + " and charts");
            return 0;
        }

        private void write(List<GradientsExperiment.Row> rows, boolean chartClip)
                throws IOException {
            StringBuilder tsv =
                    new StringBuilder(
                            "cell\tT\tclip\ttest_mse\tratio_init\tratio_trained\tseconds\n");
            for (GradientsExperiment.Row r : rows) {
                tsv.append(
                        String.format(
                                Locale.ROOT,
                                "%s\t%d\t%s\t%.6f\t%.6g\t%.6g\t%.1f%n",
                                r.cell().id(),
                                r.length(),
                                r.clip() ? "on" : "off",
                                r.testMse(),
                                r.ratioInit(),
                                r.ratioTrained(),
                                r.seconds()));
            }
            AtomicFiles.writeString(out.resolve("gradients.tsv"), tsv.toString());
            double[] x = lengths.stream().mapToDouble(Integer::doubleValue).toArray();
            Map<String, double[]> mse = new LinkedHashMap<>();
            Map<String, double[]> ratio = new LinkedHashMap<>();
            for (GradientsExperiment.Row r : rows) {
                if (r.clip() != chartClip) {
                    continue;
                }
                int i = lengths.indexOf(r.length());
                mse.computeIfAbsent(r.cell().id(), k -> new double[x.length])[i] = r.testMse();
                ratio.computeIfAbsent(r.cell().id() + " (init)", k -> new double[x.length])[i] =
                        r.ratioInit();
                ratio.computeIfAbsent(r.cell().id() + " (trained)", k -> new double[x.length])[i] =
                        r.ratioTrained();
            }
            String clipped = chartClip ? "clipping at 1.0" : "no clipping";
            DiagnosticsChart.lines(
                    "Adding problem: test MSE after " + updates + " updates (" + clipped + ")",
                    "sequence length T",
                    "test MSE (predicting 1.0: 0.167)",
                    x,
                    mse,
                    out.resolve("gradients-mse.png"));
            DiagnosticsChart.lines(
                    "Adding problem: |dL/dh_1| / |dL/dh_T| (" + clipped + ")",
                    "sequence length T",
                    "gradient ratio",
                    x,
                    ratio,
                    out.resolve("gradients-ratio.png"));
        }
    }
}
