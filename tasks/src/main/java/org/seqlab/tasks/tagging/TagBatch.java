package org.seqlab.tasks.tagging;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A padded batch of sentences as the tagger reads it: word ids {@code (B, T)}, lengths {@code (B)},
 * and the batch's distinct words spelled as character ids {@code (W, L)} with an index {@code (B,
 * T)} from each position to its word's row.
 *
 * <p>Shapes are rounded up (T to a multiple of 8, W to a multiple of 32, L to a multiple of 4), so
 * that few distinct shapes reach libtorch and its native memory stays flat over epochs.
 *
 * @param words int64 word ids {@code (B, T)}, padding {@code <pad>}
 * @param lengths int64 sentence lengths {@code (B)}
 * @param chars int64 character ids {@code (W, L)}, or null when the model has no character encoder
 * @param charLengths int64 word lengths in characters {@code (W)}, or null
 * @param wordIndex int64 row of {@code chars} for each position {@code (B, T)}, or null
 * @param sizes the sentence lengths, on the Java side
 */
record TagBatch(
        NDArray words,
        NDArray lengths,
        NDArray chars,
        NDArray charLengths,
        NDArray wordIndex,
        int[] sizes) {

    /** Returns the padded length T. */
    int time() {
        return Math.toIntExact(words.getShape().get(1));
    }

    /**
     * Builds a batch of non-empty sentences.
     *
     * @param model looks up word and character ids
     * @param withChars whether to spell the distinct words
     */
    static TagBatch of(
            NDManager m, TagModel model, List<List<String>> sentences, boolean withChars) {
        int b = sentences.size();
        int longest = 1;
        for (List<String> s : sentences) {
            longest = Math.max(longest, s.size());
        }
        int t = round(longest, 8);
        long[] ids = new long[b * t];
        long[] lens = new long[b];
        int[] sizes = new int[b];
        long[] index = withChars ? new long[b * t] : null;
        Map<String, Integer> distinct = new HashMap<>();
        List<String> spelled = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            List<String> s = sentences.get(i);
            lens[i] = s.size();
            sizes[i] = s.size();
            for (int j = 0; j < s.size(); j++) {
                String w = s.get(j);
                ids[i * t + j] = model.wordId(w);
                if (withChars) {
                    Integer row = distinct.get(w);
                    if (row == null) {
                        row = spelled.size();
                        distinct.put(w, row);
                        spelled.add(w);
                    }
                    index[i * t + j] = row;
                }
            }
        }
        NDArray words = m.create(ids, new Shape(b, t));
        NDArray lengths = m.create(lens);
        if (!withChars) {
            return new TagBatch(words, lengths, null, null, null, sizes);
        }
        int maxChars = model.config().maxWordChars();
        int[][] spellings = new int[spelled.size()][];
        int widest = 1;
        for (int k = 0; k < spellings.length; k++) {
            spellings[k] = model.charIds(spelled.get(k), maxChars);
            widest = Math.max(widest, spellings[k].length);
        }
        int rows = round(Math.max(1, spellings.length), 32);
        int l = round(widest, 4);
        long[] c = new long[rows * l];
        long[] cl = new long[rows];
        for (int k = 0; k < rows; k++) {
            int[] sp = k < spellings.length ? spellings[k] : new int[] {0};
            cl[k] = Math.max(1, sp.length);
            for (int j = 0; j < sp.length; j++) {
                c[k * l + j] = sp[j];
            }
        }
        return new TagBatch(
                words,
                lengths,
                m.create(c, new Shape(rows, l)),
                m.create(cl),
                m.create(index, new Shape(b, t)),
                sizes);
    }

    private static int round(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
