package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear-chain conditional random field over per-token emission scores, for sequence tagging.
 *
 * <p>A tag path {@code y} of a sentence of length {@code n} scores {@code start[y_0] + sum_t
 * emissions[t, y_t] + sum_{t>0} transitions[y_{t-1}, y_t] + end[y_{n-1}]}; its probability is
 * {@code exp(score) / Z} where the partition function {@code Z} sums over all {@code K^n} paths
 * (forward algorithm, in log space). {@link #decode} finds the best path (Viterbi).
 *
 * <p>Parameters, in {@code params}: {@code <prefix>.transitions} {@code (K, K)}, from row tag to
 * column tag; {@code <prefix>.start} {@code (K)}; {@code <prefix>.end} {@code (K)}. {@link
 * CrfConstraints} add {@link #FORBIDDEN} to each forbidden move, a constant that is not trained,
 * both in the partition function and in Viterbi: no forbidden path is ever decoded and the
 * partition function counts none (each weighs {@code exp(-10^4)} at most, zero in float32 and
 * float64). A gold path with a forbidden move scores about {@code -10^4}, so its loss is about
 * {@code 10^4}; its gradient stays finite.
 *
 * <p>Batches are padded: emissions {@code (B, T, K)} in float32 or float64 (the computation runs in
 * that type), lengths {@code (B)} each in {@code [1, T]}. Whatever lies at or past a sentence's
 * length (scores, tags) changes nothing, and gets a zero gradient.
 */
public final class LinearChainCrf {

    /** The score of a forbidden move: far below any real path, and finite so gradients are. */
    public static final float FORBIDDEN = -1e4f;

    private static final double INIT = 0.1;

    private final int tags;
    private final NDArray transitions;
    private final NDArray start;
    private final NDArray end;
    private final CrfConstraints constraints;
    private final float[] movePenalty;
    private final float[] startPenalty;
    private final float[] endPenalty;

    /**
     * The best path of each sentence and its score.
     *
     * @param paths one array of tags per sentence, of that sentence's length
     * @param scores each path's score (including {@link #FORBIDDEN} when a sentence has no allowed
     *     path at all)
     */
    public record BestPaths(int[][] paths, double[] scores) {}

    private LinearChainCrf(
            NDArray transitions, NDArray start, NDArray end, CrfConstraints constraints) {
        this.tags = constraints.tags();
        this.transitions = transitions;
        this.start = start;
        this.end = end;
        this.constraints = constraints;
        boolean[][] allowed = constraints.allowed();
        this.movePenalty = new float[tags * tags];
        for (int i = 0; i < tags; i++) {
            for (int j = 0; j < tags; j++) {
                movePenalty[i * tags + j] = allowed[i][j] ? 0f : FORBIDDEN;
            }
        }
        this.startPenalty = penalties(constraints.start());
        this.endPenalty = penalties(constraints.end());
    }

    /** Creates the parameters of an unconstrained CRF over {@code tags} tags. */
    public static LinearChainCrf create(NamedParameters params, String prefix, int tags) {
        return create(params, prefix, CrfConstraints.none(tags));
    }

    /**
     * Creates the parameters, drawn uniformly from {@code [-0.1, 0.1]}, of a CRF over {@code
     * constraints.tags()} tags.
     *
     * @throws IllegalArgumentException when a parameter of that name already exists
     */
    public static LinearChainCrf create(
            NamedParameters params, String prefix, CrfConstraints constraints) {
        int k = constraints.tags();
        return new LinearChainCrf(
                params.uniform(prefix + ".transitions", new Shape(k, k), INIT),
                params.uniform(prefix + ".start", new Shape(k), INIT),
                params.uniform(prefix + ".end", new Shape(k), INIT),
                constraints);
    }

    /** Finds the parameters of an unconstrained CRF in {@code params}; see {@link #find}. */
    public static LinearChainCrf find(NamedParameters params, String prefix) {
        NDArray t = params.get(prefix + ".transitions");
        return find(params, prefix, CrfConstraints.none(Math.toIntExact(t.getShape().get(0))));
    }

    /**
     * Finds a CRF's parameters, created earlier by {@link #create}, in {@code params} (for example
     * after {@link NamedParameters#load}); they are shared, not copied.
     *
     * @throws IllegalArgumentException when a parameter is missing or its shape does not match
     *     {@code constraints}
     */
    public static LinearChainCrf find(
            NamedParameters params, String prefix, CrfConstraints constraints) {
        int k = constraints.tags();
        NDArray t = params.get(prefix + ".transitions");
        NDArray s = params.get(prefix + ".start");
        NDArray e = params.get(prefix + ".end");
        if (!t.getShape().equals(new Shape(k, k))
                || !s.getShape().equals(new Shape(k))
                || !e.getShape().equals(new Shape(k))) {
            throw new IllegalArgumentException(
                    "CRF '"
                            + prefix
                            + "' over "
                            + k
                            + " tags needs transitions ("
                            + k
                            + ", "
                            + k
                            + "), start and end ("
                            + k
                            + "); got "
                            + t.getShape()
                            + ", "
                            + s.getShape()
                            + " and "
                            + e.getShape()
                            + ".");
        }
        return new LinearChainCrf(t, s, e, constraints);
    }

    /** Returns the number of tags {@code K}. */
    public int tags() {
        return tags;
    }

    /** Returns the constraints. */
    public CrfConstraints constraints() {
        return constraints;
    }

    /**
     * Returns each sentence's negative log-likelihood of its gold path, {@code log Z - score(gold)}
     * in nats; differentiable with respect to the emissions and the parameters.
     *
     * @param emissions float32 or float64 {@code (B, T, K)}
     * @param tags integer {@code (B, T)}; tags at padded positions are ignored
     * @param validLength integer {@code (B)}, each in {@code [1, T]}
     * @return {@code (B)}, in the emissions' type and manager
     * @throws IllegalArgumentException for mismatched shapes, a length of 0 or past {@code T}, or a
     *     gold tag outside {@code [0, K)}
     */
    public NDArray negativeLogLikelihood(NDArray emissions, NDArray tags, NDArray validLength) {
        Scores s = scores(emissions, validLength);
        return forward(s).sub(gold(s, tags));
    }

    /**
     * Returns each sentence's log partition function {@code log Z} {@code (B)}.
     *
     * @throws IllegalArgumentException as {@link #negativeLogLikelihood}
     */
    public NDArray logPartition(NDArray emissions, NDArray validLength) {
        return forward(scores(emissions, validLength));
    }

    /**
     * Returns each sentence's score of the path {@code tags} {@code (B)}.
     *
     * @throws IllegalArgumentException as {@link #negativeLogLikelihood}
     */
    public NDArray pathScore(NDArray emissions, NDArray tags, NDArray validLength) {
        return gold(scores(emissions, validLength), tags);
    }

    /**
     * Returns each sentence's best allowed path (Viterbi) and its score; ties go to the lower tag.
     * Temporary arrays are freed before returning.
     *
     * @param emissions float32 or float64 {@code (B, T, K)}
     * @param validLength integer {@code (B)}, each in {@code [1, T]}
     * @throws IllegalArgumentException for mismatched shapes or a length of 0 or past {@code T}
     */
    public BestPaths decode(NDArray emissions, NDArray validLength) {
        try (NDManager scratch = emissions.getManager().newSubManager()) {
            NDArray copy = emissions.duplicate();
            copy.attach(scratch);
            Scores s = scores(copy, validLength);
            int k = tags;
            NDArray delta = s.step(0).add(s.start);
            NDArray moves = s.transitions.expandDims(0);
            List<NDArray> pointers = new ArrayList<>();
            for (int t = 1; t < s.steps; t++) {
                NDArray candidates = delta.expandDims(2).add(moves);
                pointers.add(candidates.argMax(1));
                NDArray next = candidates.max(new int[] {1}).add(s.step(t));
                delta = NDArrays.where(s.real(t), next, delta);
            }
            double[] last = delta.add(s.end).toType(DataType.FLOAT64, false).toDoubleArray();
            long[] back =
                    pointers.isEmpty()
                            ? new long[0]
                            : NDArrays.stack(new NDList(pointers), 1).toLongArray();
            int[][] paths = new int[s.lengths.length][];
            double[] scores = new double[s.lengths.length];
            for (int b = 0; b < paths.length; b++) {
                int n = (int) s.lengths[b];
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (last[b * k + j] > last[b * k + best]) {
                        best = j;
                    }
                }
                scores[b] = last[b * k + best];
                int[] path = new int[n];
                path[n - 1] = best;
                for (int t = n - 1; t > 0; t--) {
                    path[t - 1] = (int) back[((b * (s.steps - 1)) + t - 1) * k + path[t]];
                }
                paths[b] = path;
            }
            return new BestPaths(paths, scores);
        }
    }

    /**
     * A checked batch: emissions with padding zeroed, the mask broadcast to {@code (B, T, K)}, the
     * lengths, and the parameters plus penalties in the emissions' type and manager; {@code steps}
     * is the longest length, past which nothing is computed.
     */
    private record Scores(
            NDArray emissions,
            NDArray mask,
            long[] lengths,
            int steps,
            NDArray transitions,
            NDArray start,
            NDArray end) {

        NDArray step(int t) {
            return emissions.get(new NDIndex(":, {}, :", t));
        }

        NDArray real(int t) {
            return mask.get(new NDIndex(":, {}, :", t));
        }
    }

    private Scores scores(NDArray emissions, NDArray validLength) {
        Shape shape = emissions.getShape();
        DataType type = emissions.getDataType();
        if (shape.dimension() != 3 || shape.get(2) != tags) {
            throw new IllegalArgumentException(
                    "Expected emissions (batch, steps, " + tags + "), got " + shape + ".");
        }
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException(
                    "Emissions must be float32 or float64; got " + type + ".");
        }
        long[] lengths = Masks.lengthsOf(validLength, shape.get(1));
        if (lengths.length != shape.get(0)) {
            throw new IllegalArgumentException(
                    "Expected "
                            + shape.get(0)
                            + " lengths for emissions "
                            + shape
                            + ", got "
                            + lengths.length
                            + ".");
        }
        NDManager m = emissions.getManager();
        NDArray mask = Masks.lengthMask(m, lengths, shape.get(1)).expandDims(2).broadcast(shape);
        NDArray clean = NDArrays.where(mask, emissions, m.zeros(new Shape(), type));
        long steps = 0;
        for (long n : lengths) {
            steps = Math.max(steps, n);
        }
        // Constant (penalty) first, so results live in the batch's manager, not the parameters'.
        return new Scores(
                clean,
                mask,
                lengths,
                (int) steps,
                constant(m, movePenalty, new Shape(tags, tags), type).add(transitions),
                constant(m, startPenalty, new Shape(tags), type).add(start),
                constant(m, endPenalty, new Shape(tags), type).add(end));
    }

    /** The forward algorithm: {@code log Z} per sentence, alpha carried through padding. */
    private static NDArray forward(Scores s) {
        NDArray alpha = s.step(0).add(s.start);
        NDArray moves = s.transitions.expandDims(0);
        for (int t = 1; t < s.steps; t++) {
            NDArray next = logSumExp(alpha.expandDims(2).add(moves), 1).add(s.step(t));
            alpha = NDArrays.where(s.real(t), next, alpha);
        }
        return logSumExp(alpha.add(s.end), 1);
    }

    /** Scores the given paths as sums of one-hot indicator arrays built on the Java side. */
    private NDArray gold(Scores s, NDArray tags) {
        Shape shape = s.emissions.getShape();
        int batch = (int) shape.get(0);
        int steps = (int) shape.get(1);
        int k = this.tags;
        if (!tags.getShape().equals(new Shape(batch, steps)) || !tags.getDataType().isInteger()) {
            throw new IllegalArgumentException(
                    "Expected integer tags ("
                            + batch
                            + ", "
                            + steps
                            + "), got "
                            + tags.getShape()
                            + " "
                            + tags.getDataType()
                            + ".");
        }
        long[] y = tags.toType(DataType.INT64, false).toLongArray();
        float[] emitted = new float[batch * steps * k];
        float[] moved = new float[batch * k * k];
        float[] first = new float[batch * k];
        float[] last = new float[batch * k];
        for (int b = 0; b < batch; b++) {
            int n = (int) s.lengths[b];
            for (int t = 0; t < n; t++) {
                long tag = y[b * steps + t];
                if (tag < 0 || tag >= k) {
                    throw new IllegalArgumentException(
                            "Tag "
                                    + tag
                                    + " at position "
                                    + t
                                    + " of sentence "
                                    + b
                                    + " is not in [0, "
                                    + k
                                    + ").");
                }
                emitted[(b * steps + t) * k + (int) tag] = 1;
                if (t > 0) {
                    moved[(b * k + (int) y[b * steps + t - 1]) * k + (int) tag] += 1;
                }
            }
            first[b * k + (int) y[b * steps]] = 1;
            last[b * k + (int) y[b * steps + n - 1]] = 1;
        }
        NDManager m = s.emissions.getManager();
        DataType type = s.emissions.getDataType();
        int[] matrix = {1, 2};
        return constant(m, emitted, shape, type)
                .mul(s.emissions)
                .sum(matrix)
                .add(
                        constant(m, moved, new Shape(batch, k, k), type)
                                .mul(s.transitions)
                                .sum(matrix))
                .add(constant(m, first, new Shape(batch, k), type).mul(s.start).sum(new int[] {1}))
                .add(constant(m, last, new Shape(batch, k), type).mul(s.end).sum(new int[] {1}));
    }

    /** Returns {@code log sum exp} over {@code axis}, shifted by the maximum for stability. */
    static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    private static NDArray constant(NDManager m, float[] values, Shape shape, DataType type) {
        return m.create(values, shape).toType(type, false);
    }

    private static float[] penalties(boolean[] allowed) {
        float[] p = new float[allowed.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = allowed[i] ? 0f : FORBIDDEN;
        }
        return p;
    }
}
