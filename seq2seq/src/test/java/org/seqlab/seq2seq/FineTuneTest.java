package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FineTuneTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static FineTune source(JsonObject config) {
        return new FineTune(Path.of("src-model"), "lm", "abc", config, false, FrozenParts.NONE);
    }

    @Test
    void weightsAreCopiedAndGrownRowsKeepTheirInitialization() {
        NamedParameters from = new NamedParameters(manager, 1);
        from.uniform("embedding", new Shape(5, 3), 1);
        from.uniform("rnn.w", new Shape(4, 3), 1);
        NamedParameters to = new NamedParameters(manager, 2);
        to.uniform("embedding", new Shape(7, 3), 1);
        to.uniform("rnn.w", new Shape(4, 3), 1);
        float[] fresh = to.get("embedding").toFloatArray();
        source(new JsonObject()).copyWeights(from, to, 5, 7);
        assertArrayEquals(from.get("rnn.w").toFloatArray(), to.get("rnn.w").toFloatArray());
        float[] copied = to.get("embedding").toFloatArray();
        assertArrayEquals(from.get("embedding").toFloatArray(), Arrays.copyOfRange(copied, 0, 15));
        assertArrayEquals(Arrays.copyOfRange(fresh, 15, 21), Arrays.copyOfRange(copied, 15, 21));
    }

    @Test
    void differentArchitecturesAreRefusedByName() {
        NamedParameters from = new NamedParameters(manager, 1);
        from.uniform("rnn.w", new Shape(4, 3), 1);
        NamedParameters to = new NamedParameters(manager, 2);
        to.uniform("rnn.w", new Shape(8, 3), 1);
        IllegalArgumentException shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> source(new JsonObject()).copyWeights(from, to, 5, 5));
        assertTrue(shape.getMessage().contains("'rnn.w' is (4, 3) in the model but (8, 3)"));
        NamedParameters other = new NamedParameters(manager, 3);
        other.uniform("rnn.v", new Shape(4, 3), 1);
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> source(new JsonObject()).copyWeights(from, other, 5, 5));
        assertTrue(missing.getMessage().contains("no parameter 'rnn.v'"), missing.getMessage());
    }

    @Test
    void architectureComesFromTheSourceAndExplicitFlagsMustAgree() {
        JsonObject theirs =
                JsonParser.parseString("{\"hidden\":512,\"cell\":\"lstm\",\"lr\":0.1}")
                        .getAsJsonObject();
        JsonObject ours =
                JsonParser.parseString("{\"hidden\":256,\"cell\":\"gru\",\"lr\":0.5}")
                        .getAsJsonObject();
        List<String> keys = List.of("hidden", "cell");
        JsonObject adopted = source(theirs).adopt(ours, keys, Set.of("lr"));
        assertEquals(512, adopted.get("hidden").getAsInt());
        assertEquals("lstm", adopted.get("cell").getAsString());
        assertEquals(0.5, adopted.get("lr").getAsDouble(), "training settings stay the run's");
        JsonObject same =
                JsonParser.parseString("{\"hidden\":512.0,\"cell\":\"LSTM\"}").getAsJsonObject();
        assertEquals(
                512,
                source(theirs)
                        .adopt(same, keys, Set.of("hidden", "cell"))
                        .get("hidden")
                        .getAsInt());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> source(theirs).adopt(ours, keys, Set.of("hidden")));
        assertTrue(
                e.getMessage().contains("hidden is 512, but --hidden gives 256"), e.getMessage());
    }

    @Test
    void partsFreezeForTheWholeRunOrTheirEpochs() {
        FrozenParts parts = FrozenParts.parse(" embedding:2 , rnn.l0");
        assertEquals(Map.of("embedding", 2, "rnn.l0", 0), parts.parts());
        assertEquals("embedding:2,rnn.l0", parts.toString());
        assertTrue(FrozenParts.matches("encoder.embedding", "embedding"));
        assertTrue(FrozenParts.matches("rnn.l0.w_ih", "rnn.l0"));
        assertTrue(!FrozenParts.matches("rnn.l01.w_ih", "rnn.l0"));
        for (String bad : new String[] {"embedding:0", "embedding:x", "a b", ","}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> FrozenParts.parse(bad));
            assertTrue(e.getMessage().startsWith("--freeze"), e.getMessage());
        }
    }

    @Test
    void aTimedFreezeZeroesGradientsOnlyInItsEpochs() {
        NamedParameters params = new NamedParameters(manager, 1);
        params.uniform("embedding", new Shape(2, 2), 1);
        params.uniform("rnn.l0.w", new Shape(2, 2), 1);
        params.uniform("output", new Shape(2), 1);
        TrainingTask task = new StubTask(params);
        TrainingTask frozen = FrozenParts.parse("embedding:1,rnn.l0").apply(task);
        assertEquals(List.of("embedding", "output"), params.trainableNames());
        backward(params);
        frozen.beforeUpdate(0);
        assertEquals(0f, params.get("embedding").getGradient().abs().sum().getFloat());
        assertEquals(2f, params.get("output").getGradient().sum().getFloat());
        backward(params);
        frozen.beforeUpdate(1);
        assertEquals(4f, params.get("embedding").getGradient().sum().getFloat());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> FrozenParts.parse("decoder").apply(task));
        assertTrue(e.getMessage().contains("embedding, output, rnn.l0.w"), e.getMessage());
    }

    /** Sets every trainable parameter's gradient to ones. */
    private static void backward(NamedParameters params) {
        try (ai.djl.training.GradientCollector gc =
                ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray sum = null;
            for (NDArray a : params.trainable()) {
                sum = sum == null ? a.sum() : sum.add(a.sum());
            }
            gc.backward(sum);
        }
    }

    /** A task with parameters only, for the freezing wrapper. */
    private record StubTask(NamedParameters parameters) implements TrainingTask {
        @Override
        public int stepsPerEpoch() {
            return 1;
        }

        @Override
        public void startEpoch(int epoch) {}

        @Override
        public StepLoss forward(NDManager m, int epoch, int step) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double validate() {
            return 0;
        }

        @Override
        public void saveBest(double value, int epoch) {}

        @Override
        public ai.djl.ndarray.NDList checkpointState() {
            return new ai.djl.ndarray.NDList();
        }

        @Override
        public void restoreState(ai.djl.ndarray.NDList state) {}
    }
}
