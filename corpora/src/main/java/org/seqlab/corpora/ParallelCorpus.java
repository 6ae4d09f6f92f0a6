package org.seqlab.corpora;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sentence pairs read from a parallel file, with counts of what was dropped on the way.
 *
 * <p>A well-formed line gives one pair read ({@link #read()}); it is then dropped as too short, too
 * long, over the length ratio or a duplicate, in that order of checks and counted once under the
 * first that applies, or kept in {@link #pairs()}. Blank and malformed lines give no pair and are
 * counted apart. Instances are immutable and thread-safe.
 *
 * @param pairs the kept pairs in file order; not null, without null elements
 * @param skippedBad malformed lines skipped (only with {@link ParallelReadOptions#skipBad()})
 * @param blankLines blank lines ignored
 * @param tooShort pairs dropped because a side had fewer words than the minimum
 * @param tooLong pairs dropped because a side had more words than the maximum
 * @param overRatio pairs dropped because one side had too many times the words of the other
 * @param duplicates pairs dropped because an earlier kept pair had the same source and target
 */
public record ParallelCorpus(
        List<SentencePair> pairs,
        long skippedBad,
        long blankLines,
        long tooShort,
        long tooLong,
        long overRatio,
        long duplicates) {

    /**
     * Copies the pairs and checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public ParallelCorpus {
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
        long[] counts = {skippedBad, blankLines, tooShort, tooLong, overRatio, duplicates};
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException(
                        "A count of dropped lines must not be negative, but one is " + count + ".");
            }
        }
    }

    /**
     * Returns the number of well-formed pairs read, kept or dropped by a filter.
     *
     * @return {@link #kept()} plus the pairs dropped as too short, too long, over the ratio or
     *     duplicates
     */
    public long read() {
        return kept() + tooShort + tooLong + overRatio + duplicates;
    }

    /**
     * Returns the number of pairs kept.
     *
     * @return the size of {@link #pairs()}
     */
    public long kept() {
        return pairs.size();
    }

    /**
     * Returns the source sentences of the kept pairs.
     *
     * @return an unmodifiable list, in the order of {@link #pairs()}
     */
    public List<String> sources() {
        return pairs.stream().map(SentencePair::source).toList();
    }

    /**
     * Returns the target sentences of the kept pairs.
     *
     * @return an unmodifiable list, in the order of {@link #pairs()}
     */
    public List<String> targets() {
        return pairs.stream().map(SentencePair::target).toList();
    }

    /**
     * Returns a one-line account for the command line, such as {@code "127,895 pairs read, 3
     * duplicates removed, 127,892 kept"}.
     *
     * <p>The pairs read and kept are always named; the other counts only when they are not 0.
     *
     * @return the summary, with thousands separated by commas
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(count(read(), "pair", "pairs") + " read");
        addIf(parts, skippedBad, "bad line skipped", "bad lines skipped");
        addIf(parts, blankLines, "blank line ignored", "blank lines ignored");
        addIf(parts, tooShort, "too short", "too short");
        addIf(parts, tooLong, "too long", "too long");
        addIf(parts, overRatio, "over the length ratio", "over the length ratio");
        addIf(parts, duplicates, "duplicate removed", "duplicates removed");
        parts.add(count(kept(), "kept", "kept"));
        return String.join(", ", parts);
    }

    private static void addIf(List<String> parts, long n, String one, String many) {
        if (n != 0) {
            parts.add(count(n, one, many));
        }
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
