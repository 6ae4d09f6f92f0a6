package org.seqlab.tasks.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.RecurrentStack;
import org.seqlab.tasks.sentiment.SentimentConfig;
import org.seqlab.tasks.sentiment.SentimentModel;

/**
 * Scoring throughput of seqlab's sentiment path against a bare DJL forward of the same block.
 *
 * <p>seqlab's side is {@link SentimentModel#predict}: tokenizing, truncating, length-sorted and
 * padding-safe batches, softmax and the per-review results. The bare side takes the same reviews
 * already tokenized, sorts them by length into batches of the same size padded to each batch's
 * longest review, and runs an embedding, libtorch's fused bidirectional kernel, unmasked max+mean
 * pooling, a linear layer and a softmax read back to the JVM; its weights are random, of the
 * model's sizes. Both sides run once untimed on a few batches first. Then the reviews are taken in
 * chunks of {@link #CHUNK}, the two sides alternating chunk by chunk, for {@link #ROUNDS} rounds;
 * each side's time is the sum of its fastest time per chunk (a busy moment on the machine would
 * otherwise decide the ratio: single whole runs read 0.67 to 1.25 here).
 */
final class SentimentScoreBench {

    /** The measured rates; {@code tokenizeS} is seqlab's tokenizing time within its run. */
    record Result(
            int reviews,
            double reviewsPerS,
            double bareReviewsPerS,
            double tokenizeS,
            double meanTokens) {

        double ratio() {
            return reviewsPerS / bareReviewsPerS;
        }

        String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"reviews\":%d,\"reviews_per_s\":%.1f,\"bare_reviews_per_s\":%.1f,"
                            + "\"ratio\":%.4f,\"tokenize_s\":%.3f,\"mean_tokens\":%.1f}",
                    reviews,
                    reviewsPerS,
                    bareReviewsPerS,
                    ratio(),
                    tokenizeS,
                    meanTokens);
        }
    }

    private SentimentScoreBench() {}

    /** Rounds over the chunks; each chunk's fastest time per side counts. */
    static final int ROUNDS = 3;

    /** Reviews per chunk: the sides alternate chunk by chunk, so both meet the same moments. */
    static final int CHUNK = 1000;

    static Result run(SentimentModel model, List<String> texts, int batch) {
        long t1 = System.nanoTime();
        int[][] ids = new int[texts.size()][];
        long tokens = 0;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = model.encode(texts.get(i));
            if (ids[i].length == 0) {
                ids[i] = new int[] {org.seqlab.tokenizers.Vocabulary.UNK_ID};
            }
            tokens += ids[i].length;
        }
        double tokenizeS = (System.nanoTime() - t1) / 1e9;
        int chunks = (texts.size() + CHUNK - 1) / CHUNK;
        int[][][] sorted = new int[chunks][][];
        for (int k = 0; k < chunks; k++) {
            sorted[k] = Arrays.copyOfRange(ids, k * CHUNK, Math.min(ids.length, (k + 1) * CHUNK));
            Arrays.sort(sorted[k], Comparator.comparingInt(a -> a.length));
        }
        SentimentConfig c = model.config();
        try (NDManager manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                NamedParameters params = new NamedParameters(manager, 1)) {
            NDArray embedding =
                    params.normal(
                            "embedding", new Shape(model.vocabulary().size(), c.embedding()), 0.1);
            RecurrentStack stack =
                    new RecurrentStack(
                            params,
                            "rnn",
                            c.cell(),
                            c.embedding(),
                            c.hidden(),
                            c.layers(),
                            true,
                            0);
            int labels = model.labels().size();
            NDArray w = params.normal("w", new Shape(labels, 4L * c.hidden()), 0.1);
            NDArray b = params.normal("b", new Shape(labels), 0.1);
            model.predict(texts.subList(0, Math.min(texts.size(), 4 * batch)));
            pass(
                    manager,
                    sorted[0],
                    Math.min(sorted[0].length, 4 * batch),
                    batch,
                    embedding,
                    stack,
                    w,
                    b);
            double[] seqlab = new double[chunks];
            double[] bare = new double[chunks];
            Arrays.fill(seqlab, Double.MAX_VALUE);
            Arrays.fill(bare, Double.MAX_VALUE);
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < chunks; k++) {
                    List<String> part =
                            texts.subList(k * CHUNK, Math.min(texts.size(), (k + 1) * CHUNK));
                    long t0 = System.nanoTime();
                    model.predict(part);
                    seqlab[k] = Math.min(seqlab[k], (System.nanoTime() - t0) / 1e9);
                    t0 = System.nanoTime();
                    pass(manager, sorted[k], sorted[k].length, batch, embedding, stack, w, b);
                    bare[k] = Math.min(bare[k], (System.nanoTime() - t0) / 1e9);
                }
            }
            double seqlabS = Arrays.stream(seqlab).sum();
            double bareS = Arrays.stream(bare).sum();
            return new Result(
                    texts.size(),
                    texts.size() / seqlabS,
                    texts.size() / bareS,
                    tokenizeS,
                    (double) tokens / texts.size());
        }
    }

    private static void pass(
            NDManager manager,
            int[][] ids,
            int n,
            int batch,
            NDArray embedding,
            RecurrentStack stack,
            NDArray w,
            NDArray b) {
        for (int s = 0; s < n; s += batch) {
            int e = Math.min(n, s + batch);
            int t = ids[e - 1].length;
            long[] flat = new long[(e - s) * t];
            for (int k = s; k < e; k++) {
                for (int i = 0; i < ids[k].length; i++) {
                    flat[(k - s) * t + i] = ids[k][i];
                }
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray x = m.create(flat, new Shape(e - s, t));
                NDArray emb =
                        Embedding.embedding(x, embedding, SparseFormat.DENSE).singletonOrThrow();
                NDArray h = stack.forward(emb, null, false).sequence();
                NDArray pooled = h.max(new int[] {1}).concat(h.mean(new int[] {1}), 1);
                Linear.linear(pooled, w, b).singletonOrThrow().softmax(1).toFloatArray();
            }
        }
    }
}
