package org.seqlab.tasks.tagging;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.seqlab.seq2seq.CrfConstraints;
import org.seqlab.seq2seq.LinearChainCrf;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.Masks;
import org.seqlab.seq2seq.NamedParameters;

/**
 * The tagger's last step: from emission scores to a loss in training and to tags in prediction,
 * either independently per token (softmax) or jointly per sentence (a linear-chain CRF).
 */
abstract class TagOutput {

    /** Creates the output the config names, with its parameters in {@code params}. */
    static TagOutput create(NamedParameters params, TagConfig config, List<String> tags) {
        return config.crf() ? new CrfOutput(params, config, tags) : new Softmax();
    }

    /**
     * Returns the loss summed over the batch and the token count.
     *
     * @param emissions {@code (B, T, K)}
     * @param target int64 {@code (B, T)}, valid ids at padding too
     * @param lengths int64 {@code (B)}
     * @param sizes the lengths on the Java side
     */
    abstract Losses.SequenceLoss loss(
            NDArray emissions, NDArray target, NDArray lengths, int[] sizes);

    /** Returns the best tag ids of each sentence, of its own length. */
    abstract int[][] decode(NDArray emissions, NDArray lengths, int[] sizes);

    /** A softmax per token: cross-entropy loss, argmax decoding. */
    static final class Softmax extends TagOutput {
        @Override
        Losses.SequenceLoss loss(NDArray emissions, NDArray target, NDArray lengths, int[] sizes) {
            long t = emissions.getShape().get(1);
            NDArray mask = Masks.lengthMask(emissions.getManager(), lengths, t);
            return Losses.sequenceCrossEntropy(emissions, target, mask, 0f);
        }

        @Override
        int[][] decode(NDArray emissions, NDArray lengths, int[] sizes) {
            int t = Math.toIntExact(emissions.getShape().get(1));
            long[] best = emissions.argMax(2).toType(DataType.INT64, false).toLongArray();
            int[][] out = new int[sizes.length][];
            for (int b = 0; b < sizes.length; b++) {
                out[b] = new int[sizes[b]];
                for (int i = 0; i < sizes[b]; i++) {
                    out[b][i] = (int) best[b * t + i];
                }
            }
            return out;
        }
    }

    /** A linear-chain CRF: negative log-likelihood per sentence, Viterbi decoding. */
    static final class CrfOutput extends TagOutput {
        private final LinearChainCrf crf;

        CrfOutput(NamedParameters params, TagConfig config, List<String> tags) {
            CrfConstraints constraints =
                    config.entities()
                            ? TagSchemeSupport.constraints(tags, config.scheme())
                            : CrfConstraints.none(tags.size());
            this.crf = LinearChainCrf.create(params, "crf", constraints);
        }

        @Override
        Losses.SequenceLoss loss(NDArray emissions, NDArray target, NDArray lengths, int[] sizes) {
            long tokens = 0;
            for (int n : sizes) {
                tokens += n;
            }
            NDArray nll = crf.negativeLogLikelihood(emissions, target, lengths);
            return new Losses.SequenceLoss(nll.sum(), tokens);
        }

        @Override
        int[][] decode(NDArray emissions, NDArray lengths, int[] sizes) {
            return crf.decode(emissions, lengths).paths();
        }
    }
}
