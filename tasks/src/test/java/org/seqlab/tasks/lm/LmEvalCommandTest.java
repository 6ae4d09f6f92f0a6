package org.seqlab.tasks.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.tasks.cli.CliRun;

/** {@code seqlab lm eval} scores every token of the file once, whatever {@code --streams}. */
class LmEvalCommandTest {

    static final Path MODEL = Path.of("src/test/resources/reference-models/lm-v1");

    @TempDir static Path dir;
    static Path corpus;
    static int[] ids;

    @BeforeAll
    static void encode() throws IOException {
        corpus = TinyCorpus.write(dir, "tiny.txt", 60);
        try (LmModel m = LmModel.load(MODEL)) {
            ids = m.encode(Files.readString(corpus));
        }
    }

    private static JsonObject eval(int streams) {
        CliRun r =
                CliRun.run(
                        "lm",
                        "eval",
                        "--model",
                        MODEL.toString(),
                        "--corpus",
                        corpus.toString(),
                        "--streams",
                        Integer.toString(streams),
                        "--json");
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out().trim()).getAsJsonObject();
    }

    @Test
    void everyTokenButTheFirstIsScoredOnceWhateverTheStreams() {
        int n = ids.length;
        int nonDivisor = 7;
        while ((n - 1) % nonDivisor == 0) {
            nonDivisor++;
        }
        for (int streams : new int[] {1, 2, 16, nonDivisor, n - 1, n, n + 1000}) {
            assertEquals(n - 1, eval(streams).get("tokens").getAsLong(), "--streams " + streams);
        }
    }

    @Test
    void oneStreamIsTheSequentialLoss() throws IOException {
        double expected;
        try (LmModel m = LmModel.load(MODEL);
                NDManager s = NDManager.newBaseManager()) {
            expected = segmentLoss(m.network(), s, ids, 0, ids.length - 1) / (ids.length - 1);
        }
        assertEquals(expected, eval(1).get("loss_nats").getAsDouble(), 1e-5 * expected);
    }

    @Test
    void theRemainderContinuesTheLastStream() throws IOException {
        // 2 streams over an odd number of predictions 2L + 1: stream 0 predicts ids[1..L],
        // stream 1 together with the remainder predicts ids[L+1..2L+1] in one run of state.
        int[] odd = Arrays.copyOf(ids, ids.length % 2 == 0 ? ids.length : ids.length - 1);
        int length = (odd.length - 1) / 2;
        try (LmModel m = LmModel.load(MODEL);
                NDManager s = NDManager.newBaseManager()) {
            double sum =
                    segmentLoss(m.network(), s, odd, 0, length)
                            + segmentLoss(m.network(), s, odd, length, odd.length - 1 - length);
            double windowed = LmEvaluator.evaluate(m, odd, 2, 16).lossNats();
            assertEquals(sum / (odd.length - 1), windowed, 1e-5 * windowed);
            assertNotEquals(
                    windowed,
                    LmEvaluator.evaluate(m, odd, 1, 16).lossNats(),
                    "two streams start one fresh state more than one stream");
        }
    }

    @Test
    void streamsBelowOneAreRejected() {
        for (String bad : new String[] {"0", "-3"}) {
            CliRun r =
                    CliRun.run(
                            "lm",
                            "eval",
                            "--model",
                            MODEL.toString(),
                            "--corpus",
                            corpus.toString(),
                            "--streams",
                            bad);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--streams must be at least 1; got " + bad), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }

    /** The summed loss of {@code count} predictions from a fresh state at {@code ids[from]}. */
    private static double segmentLoss(
            RecurrentLanguageModel net, NDManager s, int[] ids, int from, int count) {
        long[] x = LmTrainer.toLongs(Arrays.copyOfRange(ids, from, from + count));
        long[] y = LmTrainer.toLongs(Arrays.copyOfRange(ids, from + 1, from + 1 + count));
        NDArray logits = net.forward(s.create(x, new Shape(1, count)), null, false).logits();
        return Losses.crossEntropySum(logits, s.create(y, new Shape(1, count))).getFloat();
    }
}
