package org.seqlab.eval;

import java.util.List;

/**
 * A chrF score with the corpus statistics behind it, as sacreBLEU's {@code CHRFScore}.
 *
 * <p>The statistics have one entry per n-gram order: the character orders 1 to {@code nc} first,
 * then the word orders 1 to {@code nw}. For each segment they come from the reference with the best
 * segment-level chrF (the first on a tie), and are summed over the corpus. A hypothesis n-gram
 * counts only where that reference has n-grams of its order, as in sacreBLEU.
 *
 * @param name sacreBLEU's name of the metric, e.g. {@code chrF2} or {@code chrF2++}
 * @param score the F-score on a 0-100 scale
 * @param hypCounts hypothesis n-grams per order
 * @param refCounts reference n-grams per order
 * @param matchCounts matched (clipped) n-grams per order
 * @param signature sacreBLEU's reproducibility signature, for example {@code
 *     nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:seqlab-sacrebleu2}
 */
public record ChrFScore(
        String name,
        double score,
        List<Long> hypCounts,
        List<Long> refCounts,
        List<Long> matchCounts,
        String signature) {

    /**
     * Copies the lists and checks that they agree.
     *
     * @throws IllegalArgumentException if the name, a list or the signature is null, or the lists
     *     differ in length
     */
    public ChrFScore {
        if (name == null
                || hypCounts == null
                || refCounts == null
                || matchCounts == null
                || signature == null) {
            throw new IllegalArgumentException(
                    "A chrF score needs its name, counts and signature.");
        }
        if (hypCounts.size() != refCounts.size() || hypCounts.size() != matchCounts.size()) {
            throw new IllegalArgumentException(
                    "A chrF score needs the same number of hypothesis, reference and match counts,"
                            + " but got "
                            + hypCounts.size()
                            + ", "
                            + refCounts.size()
                            + " and "
                            + matchCounts.size()
                            + ".");
        }
        hypCounts = List.copyOf(hypCounts);
        refCounts = List.copyOf(refCounts);
        matchCounts = List.copyOf(matchCounts);
    }

    /**
     * Returns the line that the sacreBLEU command prints for this score.
     *
     * @return for example {@code chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:... =
     *     39.14}, the score rounded as Python rounds it
     */
    public String format() {
        return name + "|" + signature + " = " + PythonText.fixed(score, 2);
    }
}
