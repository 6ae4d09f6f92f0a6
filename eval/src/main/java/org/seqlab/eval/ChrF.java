package org.seqlab.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus and sentence chrF (Popović 2015) and chrF++ (Popović 2017) computed exactly as sacreBLEU
 * 2.x computes them.
 *
 * <p>A port of sacreBLEU's {@code metrics/chrf.py} (checked against version 2.6.0, commit {@code
 * f615c72}). With {@link ChrFConfig#defaults()} the score is sacreBLEU's {@code
 * corpus_chrf(hypotheses, references)}, chrF2:
 *
 * <ol>
 *   <li>whitespace (in Python's sense) is removed from each segment, and its character n-grams of
 *       orders 1 to 6 are counted over code points;
 *   <li>for each order and reference, the statistics are the hypothesis n-grams (0 if the reference
 *       has no n-grams of that order), the reference n-grams and the matched n-grams (each clipped
 *       by its reference count); each segment keeps the statistics of the reference with the best
 *       segment-level score, the first on a tie;
 *   <li>the statistics are summed over the corpus; then precision and recall are computed per
 *       order, averaged over the orders where both the hypothesis and reference counts are positive
 *       ("effective order", {@code eff:yes} in the signature), and the score is {@code 100 * (1 +
 *       beta^2) * P * R / (beta^2 * P + R)} of the averages, 0 if both are 0.
 * </ol>
 *
 * <p>With {@link ChrFConfig#epsSmoothing()} ({@code eff:no}) the score is instead the mean over all
 * orders of each order's F-score, where a missing precision or recall is 1e-16 and an F-score with
 * a zero denominator is 1e-16, as in {@code chrF++.py}. With a word order above 0, words are split
 * on whitespace, and one ASCII punctuation character is split off the end of a word, or else off
 * its start (sacreBLEU's {@code _remove_punctuation}).
 *
 * <p>References come as streams, as for {@link Bleu}. Immutable and thread-safe.
 */
public final class ChrF {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final ChrFConfig config;

    /**
     * Creates a chrF metric with the given settings.
     *
     * @param config the settings; {@link ChrFConfig#defaults()} for sacreBLEU's chrF2
     * @throws IllegalArgumentException if {@code config} is null
     */
    public ChrF(ChrFConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("The chrF settings must be given.");
        }
        this.config = config;
    }

    /**
     * Returns the settings.
     *
     * @return the settings given to the constructor
     */
    public ChrFConfig config() {
        return config;
    }

    /**
     * Returns sacreBLEU's default corpus chrF2, {@code sacrebleu.corpus_chrf(hypotheses,
     * references)}.
     *
     * @param hypotheses one system output per segment
     * @param references reference streams, each with one reference (or null) per segment
     * @return the score with signature {@code nrefs:N|case:mixed|eff:yes|nc:6|nw:0|space:no|...}
     * @throws IllegalArgumentException as {@link #corpusScore(List, List)}
     */
    public static ChrFScore corpusChrF(
            List<String> hypotheses, List<? extends List<String>> references) {
        return new ChrF(ChrFConfig.defaults()).corpusScore(hypotheses, references);
    }

    /**
     * Scores a corpus, as sacreBLEU's {@code CHRF(...).corpus_score(hypotheses, references)}.
     *
     * @param hypotheses one system output per segment; at least one, none null
     * @param references reference streams: at least one, each as long as {@code hypotheses}; a null
     *     entry is a missing reference
     * @return the corpus score
     * @throws IllegalArgumentException if there are no hypotheses or streams, a hypothesis is null,
     *     a stream's length differs from the number of hypotheses, or a segment has no reference
     */
    public ChrFScore corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceStreams streams = ReferenceStreams.of("chrF", hypotheses, references);
        int orders = config.charOrder() + config.wordOrder();
        long[] totals = new long[3 * orders];
        long[] stats = new long[3 * orders];
        long[] best = new long[3 * orders];
        for (int i = 0; i < hypotheses.size(); i++) {
            List<Map<String, Integer>> hyp = ngrams(hypotheses.get(i));
            double bestScore = -1.0;
            for (String ref : streams.perSegment().get(i)) {
                List<Map<String, Integer>> refNgrams = ngrams(ref);
                for (int n = 0; n < orders; n++) {
                    matchStatistics(hyp.get(n), refNgrams.get(n), stats, 3 * n);
                }
                double f = fScore(stats);
                if (f > bestScore) {
                    bestScore = f;
                    System.arraycopy(stats, 0, best, 0, stats.length);
                }
            }
            for (int j = 0; j < totals.length; j++) {
                totals[j] += best[j];
            }
        }
        List<Long> hypCounts = new ArrayList<>(orders);
        List<Long> refCounts = new ArrayList<>(orders);
        List<Long> matchCounts = new ArrayList<>(orders);
        for (int n = 0; n < orders; n++) {
            hypCounts.add(totals[3 * n]);
            refCounts.add(totals[3 * n + 1]);
            matchCounts.add(totals[3 * n + 2]);
        }
        String signature =
                streams.nrefsField() + "|" + config.signatureFields() + "|version:" + Bleu.VERSION;
        return new ChrFScore(
                config.name(), fScore(totals), hypCounts, refCounts, matchCounts, signature);
    }

    /**
     * Scores one sentence, as sacreBLEU's {@code CHRF(...).sentence_score(hypothesis, references)}
     * and {@code sentence_chrf}.
     *
     * @param hypothesis the system output, not null
     * @param references its references; at least one not null
     * @return the score of the one-segment corpus
     * @throws IllegalArgumentException if the hypothesis is null or there is no reference
     */
    public ChrFScore sentenceScore(String hypothesis, List<String> references) {
        return corpusScore(Collections.singletonList(hypothesis), Bleu.asStreams(references));
    }

    /** sacreBLEU's {@code _get_match_statistics}: [hyp, ref, match] written at {@code at}. */
    private static void matchStatistics(
            Map<String, Integer> hyp, Map<String, Integer> ref, long[] out, int at) {
        long hypCount = 0;
        long refCount = 0;
        long matchCount = 0;
        for (Map.Entry<String, Integer> e : hyp.entrySet()) {
            int count = e.getValue();
            hypCount += count;
            Integer r = ref.get(e.getKey());
            if (r != null) {
                matchCount += Math.min(count, r);
            }
        }
        for (int count : ref.values()) {
            refCount += count;
        }
        out[at] = ref.isEmpty() ? 0 : hypCount;
        out[at + 1] = refCount;
        out[at + 2] = matchCount;
    }

    /** sacreBLEU's {@code _compute_f_score} on [hyp, ref, match] triples, 0-100. */
    double fScore(long[] statistics) {
        final double eps = 1e-16;
        int orders = statistics.length / 3;
        int factor = config.beta() * config.beta();
        double score = 0.0;
        int effectiveOrder = 0;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        for (int i = 0; i < orders; i++) {
            long nHyp = statistics[3 * i];
            long nRef = statistics[3 * i + 1];
            long nMatch = statistics[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / (double) nHyp : eps;
            double rec = nRef > 0 ? (double) nMatch / (double) nRef : eps;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (config.epsSmoothing()) {
            return 100 * score / orders;
        }
        if (effectiveOrder == 0) {
            avgPrec = 0.0;
            avgRec = 0.0;
        } else {
            avgPrec /= effectiveOrder;
            avgRec /= effectiveOrder;
        }
        if (avgPrec + avgRec != 0) {
            double f = (1 + factor) * avgPrec * avgRec;
            f /= (factor * avgPrec) + avgRec;
            return 100 * f;
        }
        return 0.0;
    }

    /** Character n-grams of orders 1..nc, then word n-grams of orders 1..nw, of one segment. */
    private List<Map<String, Integer>> ngrams(String segment) {
        List<Map<String, Integer>> out = new ArrayList<>(config.charOrder() + config.wordOrder());
        String line = config.whitespace() ? segment : PythonText.removeSpaces(segment);
        int[] codePoints = hasSurrogate(line) ? line.codePoints().toArray() : null;
        int length = codePoints == null ? line.length() : codePoints.length;
        for (int n = 1; n <= config.charOrder(); n++) {
            int size = Math.max(0, length - n + 1);
            Map<String, Integer> map = new HashMap<>(Math.max(4, size * 2));
            for (int i = 0; i < size; i++) {
                String ngram =
                        codePoints == null
                                ? line.substring(i, i + n)
                                : new String(codePoints, i, n);
                map.merge(ngram, 1, Integer::sum);
            }
            out.add(map);
        }
        if (config.wordOrder() > 0) {
            out.addAll(Bleu.countNgrams(splitPunctuation(segment), config.wordOrder()));
        }
        return out;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * sacreBLEU's {@code _remove_punctuation}: the whitespace-separated words, with one ASCII
     * punctuation character split off the end of a longer word, or else off its start. All the
     * punctuation is ASCII, so checking {@code char}s gives the same answer as Python's code
     * points.
     */
    static List<String> splitPunctuation(String segment) {
        List<String> words = new ArrayList<>();
        for (String w : PythonText.split(segment)) {
            if (w.codePointCount(0, w.length()) == 1) {
                words.add(w);
            } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
                words.add(w.substring(0, w.length() - 1));
                words.add(w.substring(w.length() - 1));
            } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
                words.add(w.substring(0, 1));
                words.add(w.substring(1));
            } else {
                words.add(w);
            }
        }
        return words;
    }
}
