package org.seqlab.seq2seq;

import java.util.Arrays;
import org.seqlab.io.SettingException;

/**
 * Settings of a search ({@link BeamSearch}, {@link GreedySearch}); build with {@link #builder()}.
 *
 * <p><b>Length.</b> A sentence with a source of {@code n} tokens gets at most {@code max(1,
 * floor(maxLengthA * n + maxLengthB))} output tokens, the end token not counted (fairseq's {@code
 * --max-len-a}/{@code --max-len-b}, with its defaults 0 and 200). A hypothesis that reaches the
 * limit ends there, without an end token. For a language model, with no source, the limit is {@code
 * maxLengthB}.
 *
 * <p><b>Length normalization.</b> A finished hypothesis scores {@code logProb / length^alpha},
 * where {@code length} counts its tokens plus the end token if it chose one (the number of
 * log-probabilities summed into {@code logProb}), and {@code alpha} is {@link #lengthPenalty()}: 0
 * ranks by log-probability, which favours short outputs; 1 by the mean log-probability per token.
 * This is fairseq's {@code --lenpen} (its default, 1); Hugging Face's {@code length_penalty} is the
 * same formula. Live hypotheses are ranked by log-probability alone; the score ranks finished ones.
 *
 * @param beamSize hypotheses kept per sentence by beam search (K); greedy search ignores it
 * @param nBest how many finished hypotheses beam search returns per sentence, at most {@code
 *     beamSize}
 * @param lengthPenalty the exponent alpha of length normalization, {@code >= 0}
 * @param maxLengthA the part of the length limit proportional to the source length
 * @param maxLengthB the constant part of the length limit
 * @param eos the end token, or -1 when no token ends a sentence (it then runs to the limit)
 * @param banned ids never chosen (padding, unknown, start)
 * @param stopping when beam search stops a sentence
 */
public record SearchOptions(
        int beamSize,
        int nBest,
        double lengthPenalty,
        double maxLengthA,
        int maxLengthB,
        int eos,
        int[] banned,
        Stopping stopping) {

    /** When beam search stops working on a sentence (it always stops when nothing is live). */
    public enum Stopping {
        /**
         * Once K hypotheses have finished (fairseq, OpenNMT; Hugging Face's {@code
         * early_stopping=True}). The usual rule, and the fastest.
         */
        FINISHED_K,
        /**
         * Once K hypotheses have finished and no live one can still rank above the K-th of them:
         * its log-probability can only fall, and its score is at best that log-probability over the
         * largest length it could reach (Hugging Face's {@code early_stopping="never"}). With a
         * beam wide enough to keep every prefix, the result is the exact best.
         */
        NO_BETTER_LIVE
    }

    /** Validates every setting, copies {@code banned}, with messages naming the bad value. */
    public SearchOptions {
        if (beamSize < 1) {
            throw new SettingException("beam_size", "must be at least 1; got " + beamSize + ".");
        }
        if (nBest < 1 || nBest > beamSize) {
            throw new SettingException(
                    "n_best",
                    "must be between 1 and the beam size " + beamSize + "; got " + nBest + ".");
        }
        if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
            throw new SettingException(
                    "length_penalty", "must be a finite number >= 0; got " + lengthPenalty + ".");
        }
        if (!(maxLengthA >= 0) || Double.isInfinite(maxLengthA)) {
            throw new SettingException(
                    "max_length_a", "must be a finite number >= 0; got " + maxLengthA + ".");
        }
        if (maxLengthB < 0) {
            throw new SettingException("max_length_b", "must be >= 0; got " + maxLengthB + ".");
        }
        if (eos < -1) {
            throw new SettingException(
                    "eos", "must be a token id, or -1 for none; got " + eos + ".");
        }
        if (stopping == null) {
            throw new SettingException("stopping", "must be set; got null.");
        }
        banned = banned == null ? new int[0] : banned.clone();
        for (int id : banned) {
            if (id < 0) {
                throw new SettingException("banned", "must hold token ids >= 0; got " + id + ".");
            }
            if (id == eos) {
                throw new SettingException(
                        "banned",
                        "must not hold the end token " + eos + ": no sentence could end.");
            }
        }
    }

    /** Returns the defaults: beam 5, all 5 returned, alpha 1, limit 200, no end token. */
    public static SearchOptions defaults() {
        return builder().build();
    }

    /** Returns a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a copy of the banned ids. */
    @Override
    public int[] banned() {
        return banned.clone();
    }

    /** Returns whether {@code id} is banned. */
    boolean isBanned(int id) {
        for (int b : banned) {
            if (b == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the most output tokens a sentence with a source of {@code sourceLength} tokens gets,
     * the end token not counted: {@code max(1, floor(maxLengthA * sourceLength + maxLengthB))}.
     */
    public int maxLength(int sourceLength) {
        if (sourceLength < 0) {
            throw new IllegalArgumentException(
                    "A source length must be >= 0; got " + sourceLength + ".");
        }
        double limit = Math.floor(maxLengthA * sourceLength + maxLengthB);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, limit));
    }

    /**
     * Returns the length-normalized score {@code logProb / length^alpha}.
     *
     * @param length the number of log-probabilities summed: tokens, plus the end token if chosen
     */
    public double score(double logProb, int length) {
        return lengthPenalty == 0 ? logProb : logProb / Math.pow(length, lengthPenalty);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchOptions s
                && beamSize == s.beamSize
                && nBest == s.nBest
                && Double.compare(lengthPenalty, s.lengthPenalty) == 0
                && Double.compare(maxLengthA, s.maxLengthA) == 0
                && maxLengthB == s.maxLengthB
                && eos == s.eos
                && Arrays.equals(banned, s.banned)
                && stopping == s.stopping;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(banned)
                + java.util.Objects.hash(
                        beamSize, nBest, lengthPenalty, maxLengthA, maxLengthB, eos, stopping);
    }

    @Override
    public String toString() {
        return "SearchOptions[beamSize="
                + beamSize
                + ", nBest="
                + nBest
                + ", lengthPenalty="
                + lengthPenalty
                + ", maxLengthA="
                + maxLengthA
                + ", maxLengthB="
                + maxLengthB
                + ", eos="
                + eos
                + ", banned="
                + Arrays.toString(banned)
                + ", stopping="
                + stopping
                + "]";
    }

    /** Builds {@link SearchOptions}; every setting is optional ({@code optX}, DJL's convention). */
    public static final class Builder {
        private int beamSize = 5;
        private int nBest;
        private double lengthPenalty = 1.0;
        private double maxLengthA;
        private int maxLengthB = 200;
        private int eos = -1;
        private int[] banned = new int[0];
        private Stopping stopping = Stopping.FINISHED_K;

        private Builder() {}

        /** Sets the beam size K [5]. */
        public Builder optBeamSize(int beamSize) {
            this.beamSize = beamSize;
            return this;
        }

        /** Sets how many hypotheses beam search returns per sentence [the beam size]. */
        public Builder optNBest(int nBest) {
            this.nBest = nBest;
            return this;
        }

        /** Sets the length-normalization exponent alpha [1; 0 = none]. */
        public Builder optLengthPenalty(double alpha) {
            this.lengthPenalty = alpha;
            return this;
        }

        /** Sets the length limit to {@code floor(a * sourceLength + b)} tokens [0, 200]. */
        public Builder optMaxLength(double a, int b) {
            this.maxLengthA = a;
            this.maxLengthB = b;
            return this;
        }

        /** Sets the end token [-1: none]. */
        public Builder optEos(int eos) {
            this.eos = eos;
            return this;
        }

        /** Sets the ids never chosen [none]. */
        public Builder optBanned(int... banned) {
            this.banned = banned.clone();
            return this;
        }

        /** Sets the stopping rule of beam search [{@link Stopping#FINISHED_K}]. */
        public Builder optStopping(Stopping stopping) {
            this.stopping = stopping;
            return this;
        }

        /** Returns the options, validated. */
        public SearchOptions build() {
            return new SearchOptions(
                    beamSize,
                    nBest == 0 ? beamSize : nBest,
                    lengthPenalty,
                    maxLengthA,
                    maxLengthB,
                    eos,
                    banned,
                    stopping);
        }
    }
}
