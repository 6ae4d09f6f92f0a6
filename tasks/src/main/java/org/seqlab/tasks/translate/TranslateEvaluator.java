package org.seqlab.tasks.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.SentencePair;
import org.seqlab.eval.Bleu;
import org.seqlab.eval.BleuScore;
import org.seqlab.eval.ChrF;
import org.seqlab.eval.ChrFScore;

/** Translates a parallel corpus's sources and scores them against its targets. */
public final class TranslateEvaluator {

    private TranslateEvaluator() {}

    /**
     * What an evaluation found.
     *
     * @param sentences sentence pairs scored
     * @param bleu corpus BLEU as sacreBLEU computes it by default (0-100)
     * @param chrf corpus chrF2 (0-100)
     * @param signature the BLEU signature
     * @param chrfSignature the chrF signature
     * @param beam the beam size used (1 = greedy)
     * @param seconds time spent translating
     * @param translations the system output, one per pair
     */
    public record Report(
            int sentences,
            double bleu,
            double chrf,
            String signature,
            String chrfSignature,
            int beam,
            double seconds,
            List<String> translations) {

        /** Returns the one-line JSON report (the translations left out). */
        public String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"sentences\":%d,\"bleu\":%.2f,\"chrf\":%.2f,\"signature\":\"%s\","
                            + "\"chrf_signature\":\"%s\",\"beam\":%d,\"seconds\":%.1f}",
                    sentences,
                    bleu,
                    chrf,
                    signature,
                    chrfSignature,
                    beam,
                    seconds);
        }

        /** Returns a short human-readable summary. */
        public String toText() {
            return String.format(
                    Locale.ROOT,
                    "%d sentences, beam %d, %.1f s (%.1f sentences/s)%nBLEU %.2f  (%s)%nchrF2 %.2f"
                            + "  (%s)%n",
                    sentences,
                    beam,
                    seconds,
                    sentences / Math.max(seconds, 1e-9),
                    bleu,
                    signature,
                    chrf,
                    chrfSignature);
        }
    }

    /** Translates {@code data}'s sources with {@code beam} and scores them. */
    public static Report evaluate(Translator translator, ParallelCorpus data, int beam) {
        List<String> sources = new ArrayList<>(data.pairs().size());
        List<String> references = new ArrayList<>(data.pairs().size());
        for (SentencePair p : data.pairs()) {
            sources.add(p.source());
            references.add(p.target());
        }
        long t0 = System.nanoTime();
        List<String> out = new ArrayList<>(sources.size());
        for (Translator.Translation t : translator.translate(sources, beam)) {
            out.add(t.text());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BleuScore bleu = Bleu.corpusBleu(out, List.of(references));
        ChrFScore chrf = ChrF.corpusChrF(out, List.of(references));
        return new Report(
                out.size(),
                bleu.score(),
                chrf.score(),
                bleu.signature(),
                chrf.signature(),
                beam,
                seconds,
                List.copyOf(out));
    }
}
