package org.seqlab.tasks.translate;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.seqlab.seq2seq.AttentionDecoder;
import org.seqlab.seq2seq.BeamSearch;
import org.seqlab.seq2seq.GreedySearch;
import org.seqlab.seq2seq.Hypothesis;
import org.seqlab.seq2seq.SearchOptions;
import org.seqlab.seq2seq.StepDecoder;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Translates sentences with a {@link TranslateModel}: length-sorted batches, greedy decoding (beam
 * 1) or beam search, results in input order with the attention of each output piece over the source
 * pieces.
 *
 * <p>An empty (or blank) sentence translates to an empty one without running the model. A sentence
 * longer than the model's {@code max_tokens} source pieces is cut there, and its {@link
 * Translation#note()} says so. Output length is limited to {@code 2 x source pieces + 10}.
 */
public final class Translator {

    /** Sentences per batch (beam search runs {@code beam} rows per sentence). */
    static final int BATCH = 64;

    /** Length normalization exponent of beam search ({@code score = logProb / length^alpha}). */
    static final double ALPHA = 1.0;

    private final TranslateModel model;

    /**
     * One translated sentence.
     *
     * @param source the input sentence
     * @param text the translation
     * @param sourcePieces the subword pieces the model read
     * @param targetPieces the pieces it wrote (without the end token)
     * @param attention one row of weights over {@code sourcePieces} per target piece; empty when
     *     nothing was translated
     * @param logProb the translation's log-probability under the model (end token included)
     * @param note empty, or what happened to the input (cut to a length)
     */
    public record Translation(
            String source,
            String text,
            List<String> sourcePieces,
            List<String> targetPieces,
            float[][] attention,
            double logProb,
            String note) {}

    /** Creates a translator over {@code model} (which the caller keeps and closes). */
    public Translator(TranslateModel model) {
        this.model = model;
    }

    /**
     * Translates {@code sources}.
     *
     * @param beam beam size, at least 1 (1 is greedy decoding)
     * @return one translation per source, in order
     * @throws IllegalArgumentException when {@code beam} is below 1
     */
    public List<Translation> translate(List<String> sources, int beam) {
        if (beam < 1) {
            throw new IllegalArgumentException(
                    "The beam size must be at least 1; got " + beam + ".");
        }
        int n = sources.size();
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = sources.get(i).isBlank() ? new int[0] : model.sourceIds(sources.get(i));
        }
        Hypothesis[] best = search(ids, beam);
        List<Translation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(result(sources.get(i), ids[i], best[i]));
        }
        return out;
    }

    /**
     * Returns the best hypothesis for each row of source ids (null for an empty row), searched in
     * length-sorted batches of {@link #BATCH} sentences.
     */
    Hypothesis[] search(int[][] ids, int beam) {
        List<Integer> work = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].length > 0) {
                work.add(i);
            }
        }
        work.sort(Comparator.comparingInt(i -> ids[i].length));
        Hypothesis[] best = new Hypothesis[ids.length];
        SearchOptions options =
                SearchOptions.builder()
                        .optBeamSize(beam)
                        .optLengthPenalty(beam > 1 ? ALPHA : 0)
                        .optMaxLength(2.0, 10)
                        .optEos(Vocabulary.EOS_ID)
                        .optBanned(Vocabulary.PAD_ID, Vocabulary.UNK_ID, Vocabulary.BOS_ID)
                        .build();
        AttentionDecoder decoder = model.decoder();
        for (int s = 0; s < work.size(); s += BATCH) {
            List<Integer> part = work.subList(s, Math.min(work.size(), s + BATCH));
            List<int[]> rows = new ArrayList<>(part.size());
            int[] starts = new int[part.size()];
            int[] lengths = new int[part.size()];
            for (int k = 0; k < part.size(); k++) {
                rows.add(ids[part.get(k)]);
                starts[k] = Vocabulary.BOS_ID;
                lengths[k] = ids[part.get(k)].length;
            }
            try (NDManager m = model.manager().newSubManager();
                    StepDecoder steps = decoder.stepDecoder(m)) {
                AttentionDecoder.State start = model.start(m, rows, false);
                List<Hypothesis> found;
                if (beam == 1) {
                    found =
                            GreedySearch.argmax(options)
                                    .search(
                                            decoder.decodingStep(steps),
                                            start,
                                            starts,
                                            lengths,
                                            m,
                                            null);
                } else {
                    found = new ArrayList<>();
                    for (List<Hypothesis> nbest :
                            new BeamSearch(options)
                                    .search(
                                            decoder.decodingStep(steps),
                                            start,
                                            starts,
                                            lengths,
                                            m)) {
                        found.add(nbest.get(0));
                    }
                }
                for (int k = 0; k < part.size(); k++) {
                    best[part.get(k)] = found.get(k);
                }
            }
        }
        return best;
    }

    private Translation result(String source, int[] ids, Hypothesis h) {
        if (h == null) {
            return new Translation(source, "", List.of(), List.of(), new float[0][], 0, "");
        }
        List<String> all = model.allSourcePieces(source);
        List<String> sourcePieces = all.subList(0, ids.length);
        List<String> targetPieces = new ArrayList<>(h.tokens().length);
        for (int t : h.tokens()) {
            targetPieces.add(model.targetVocabulary().token(t));
        }
        int rows = h.attention() == null ? 0 : Math.min(h.attention().length, h.tokens().length);
        float[][] attention = new float[rows][];
        for (int r = 0; r < rows; r++) {
            attention[r] = Arrays.copyOf(h.attention()[r], ids.length);
        }
        String note =
                ids.length < all.size()
                        ? "input cut to its first " + ids.length + " subword pieces (max_tokens)"
                        : "";
        return new Translation(
                source,
                model.targetText(h.tokens()),
                sourcePieces,
                targetPieces,
                attention,
                h.logProb(),
                note);
    }
}
