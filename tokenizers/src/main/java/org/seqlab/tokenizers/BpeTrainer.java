package org.seqlab.tokenizers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns byte-pair merge rules from a corpus.
 *
 * <p>The corpus is cut into pre-tokens by {@link BpePreTokenizer}; equal pre-tokens are counted
 * once with their frequency. Each starts as a sequence of code points (the base alphabet is the
 * code points seen; unpaired surrogates never take part in a merge). Every step merges the most
 * frequent adjacent pair, breaking ties in favour of the pair whose left, then right, piece came
 * first (base code points in code point order, then merged pieces in the order they were made).
 * Pair counts are updated incrementally, only in the pre-tokens that contain the merged pair, and
 * the best pair is found with a priority queue whose stale entries are corrected lazily.
 */
final class BpeTrainer {

    /** The symbol of an unpaired surrogate: it pairs with nothing. */
    private static final int BARRIER = -1;

    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingInt(Candidate::count).reversed().thenComparingLong(Candidate::pair);

    /** An entry of the queue: a pair and its count when the entry was made. */
    private record Candidate(int count, long pair) {}

    /** The count of a pair and the pre-tokens it occurs in (possibly no longer). */
    private static final class PairStats {
        int count;
        int[] words = new int[4];
        int size;

        void addWord(int word) {
            if (size > 0 && words[size - 1] == word) {
                return;
            }
            if (size == words.length) {
                words = java.util.Arrays.copyOf(words, size * 2);
            }
            words[size++] = word;
        }
    }

    private final List<String> pieces = new ArrayList<>();
    private final Map<String, Integer> pieceIds = new HashMap<>();
    private final Map<Long, PairStats> pairs = new HashMap<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>(BEST_FIRST);
    private final Set<Long> touched = new HashSet<>();
    private final int[][] words;
    private final int[] lengths;
    private final int[] frequencies;
    private final int[] lastMerge;

    private BpeTrainer(String corpus) {
        Map<String, Integer> counts = new HashMap<>();
        int start = 0;
        while (start < corpus.length()) {
            int end = BpePreTokenizer.end(corpus, start);
            counts.merge(corpus.substring(start, end), 1, Integer::sum);
            start = end;
        }
        TreeSet<Integer> alphabet = new TreeSet<>();
        for (String word : counts.keySet()) {
            word.codePoints().filter(c -> !isUnpairedSurrogate(c)).forEach(alphabet::add);
        }
        for (int codePoint : alphabet) {
            idOf(new String(Character.toChars(codePoint)));
        }
        words = new int[counts.size()][];
        lengths = new int[counts.size()];
        frequencies = new int[counts.size()];
        lastMerge = new int[counts.size()];
        int w = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int[] symbols =
                    entry.getKey()
                            .codePoints()
                            .map(c -> isUnpairedSurrogate(c) ? BARRIER : alphabetId(c))
                            .toArray();
            words[w] = symbols;
            lengths[w] = symbols.length;
            frequencies[w] = entry.getValue();
            for (int i = 0; i + 1 < symbols.length; i++) {
                if (symbols[i] != BARRIER && symbols[i + 1] != BARRIER) {
                    PairStats stats = stats(pairOf(symbols[i], symbols[i + 1]));
                    stats.count += frequencies[w];
                    stats.addWord(w);
                }
            }
            w++;
        }
        pairs.forEach((pair, stats) -> queue.add(new Candidate(stats.count, pair)));
    }

    /**
     * Learns up to {@code merges} merges from {@code corpus}, stopping early when no pair occurs
     * twice.
     *
     * @param corpus the training text
     * @param merges the most merges to learn; at least 0
     * @return the merges in the order they were learned
     */
    static List<BpeMerge> learn(String corpus, int merges) {
        return new BpeTrainer(corpus).run(merges);
    }

    private List<BpeMerge> run(int merges) {
        List<BpeMerge> learned = new ArrayList<>(Math.min(merges, 1 << 16));
        while (learned.size() < merges && !queue.isEmpty()) {
            Candidate top = queue.poll();
            PairStats stats = pairs.get(top.pair());
            int actual = stats == null ? 0 : stats.count;
            if (top.count() != actual) {
                if (actual > 0 && actual < top.count()) {
                    queue.add(new Candidate(actual, top.pair()));
                }
                continue;
            }
            if (actual < 2) {
                break;
            }
            int left = (int) (top.pair() >>> 32);
            int right = (int) top.pair();
            BpeMerge merge = new BpeMerge(pieces.get(left), pieces.get(right));
            learned.add(merge);
            apply(stats, left, right, idOf(merge.merged()), learned.size());
            pairs.remove(top.pair());
        }
        return learned;
    }

    /** Replaces {@code left right} by {@code merged} in every pre-token that has it. */
    private void apply(PairStats stats, int left, int right, int merged, int mergeNumber) {
        touched.clear();
        for (int k = 0; k < stats.size; k++) {
            int w = stats.words[k];
            if (lastMerge[w] == mergeNumber) {
                continue;
            }
            lastMerge[w] = mergeNumber;
            int[] s = words[w];
            int n = lengths[w];
            int f = frequencies[w];
            int j = 0;
            int i = 0;
            while (i < n) {
                if (i + 1 < n && s[i] == left && s[i + 1] == right) {
                    if (j > 0 && s[j - 1] != BARRIER) {
                        change(s[j - 1], left, -f, w);
                        change(s[j - 1], merged, f, w);
                    }
                    if (i + 2 < n && s[i + 2] != BARRIER) {
                        change(right, s[i + 2], -f, w);
                        change(merged, s[i + 2], f, w);
                    }
                    s[j++] = merged;
                    i += 2;
                } else {
                    s[j++] = s[i++];
                }
            }
            lengths[w] = j;
        }
        for (long pair : touched) {
            int count = pairs.get(pair).count;
            if (count > 0) {
                queue.add(new Candidate(count, pair));
            }
        }
    }

    private void change(int a, int b, int delta, int word) {
        long pair = pairOf(a, b);
        PairStats stats = stats(pair);
        stats.count += delta;
        if (delta > 0) {
            stats.addWord(word);
            touched.add(pair);
        }
    }

    private PairStats stats(long pair) {
        return pairs.computeIfAbsent(pair, p -> new PairStats());
    }

    private int alphabetId(int codePoint) {
        return pieceIds.get(new String(Character.toChars(codePoint)));
    }

    private int idOf(String piece) {
        Integer id = pieceIds.get(piece);
        if (id != null) {
            return id;
        }
        pieces.add(piece);
        pieceIds.put(piece, pieces.size() - 1);
        return pieces.size() - 1;
    }

    private static boolean isUnpairedSurrogate(int codePoint) {
        return codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint);
    }

    private static long pairOf(int left, int right) {
        return ((long) left << 32) | right;
    }
}
