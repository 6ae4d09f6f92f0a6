package org.seqlab.tasks.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.LossCurveChart;
import org.seqlab.eval.TrainingLog;
import org.seqlab.seq2seq.TrainingLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab curves}: the validation curves of several training runs in one chart. */
@Command(
        name = "curves",
        mixinStandardHelpOptions = true,
        description =
                "Draws the validation curves of training runs in one PNG against training time,"
                        + " e.g. a fine-tuned model beside one trained from scratch.")
public final class CurvesCommand implements Callable<Integer> {

    @Option(
            names = "--run",
            required = true,
            paramLabel = "LABEL=DIR",
            description =
                    "A run to draw: its label and its model directory (or training-log.jsonl)."
                            + " Repeat for each run.")
    List<String> runs;

    @Option(names = "--out", required = true, description = "The PNG to write.")
    Path out;

    @Option(
            names = "--title",
            defaultValue = "Validation loss",
            description = "Chart title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(
            names = "--y-title",
            defaultValue = "validation loss (nats/token)",
            description = "Y axis title (default: ${DEFAULT-VALUE}).")
    String yTitle;

    @Override
    public Integer call() throws Exception {
        Map<String, List<EpochRecord>> logs = new LinkedHashMap<>();
        for (String run : runs) {
            int eq = run.indexOf('=');
            if (eq < 1 || eq == run.length() - 1) {
                throw new IllegalArgumentException("--run: expected LABEL=DIR, got '" + run + "'.");
            }
            Path p = Path.of(run.substring(eq + 1));
            Path log = Files.isDirectory(p) ? p.resolve(TrainingLoop.LOG) : p;
            if (!Files.isRegularFile(log)) {
                throw new IllegalArgumentException("--run: " + log + " does not exist.");
            }
            List<EpochRecord> records = TrainingLog.read(log);
            if (records.stream().noneMatch(r -> Double.isFinite(r.valid()))) {
                throw new IllegalArgumentException(
                        "--run: " + log + " holds no validation value to draw.");
            }
            logs.put(run.substring(0, eq), records);
        }
        OutputPaths.requireFileOrAbsent("--out", out);
        LossCurveChart.compare(logs, title, yTitle, out);
        System.out.println("wrote " + out);
        return 0;
    }
}
