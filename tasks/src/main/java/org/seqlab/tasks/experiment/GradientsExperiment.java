package org.seqlab.tasks.experiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.seqlab.seq2seq.AdamOptimizer;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.GradientClipping;
import org.seqlab.seq2seq.GradientProbes;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.RecurrentStack;

/**
 * One run of the gradients experiment: a one-layer recurrent network of a given cell reads the
 * adding problem and a linear head maps its last hidden state to the sum; trained with Adam on
 * fresh batches for a fixed number of updates, with or without global-norm clipping. Before and
 * after training, {@link GradientProbes} measure {@code |dL/dh_t|} on a fixed batch, the loss
 * sitting at the last step: the ratio {@code |dL/dh_1| / |dL/dh_T|} says how much of the loss's
 * gradient reaches the first step.
 *
 * @param hidden hidden units
 * @param batch sequences per update
 * @param updates the training budget
 * @param lr Adam's learning rate
 * @param seed seeds weights and data
 */
record GradientsExperiment(int hidden, int batch, int updates, float lr, long seed) {

    /** The global-norm limit of the clipped runs. */
    static final double CLIP = 1.0;

    /** Sequences in the test set. */
    static final int TEST = 1000;

    /**
     * One row of the table.
     *
     * @param testMse mean squared error on {@value #TEST} fresh sequences after training
     * @param ratioInit {@code |dL/dh_1| / |dL/dh_T|} at initialization
     * @param ratioTrained the same after training
     * @param seconds training time
     */
    record Row(
            CellType cell,
            int length,
            boolean clip,
            double testMse,
            double ratioInit,
            double ratioTrained,
            double seconds) {}

    /** Trains and measures one cell at one sequence length. */
    Row run(CellType cell, int length, boolean clip) {
        AddingProblem problem = new AddingProblem(length);
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager m = NDManager.newBaseManager(Engine.getInstance().defaultDevice())) {
            NamedParameters params = new NamedParameters(m, seed);
            RecurrentStack rnn = new RecurrentStack(params, "rnn", cell, 2, hidden, 1, false, 0);
            if (cell.hasCellState()) {
                // Forget gates start open (bias 1, Gers et al. 2000; Jozefowicz et al. 2015): with
                // PyTorch's initialization alone they start half shut, and 0.5^T vanishes too.
                NDArray bias = params.get("rnn.l0.b_ih");
                float[] v = bias.toFloatArray();
                for (int i = hidden; i < 2 * hidden; i++) {
                    v[i] += 1f;
                }
                bias.muli(0).addi(m.create(v, bias.getShape()));
            }
            double bound = 1 / Math.sqrt(hidden);
            NDArray w = params.uniform("head.weight", new Shape(1, hidden), bound);
            NDArray b = params.uniform("head.bias", new Shape(1), bound);
            Net net = new Net(rnn, w, b, length);
            AddingProblem.Batch probe = problem.batch(new SplittableRandom(seed + 1), 100);
            AddingProblem.Batch test = problem.batch(new SplittableRandom(seed + 2), TEST);
            double ratioInit = ratio(net, m, probe);
            SplittableRandom data = new SplittableRandom(seed + 3);
            long t0 = System.nanoTime();
            try (AdamOptimizer adam = AdamOptimizer.defaults(params, 0)) {
                for (int u = 0; u < updates; u++) {
                    AddingProblem.Batch batchData = problem.batch(data, batch);
                    try (NDManager step = m.newSubManager()) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            gc.backward(net.loss(step, batchData));
                        }
                        double norm = GradientClipping.clipGlobalNorm(params, clip ? CLIP : 0);
                        if (!Double.isFinite(norm)) {
                            break; // diverged: report what the weights give
                        }
                        adam.step(lr);
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double mse;
            try (NDManager s = m.newSubManager()) {
                mse = net.loss(s, test).getFloat();
            }
            return new Row(cell, length, clip, mse, ratioInit, ratio(net, m, probe), seconds);
        }
    }

    /** Returns {@code |dL/dh_1| / |dL/dh_T|} on {@code batch}. */
    private static double ratio(Net net, NDManager m, AddingProblem.Batch batch) {
        try (NDManager s = m.newSubManager();
                GradientProbes probes = GradientProbes.open(s);
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(net.loss(s, batch));
            double[] n = probes.norms().get("rnn.l0");
            return n[0] / n[n.length - 1];
        }
    }

    /** The network: the recurrent layer, then a linear head on its last state. */
    private record Net(RecurrentStack rnn, NDArray w, NDArray b, int length) {
        NDArray loss(NDManager m, AddingProblem.Batch data) {
            NDArray x = m.create(data.inputs(), new Shape(data.n(), length, 2));
            NDArray y = m.create(data.targets(), new Shape(data.n(), 1));
            NDArray last = rnn.forward(x, null, true).state().hidden().get(0); // (B, H)
            NDArray prediction = Linear.linear(last, w, b).singletonOrThrow();
            return prediction.sub(y).square().mean();
        }
    }
}
