package org.seqlab.tasks.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.seqlab.eval.EpochRecord;
import org.seqlab.seq2seq.TrainingListener;

/**
 * Shows training progress: a live bar (epoch, step, loss, tokens/s, ETA) on a terminal, plain log
 * lines about every 30 seconds otherwise.
 */
public final class ProgressReporter implements TrainingListener, AutoCloseable {

    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private int barEpoch = -1;
    private long lastLine;

    /** Creates a reporter; {@code terminal} selects the live bar. */
    public ProgressReporter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Returns a reporter for stderr that draws a bar when a console is attached. */
    public static ProgressReporter forStderr() {
        return new ProgressReporter(System.err, System.console() != null);
    }

    @Override
    public void onStep(int epoch, int step, int steps, double loss, double tokensPerS) {
        String extra =
                String.format(java.util.Locale.ROOT, "loss %.3f, %.0f tok/s", loss, tokensPerS);
        if (terminal) {
            if (bar == null || barEpoch != epoch) {
                closeBar();
                bar =
                        new ProgressBarBuilder()
                                .setTaskName("epoch " + (epoch + 1))
                                .setInitialMax(steps)
                                .setStyle(ProgressBarStyle.ASCII)
                                .setConsumer(
                                        new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                                .continuousUpdate()
                                .build();
                bar.stepTo(step);
                barEpoch = epoch;
            }
            bar.stepTo(step + 1);
            bar.setExtraMessage(extra);
            return;
        }
        long now = System.nanoTime();
        if (lastLine == 0 || now - lastLine > 30_000_000_000L || step + 1 == steps) {
            lastLine = now;
            out.printf(
                    java.util.Locale.ROOT,
                    "epoch %d step %d/%d %s%n",
                    epoch + 1,
                    step + 1,
                    steps,
                    extra);
            out.flush();
        }
    }

    @Override
    public void onEpoch(EpochRecord r, boolean improved) {
        closeBar();
        String valid =
                r.metric().equals("loss")
                        ? String.format(
                                java.util.Locale.ROOT,
                                "valid loss %.4f (%.4f bits)",
                                r.valid(),
                                r.valid() / Math.log(2))
                        : String.format(
                                java.util.Locale.ROOT, "valid %s %.4f", r.metric(), r.valid());
        out.printf(
                java.util.Locale.ROOT,
                "epoch %d%s: train loss %.4f, %s, lr %.3g, %.0f tok/s, %.0f s%s%n",
                r.epoch(),
                r.partial() ? " (so far, update " + r.step() + ")" : "",
                r.trainLoss(),
                valid,
                r.learningRate(),
                r.tokensPerSecond(),
                r.elapsedSeconds(),
                improved ? " (best so far: saved)" : "");
        out.flush();
    }

    @Override
    public void onMessage(String message) {
        closeBar();
        out.println(message);
        out.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
            barEpoch = -1;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
