package org.seqlab.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus and sentence BLEU computed exactly as sacreBLEU 2.x computes it.
 *
 * <p>A port of sacreBLEU's {@code metrics/bleu.py} (checked against version 2.6.0, commit {@code
 * f615c72}). With {@link BleuConfig#defaults()} the score is sacreBLEU's {@code
 * corpus_bleu(hypotheses, references)}: each segment is right-stripped and tokenized with {@link
 * Tokenizer13a}; its n-grams of orders 1 to 4 are counted, each clipped by its largest count in any
 * one reference; the reference length of a segment is the reference length closest to the
 * hypothesis length, the shorter on a tie; the counts and lengths are summed over the corpus; then
 * {@code BLEU = BP * exp(mean of log p_n)} with {@code exp} smoothing for orders without matches,
 * {@code BP = exp(1 - refLen / sysLen)} when {@code sysLen < refLen} (0 when {@code sysLen} is 0)
 * and 1 otherwise. When nothing matches at all the score is 0 (sacreBLEU issue #141). Scores are on
 * the 0-100 scale and case-sensitive.
 *
 * <p>References come as sacreBLEU takes them, as streams: {@code references.get(k).get(i)} is the
 * k-th reference of hypothesis {@code i}, and a null entry is a missing reference (the signature
 * then says {@code nrefs:var}). Where sacreBLEU's {@code zip} would silently drop segments past the
 * shortest stream, this class throws instead.
 *
 * <p>The signature has sacreBLEU's fields and order, for example {@code
 * nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:seqlab-sacrebleu2}. The version field is
 * {@value #VERSION}, not a sacreBLEU version, so that nobody takes a seqlab score for one computed
 * by sacreBLEU itself. As in sacreBLEU, the maximum n-gram order is not part of the signature.
 *
 * <p>Immutable and thread-safe; n-grams are counted in hash maps keyed by the space-joined words.
 */
public final class Bleu {

    /** The {@code version} field of the signatures of {@link Bleu} and {@link ChrF}. */
    public static final String VERSION = "seqlab-sacrebleu2";

    private final BleuConfig config;

    /**
     * Creates a BLEU metric with the given settings.
     *
     * @param config the settings; {@link BleuConfig#defaults()} for sacreBLEU's corpus BLEU
     * @throws IllegalArgumentException if {@code config} is null
     */
    public Bleu(BleuConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("The BLEU settings must be given.");
        }
        this.config = config;
    }

    /**
     * Returns the settings.
     *
     * @return the settings given to the constructor
     */
    public BleuConfig config() {
        return config;
    }

    /**
     * Returns sacreBLEU's default corpus BLEU, {@code sacrebleu.corpus_bleu(hypotheses,
     * references)}.
     *
     * @param hypotheses one system output per segment
     * @param references reference streams, each with one reference (or null) per segment
     * @return the score with signature {@code nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp|...}
     * @throws IllegalArgumentException as {@link #corpusScore(List, List)}
     */
    public static BleuScore corpusBleu(
            List<String> hypotheses, List<? extends List<String>> references) {
        return new Bleu(BleuConfig.defaults()).corpusScore(hypotheses, references);
    }

    /**
     * Returns sacreBLEU's default sentence BLEU, {@code sacrebleu.sentence_bleu(hypothesis,
     * references)}: 13a, exp smoothing and effective order.
     *
     * @param hypothesis one system output
     * @param references its references, at least one
     * @return the score with signature {@code nrefs:N|case:mixed|eff:yes|tok:13a|smooth:exp|...}
     * @throws IllegalArgumentException as {@link #sentenceScore(String, List)}
     */
    public static BleuScore sentenceBleu(String hypothesis, List<String> references) {
        return new Bleu(BleuConfig.sentenceDefaults()).sentenceScore(hypothesis, references);
    }

    /**
     * Scores a corpus, as sacreBLEU's {@code BLEU(...).corpus_score(hypotheses, references)}.
     *
     * @param hypotheses one system output per segment; at least one, none null (an empty string is
     *     a valid, empty output)
     * @param references reference streams: at least one, each as long as {@code hypotheses}; a null
     *     entry is a missing reference
     * @return the corpus score
     * @throws IllegalArgumentException if there are no hypotheses or streams, a hypothesis is null,
     *     a stream's length differs from the number of hypotheses, or a segment has no reference
     */
    public BleuScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceStreams streams = ReferenceStreams.of("BLEU", hypotheses, references);
        int order = config.maxNgramOrder();
        long[] correct = new long[order];
        long[] total = new long[order];
        long sysLen = 0;
        long refLen = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> hypWords = config.tokenizer().words(hypotheses.get(i));
            List<Map<String, Integer>> refNgrams = null;
            int closest = -1;
            int closestDiff = -1;
            for (String ref : streams.perSegment().get(i)) {
                List<String> refWords = config.tokenizer().words(ref);
                List<Map<String, Integer>> ngrams = countNgrams(refWords, order);
                if (refNgrams == null) {
                    refNgrams = ngrams;
                } else {
                    for (int n = 0; n < order; n++) {
                        Map<String, Integer> merged = refNgrams.get(n);
                        ngrams.get(n)
                                .forEach((ngram, count) -> merged.merge(ngram, count, Math::max));
                    }
                }
                int len = refWords.size();
                int diff = Math.abs(hypWords.size() - len);
                if (closestDiff == -1 || diff < closestDiff) {
                    closestDiff = diff;
                    closest = len;
                } else if (diff == closestDiff && len < closest) {
                    closest = len;
                }
            }
            List<Map<String, Integer>> hypNgrams = countNgrams(hypWords, order);
            for (int n = 0; n < order; n++) {
                Map<String, Integer> refCounts = refNgrams.get(n);
                for (Map.Entry<String, Integer> e : hypNgrams.get(n).entrySet()) {
                    int count = e.getValue();
                    total[n] += count;
                    Integer refCount = refCounts.get(e.getKey());
                    if (refCount != null) {
                        correct[n] += Math.min(count, refCount);
                    }
                }
            }
            sysLen += hypWords.size();
            refLen += closest;
        }
        return compute(correct, total, sysLen, refLen, config, streams.nrefsField());
    }

    /**
     * Scores one sentence, as sacreBLEU's {@code BLEU(...).sentence_score(hypothesis, references)};
     * use {@link BleuConfig#sentenceDefaults()} (effective order) for what sacreBLEU recommends.
     *
     * @param hypothesis the system output, not null
     * @param references its references; at least one not null
     * @return the score of the one-segment corpus
     * @throws IllegalArgumentException if the hypothesis is null or there is no reference
     */
    public BleuScore sentenceScore(String hypothesis, List<String> references) {
        return corpusScore(Collections.singletonList(hypothesis), asStreams(references));
    }

    /** Turns the references of one sentence into one-segment streams, as sacreBLEU does. */
    static List<List<String>> asStreams(List<String> references) {
        if (references == null) {
            throw new IllegalArgumentException("The references of a sentence must be given.");
        }
        List<List<String>> streams = new ArrayList<>(references.size());
        for (String ref : references) {
            streams.add(Collections.singletonList(ref));
        }
        return streams;
    }

    /**
     * Counts the n-grams of orders 1 to {@code order}: element {@code n - 1} maps each n-gram, its
     * words joined by single spaces, to its count. Words never hold a space, so the keys are
     * unambiguous.
     */
    static List<Map<String, Integer>> countNgrams(List<String> words, int order) {
        List<Map<String, Integer>> counts = new ArrayList<>(order);
        StringBuilder key = new StringBuilder();
        for (int n = 1; n <= order; n++) {
            int size = Math.max(0, words.size() - n + 1);
            Map<String, Integer> map = new HashMap<>(Math.max(4, size * 2));
            for (int i = 0; i < size; i++) {
                String ngram;
                if (n == 1) {
                    ngram = words.get(i);
                } else {
                    key.setLength(0);
                    key.append(words.get(i));
                    for (int j = i + 1; j < i + n; j++) {
                        key.append(' ').append(words.get(j));
                    }
                    ngram = key.toString();
                }
                map.merge(ngram, 1, Integer::sum);
            }
            counts.add(map);
        }
        return counts;
    }

    /**
     * Computes BLEU from corpus statistics, as sacreBLEU's {@code BLEU.compute_bleu}.
     *
     * @param correct matched n-grams per order
     * @param total hypothesis n-grams per order
     * @param sysLen hypothesis words
     * @param refLen closest reference words
     * @param config the smoothing, order and effective-order settings
     * @param nrefsField the {@code nrefs:} field of the signature
     */
    static BleuScore compute(
            long[] correct,
            long[] total,
            long sysLen,
            long refLen,
            BleuConfig config,
            String nrefsField) {
        int order = config.maxNgramOrder();
        if (correct.length != order || total.length != order) {
            throw new IllegalArgumentException(
                    "BLEU of order " + order + " needs " + order + " counts and totals.");
        }
        String signature = nrefsField + "|" + config.signatureFields() + "|version:" + VERSION;
        double bp = 1.0;
        if (sysLen < refLen) {
            bp = sysLen > 0 ? Math.exp(1 - (double) refLen / (double) sysLen) : 0.0;
        }
        double ratio = refLen != 0 ? (double) sysLen / (double) refLen : 0;
        double[] precisions = new double[order];
        boolean anyMatch = false;
        for (long c : correct) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            return score(0.0, correct, total, precisions, bp, ratio, sysLen, refLen, signature);
        }
        BleuSmoothing smoothing = config.smoothing();
        double smoothValue = config.smoothValue();
        double smoothMteval = 1.0;
        int effOrder = order;
        for (int n = 1; n <= order; n++) {
            double c = correct[n - 1];
            double t = total[n - 1];
            if (smoothing == BleuSmoothing.ADD_K && n > 1) {
                c += smoothValue;
                t += smoothValue;
            }
            if (t == 0) {
                break;
            }
            if (config.effectiveOrder()) {
                effOrder = n;
            }
            if (c == 0) {
                if (smoothing == BleuSmoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * t);
                } else if (smoothing == BleuSmoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * smoothValue / t;
                }
            } else {
                precisions[n - 1] = 100.0 * c / t;
            }
        }
        double sumLog = 0;
        for (int n = 0; n < effOrder; n++) {
            sumLog += flooredLog(precisions[n]);
        }
        double score = bp * Math.exp(sumLog / effOrder);
        return score(score, correct, total, precisions, bp, ratio, sysLen, refLen, signature);
    }

    /** sacreBLEU's {@code my_log}: the natural log, with log 0 floored at -9999999999. */
    private static double flooredLog(double x) {
        return x == 0.0 ? -9999999999.0 : Math.log(x);
    }

    private static BleuScore score(
            double score,
            long[] correct,
            long[] total,
            double[] precisions,
            double bp,
            double ratio,
            long sysLen,
            long refLen,
            String signature) {
        List<Long> counts = new ArrayList<>(correct.length);
        List<Long> totals = new ArrayList<>(total.length);
        List<Double> precs = new ArrayList<>(precisions.length);
        for (int i = 0; i < correct.length; i++) {
            counts.add(correct[i]);
            totals.add(total[i]);
            precs.add(precisions[i]);
        }
        return new BleuScore(score, counts, totals, precs, bp, ratio, sysLen, refLen, signature);
    }
}
