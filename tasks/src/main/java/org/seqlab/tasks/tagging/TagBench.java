package org.seqlab.tasks.tagging;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.seqlab.seq2seq.CharWordEncoder;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.RecurrentStack;

/**
 * Tagging throughput of seqlab's path against a bare DJL forward of a model of the same sizes.
 *
 * <p>seqlab's side is {@link TagModel#predict}: word and character lookups, length-sorted,
 * padding-safe batches, the character encoder, the bidirectional encoder, the output layer and
 * argmax or Viterbi decoding, tags as strings. The bare side sorts the same sentences by length
 * into batches of the same size, builds each batch's word and character ids with the same {@link
 * TagBatch} (so batching costs the same on both sides), and runs the character encoder, an
 * embedding, libtorch's fused bidirectional kernel over the padded batch (not padding-safe), a
 * linear layer and an argmax read back to the JVM; its weights are random. Both sides run once
 * untimed first; then the sentences are taken in chunks, the sides alternating chunk by chunk for
 * {@link #ROUNDS} rounds, and each side's time is the sum of its fastest time per chunk.
 */
public final class TagBench {

    /** The measured rates. */
    public record Result(int sentences, long tokens, double tokensPerS, double bareTokensPerS) {

        /** Returns seqlab's rate over the bare rate. */
        public double ratio() {
            return tokensPerS / bareTokensPerS;
        }

        /** Returns the result as one JSON object. */
        public String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"sentences\":%d,\"tokens\":%d,\"tokens_per_s\":%.1f,"
                            + "\"bare_tokens_per_s\":%.1f,\"ratio\":%.4f}",
                    sentences,
                    tokens,
                    tokensPerS,
                    bareTokensPerS,
                    ratio());
        }
    }

    static final int ROUNDS = 3;
    static final int CHUNK = 500;

    private TagBench() {}

    /** Tags {@code sentences} (lists of words) with both paths and returns the rates. */
    public static Result run(TagModel model, List<List<String>> sentences) {
        List<List<String>> nonEmpty = new ArrayList<>();
        long tokens = 0;
        for (List<String> s : sentences) {
            if (!s.isEmpty()) {
                nonEmpty.add(s);
                tokens += s.size();
            }
        }
        int chunks = (nonEmpty.size() + CHUNK - 1) / CHUNK;
        TagConfig c = model.config();
        try (NDManager manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
                NamedParameters params = new NamedParameters(manager, 1)) {
            CharWordEncoder chars =
                    c.charEncoder().equals("none")
                            ? null
                            : new CharWordEncoder(
                                    params,
                                    "chars",
                                    CharWordEncoder.Kind.parse(c.charEncoder()),
                                    c.cell(),
                                    64,
                                    c.charEmbedding(),
                                    c.charHidden());
            int features = chars == null ? 0 : chars.outputSize();
            NDArray embedding =
                    params.normal("embedding", new Shape(model.words().size(), c.embedding()), 0.1);
            RecurrentStack stack =
                    new RecurrentStack(
                            params,
                            "rnn",
                            c.cell(),
                            c.embedding() + features,
                            c.hidden(),
                            c.layers(),
                            true,
                            0);
            NDArray w = params.normal("w", new Shape(model.tags().size(), 2L * c.hidden()), 0.1);
            NDArray b = params.normal("b", new Shape(model.tags().size()), 0.1);
            List<List<List<String>>> parts = new ArrayList<>();
            for (int k = 0; k < chunks; k++) {
                List<List<String>> part =
                        new ArrayList<>(
                                nonEmpty.subList(
                                        k * CHUNK, Math.min(nonEmpty.size(), (k + 1) * CHUNK)));
                parts.add(part);
            }
            model.predict(parts.get(0).subList(0, Math.min(parts.get(0).size(), 128)));
            bare(
                    manager,
                    model,
                    parts.get(0).subList(0, Math.min(parts.get(0).size(), 128)),
                    chars,
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
                    long t0 = System.nanoTime();
                    model.predict(parts.get(k));
                    seqlab[k] = Math.min(seqlab[k], (System.nanoTime() - t0) / 1e9);
                    t0 = System.nanoTime();
                    bare(manager, model, parts.get(k), chars, embedding, stack, w, b);
                    bare[k] = Math.min(bare[k], (System.nanoTime() - t0) / 1e9);
                }
            }
            double seqlabS = Arrays.stream(seqlab).sum();
            double bareS = Arrays.stream(bare).sum();
            return new Result(nonEmpty.size(), tokens, tokens / seqlabS, tokens / bareS);
        }
    }

    /** The bare forward over {@code sentences}, in length-sorted batches. */
    private static void bare(
            NDManager manager,
            TagModel model,
            List<List<String>> sentences,
            CharWordEncoder chars,
            NDArray embedding,
            RecurrentStack stack,
            NDArray w,
            NDArray b) {
        List<List<String>> sorted = new ArrayList<>(sentences);
        sorted.sort(Comparator.comparingInt(List::size));
        int batch = TagModel.TAG_BATCH;
        for (int s = 0; s < sorted.size(); s += batch) {
            List<List<String>> part = sorted.subList(s, Math.min(sorted.size(), s + batch));
            try (NDManager m = manager.newSubManager()) {
                TagBatch tb = TagBatch.of(m, model, part, chars != null);
                NDArray x =
                        Embedding.embedding(tb.words(), embedding, SparseFormat.DENSE)
                                .singletonOrThrow();
                if (chars != null) {
                    NDArray perWord = chars.encode(tb.chars().clip(0, 63), tb.charLengths(), false);
                    x =
                            x.concat(
                                    Embedding.embedding(tb.wordIndex(), perWord, SparseFormat.DENSE)
                                            .singletonOrThrow(),
                                    2);
                }
                NDArray h = stack.forward(x, null, false).sequence();
                Linear.linear(h, w, b).singletonOrThrow().argMax(2).toLongArray();
            }
        }
    }
}
