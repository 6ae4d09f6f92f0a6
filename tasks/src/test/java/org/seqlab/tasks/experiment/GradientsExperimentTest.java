package org.seqlab.tasks.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.seq2seq.CellType;
import org.seqlab.tasks.cli.CliRun;

/** The textbook claims of the gradients experiment, at lengths small enough for a test. */
class GradientsExperimentTest {

    @Test
    void theAddingProblemMarksOneStepInEachHalfAndSumsThem() {
        AddingProblem.Batch b = new AddingProblem(8).batch(new SplittableRandom(3), 50);
        double sq = 0;
        for (int i = 0; i < b.n(); i++) {
            double sum = 0;
            int first = -1;
            int marks = 0;
            for (int t = 0; t < 8; t++) {
                if (b.inputs()[(i * 8 + t) * 2 + 1] == 1f) {
                    marks++;
                    sum += b.inputs()[(i * 8 + t) * 2];
                    first = first < 0 ? t : first;
                }
            }
            assertEquals(2, marks);
            assertTrue(first < 4, "the first mark lies in the first half");
            assertEquals(sum, b.targets()[i], 1e-6);
            sq += (b.targets()[i] - 1) * (b.targets()[i] - 1);
        }
        assertEquals(1 / 6.0, sq / b.n(), 0.06, "predicting 1.0 scores about 1/6");
    }

    @Test
    void gatedCellsLearnWhatTheTanhRnnCannotCarryBack() {
        GradientsExperiment solve = new GradientsExperiment(32, 32, 800, 2e-3f, 1);
        for (CellType gated : List.of(CellType.LSTM, CellType.GRU)) {
            GradientsExperiment.Row r = solve.run(gated, 10, true);
            assertTrue(r.testMse() < 0.05, gated.id() + " at T=10: " + r);
        }
        // At T=30 after a short training, the loss's gradient at step 1 is orders of magnitude
        // smaller than at step T for the tanh RNN, not for the gated cells.
        GradientsExperiment reach = new GradientsExperiment(16, 32, 300, 2e-3f, 1);
        double tanh = reach.run(CellType.RNN_TANH, 30, true).ratioTrained();
        for (CellType gated : List.of(CellType.LSTM, CellType.GRU)) {
            double ratio = reach.run(gated, 30, true).ratioTrained();
            assertTrue(ratio > 1000 * tanh, gated.id() + " " + ratio + " vs rnn-tanh " + tanh);
        }
    }

    @Test
    void theCommandWritesTheTableAndChartsAndRefusesBadSettings(@TempDir Path dir)
            throws IOException {
        CliRun r =
                CliRun.run(
                        "experiment",
                        "gradients",
                        "--lengths",
                        "4,6",
                        "--cells",
                        "rnn-relu,lstm-peephole",
                        "--updates",
                        "5",
                        "--hidden",
                        "4",
                        "--out",
                        dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> tsv = Files.readAllLines(dir.resolve("gradients.tsv"));
        assertEquals(1 + 2 * 2 * 2, tsv.size(), tsv.toString());
        assertTrue(tsv.get(1).startsWith("rnn-relu\t4\ton\t"), tsv.get(1));
        assertTrue(Files.size(dir.resolve("gradients-mse.png")) > 1000);
        assertTrue(Files.size(dir.resolve("gradients-ratio.png")) > 1000);
        for (String[] bad :
                new String[][] {
                    {"--lengths", "1"},
                    {"--clip", "maybe"},
                    {"--cells", "elman"},
                    {"--updates", "0"}
                }) {
            String[] args = new String[] {"experiment", "gradients", bad[0], bad[1]};
            CliRun b = CliRun.run(args);
            assertEquals(2, b.code(), String.join(" ", bad) + ": " + b.err());
        }
    }
}
