package org.seqlab.seq2seq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.eval.EpochRecord;
import org.seqlab.eval.LossCurveChart;

/**
 * A {@link TrainingListener} that redraws the loss curve (training loss and the validation metric
 * by name) after every logged epoch, including the epochs a resumed run kept.
 */
public final class LossCurveWriter implements TrainingListener {

    /** The chart's usual name in a run directory. */
    public static final String FILE = "loss-curve.png";

    private final Path png;
    private final List<EpochRecord> history = new ArrayList<>();

    /** Creates a writer that keeps the chart at {@code png}. */
    public LossCurveWriter(Path png) {
        this.png = png;
    }

    @Override
    public void onStart(List<EpochRecord> kept) {
        history.clear();
        history.addAll(kept);
    }

    @Override
    public void onEpoch(EpochRecord record, boolean improved) {
        history.add(record);
        try {
            LossCurveChart.write(history, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
