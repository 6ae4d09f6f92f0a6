package org.seqlab.tasks.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.LanguageModelSpec;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.seq2seq.TrainingConfig;
import org.seqlab.tasks.lm.Level;
import org.seqlab.tasks.lm.LmConfig;
import org.seqlab.tasks.lm.LmTrainer;

/**
 * Training throughput of seqlab's loop against a bare DJL loop on the same block.
 *
 * <p>seqlab's side runs {@code LmTrainer} (the real command's path: data batching, state carry,
 * clipping, owned Adam, per-step seeding, progress accounting) on a random corpus of exactly {@code
 * steps} windows; its tokens/s excludes validation and saving. The bare side runs the same {@link
 * RecurrentLanguageModel}: forward, loss, backward and DJL's built-in Adam on random batches,
 * nothing else. Both warm up first.
 */
final class LmTrainBench {

    /** The reference configuration of the issue: 2x512 LSTM, embedding 64, vocab 65. */
    static final int VOCAB = 65;

    private final int batch;
    private final int seqLen;
    private final int steps;
    private final int warmup;

    LmTrainBench(int batch, int seqLen, int steps, int warmup) {
        this.batch = batch;
        this.seqLen = seqLen;
        this.steps = steps;
        this.warmup = warmup;
    }

    /** Returns seqlab's training tokens per second with the reference LSTM. */
    double seqlab() throws IOException {
        return seqlab(CellType.LSTM);
    }

    /** Returns seqlab's training tokens per second with {@code cell} in the reference network. */
    double seqlab(CellType cell) throws IOException {
        Path dir = Files.createTempDirectory("seqlab-bench");
        try {
            run(dir.resolve("warm"), warmup, cell);
            return run(dir.resolve("timed"), steps, cell);
        } finally {
            deleteTree(dir);
        }
    }

    private double run(Path dir, int windows, CellType cell) throws IOException {
        Files.createDirectories(dir);
        Path corpus = dir.resolve("corpus.txt");
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder();
        int perStream = windows * seqLen + 1;
        int total = perStream * batch;
        // 65 distinct characters, like tiny-shakespeare; validation is one short window.
        String alphabet = alphabet();
        for (int i = 0; i < total + 2 * batch; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        Files.writeString(corpus, sb);
        double validFraction = (2.0 * batch) / (total + 2.0 * batch);
        LmConfig config =
                new LmConfig(
                        Level.CHAR,
                        cell,
                        2,
                        512,
                        64,
                        0.2f,
                        seqLen,
                        batch,
                        validFraction,
                        1,
                        0,
                        new TrainingConfig(1, 2e-3f, 5, 0, 0.5f, 0, 0, null, 1_000_000, 1, 0, 0),
                        null);
        LmTrainer.Result res =
                new LmTrainer(config, null)
                        .train(corpus, dir.resolve("model"), false, "seqlab bench lm-train");
        return res.loop().tokensPerSecond();
    }

    /** Returns the bare loop's training tokens per second. */
    double bare() {
        LanguageModelSpec spec = new LanguageModelSpec(CellType.LSTM, VOCAB, 64, 512, 2, 0.2f);
        try (NDManager manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                RecurrentLanguageModel net = new RecurrentLanguageModel(spec, manager, 1)) {
            NamedParameters params = net.parameters();
            List<NDArray> weights = params.arrays();
            List<String> names = params.names();
            Optimizer adam = Optimizer.adam().build();
            SplittableRandom r = new SplittableRandom(3);
            long t0 = 0;
            for (int i = 0; i < warmup + steps; i++) {
                if (i == warmup) {
                    t0 = System.nanoTime();
                }
                try (NDManager step = manager.newSubManager()) {
                    long[] x = new long[batch * seqLen];
                    long[] y = new long[batch * seqLen];
                    for (int k = 0; k < x.length; k++) {
                        x[k] = r.nextInt(VOCAB);
                        y[k] = r.nextInt(VOCAB);
                    }
                    Shape shape = new Shape(batch, seqLen);
                    NDArray xs = step.create(x, shape);
                    NDArray ys = step.create(y, shape);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss =
                                Losses.crossEntropyMean(net.forward(xs, null, true).logits(), ys);
                        gc.backward(loss);
                    }
                    for (int p = 0; p < weights.size(); p++) {
                        NDArray g = weights.get(p).getGradient();
                        g.attach(step);
                        adam.update(names.get(p), weights.get(p), g);
                    }
                }
            }
            return (double) steps * batch * seqLen / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Returns the analytic training GFLOP per second of {@code cell}'s reference network at {@code
     * tokensPerS} (3x forward).
     */
    static double gflops(CellType cell, double tokensPerS) {
        LanguageModelSpec spec = new LanguageModelSpec(cell, VOCAB, 64, 512, 2, 0.2f);
        return 3 * spec.forwardFlopsPerToken() * tokensPerS / 1e9;
    }

    private static String alphabet() {
        StringBuilder sb = new StringBuilder("\n ");
        for (char c = 'a'; c <= 'z'; c++) {
            sb.append(c).append(Character.toUpperCase(c));
        }
        sb.append("!&',-.:;?3$");
        return sb.substring(0, VOCAB);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
