package org.seqlab.embeddings;

import java.util.Objects;
import java.util.SplittableRandom;
import org.seqlab.tokenizers.Vocabulary;

/** Builds an embedding weight matrix for a vocabulary from pretrained vectors. */
public final class VectorAlignment {

    private VectorAlignment() {}

    /**
     * Returns one row per vocabulary id: the pretrained vector of the token when there is one, else
     * an initial value.
     *
     * <p>A token is looked up exactly, then (when {@code lowercaseFallback} is set) in lowercase.
     * {@link Vocabulary#PAD} is always all zeros. Every other token without a vector, the other
     * specials included, gets zeros ({@link UnknownInit#ZEROS}) or values drawn independently from
     * a normal distribution with the mean and standard deviation of all values of the pretrained
     * matrix ({@link UnknownInit#RANDOM}); the draws come from one {@code SplittableRandom(seed)}
     * in id order, so the same inputs give the same matrix. The coverage counts leave out the
     * specials.
     *
     * @param v the pretrained vectors
     * @param vocab the vocabulary to align to
     * @param init how to fill rows without a vector
     * @param seed the random seed for {@link UnknownInit#RANDOM}
     * @param lowercaseFallback whether to try a token's lowercase form
     * @return the {@code vocab.size() x v.dim()} weights and the coverage
     */
    public static Aligned align(
            WordVectors v,
            Vocabulary vocab,
            UnknownInit init,
            long seed,
            boolean lowercaseFallback) {
        Objects.requireNonNull(v, "The vectors must not be null.");
        Objects.requireNonNull(vocab, "The vocabulary must not be null.");
        Objects.requireNonNull(init, "The unknown-word initialization must not be null.");
        int dim = v.dim();
        double[] meanStd = meanAndStd(v.matrix());
        SplittableRandom random = new SplittableRandom(seed);
        float[][] weights = new float[vocab.size()][dim];
        int specials = Vocabulary.SPECIALS.size();
        int exact = 0;
        int lowercase = 0;
        int missing = 0;
        for (int id = 0; id < vocab.size(); id++) {
            String token = vocab.token(id);
            boolean special = id < specials;
            int row = special ? -1 : v.index(token);
            if (row >= 0) {
                exact++;
            } else if (!special && lowercaseFallback) {
                row = v.lookup(token, true);
                if (row >= 0) {
                    lowercase++;
                }
            }
            if (row >= 0) {
                v.copyVector(row, weights[id], 0);
                continue;
            }
            if (!special) {
                missing++;
            }
            if (id != Vocabulary.PAD_ID && init == UnknownInit.RANDOM) {
                for (int j = 0; j < dim; j++) {
                    weights[id][j] = (float) (meanStd[0] + meanStd[1] * random.nextGaussian());
                }
            }
        }
        int words = Math.max(0, vocab.size() - specials);
        return new Aligned(weights, new Coverage(words, exact, lowercase, missing));
    }

    /** The mean and population standard deviation of all values (0 and 0 when empty). */
    static double[] meanAndStd(float[] values) {
        if (values.length == 0) {
            return new double[] {0, 0};
        }
        double sum = 0;
        for (float x : values) {
            sum += x;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float x : values) {
            squares += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(squares / values.length)};
    }
}
