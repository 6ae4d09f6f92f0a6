package org.seqlab.eval;

import java.util.List;

/**
 * A BLEU score with the statistics behind it, as sacreBLEU's {@code BLEUScore} reports them.
 *
 * <p>The score and precisions are percentages (0 to 100), as in sacreBLEU. When nothing matches at
 * all, sacreBLEU returns early: the score and every precision are 0, but the brevity penalty is
 * still computed.
 *
 * @param score BLEU on a 0-100 scale
 * @param counts matched (clipped) n-grams per order, order 1 first; raw counts, without the value
 *     that {@code add-k} smoothing adds (sacreBLEU's {@code counts} include it)
 * @param totals hypothesis n-grams per order, order 1 first; raw counts as for {@code counts}
 * @param precisions the smoothed n-gram precisions in percent, order 1 first
 * @param bp the brevity penalty, in {@code [0, 1]}
 * @param ratio {@code sysLen / refLen}, or 0 when {@code refLen} is 0
 * @param sysLen the number of hypothesis words in the corpus
 * @param refLen the sum over segments of the reference length closest to the hypothesis length (the
 *     shorter reference on a tie)
 * @param signature sacreBLEU's reproducibility signature, for example {@code
 *     nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:seqlab-sacrebleu2}; see {@link Bleu}
 */
public record BleuScore(
        double score,
        List<Long> counts,
        List<Long> totals,
        List<Double> precisions,
        double bp,
        double ratio,
        long sysLen,
        long refLen,
        String signature) {

    /**
     * Copies the lists and checks that they agree.
     *
     * @throws IllegalArgumentException if a list or the signature is null, or the three lists
     *     differ in length
     */
    public BleuScore {
        if (counts == null || totals == null || precisions == null || signature == null) {
            throw new IllegalArgumentException("A BLEU score needs its counts and signature.");
        }
        if (counts.size() != totals.size() || counts.size() != precisions.size()) {
            throw new IllegalArgumentException(
                    "A BLEU score needs one count, total and precision per order, but got "
                            + counts.size()
                            + ", "
                            + totals.size()
                            + " and "
                            + precisions.size()
                            + ".");
        }
        counts = List.copyOf(counts);
        totals = List.copyOf(totals);
        precisions = List.copyOf(precisions);
    }

    /**
     * Returns the line that the sacreBLEU command prints for this score.
     *
     * @return for example {@code BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:... =
     *     48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)}, with the
     *     numbers rounded as Python rounds them
     */
    public String format() {
        StringBuilder out = new StringBuilder("BLEU|").append(signature).append(" = ");
        out.append(PythonText.fixed(score, 2)).append(' ');
        for (int i = 0; i < precisions.size(); i++) {
            out.append(i == 0 ? "" : "/").append(PythonText.fixed(precisions.get(i), 1));
        }
        return out.append(" (BP = ")
                .append(PythonText.fixed(bp, 3))
                .append(" ratio = ")
                .append(PythonText.fixed(ratio, 3))
                .append(" hyp_len = ")
                .append(sysLen)
                .append(" ref_len = ")
                .append(refLen)
                .append(')')
                .toString();
    }
}
