package org.seqlab.tasks.sentiment;

import java.util.Arrays;
import java.util.Locale;

/** Which tokens of a long text are kept. */
public enum Truncation {
    /** The first tokens. */
    HEAD,
    /** The last tokens (the default: reviews conclude at the end). */
    TAIL,
    /** A quarter from the start and the rest from the end. */
    HEAD_TAIL;

    /** Parses {@code head}, {@code tail} or {@code head+tail}. */
    public static Truncation parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "head" -> HEAD;
            case "tail" -> TAIL;
            case "head+tail", "head_tail" -> HEAD_TAIL;
            default ->
                    throw new IllegalArgumentException(
                            "--truncate must be head, tail or head+tail; got '" + s + "'.");
        };
    }

    /** Returns {@code ids} cut to at most {@code max} tokens by this policy. */
    public int[] apply(int[] ids, int max) {
        if (ids.length <= max) {
            return ids;
        }
        return switch (this) {
            case HEAD -> Arrays.copyOf(ids, max);
            case TAIL -> Arrays.copyOfRange(ids, ids.length - max, ids.length);
            case HEAD_TAIL -> {
                int head = max / 4;
                int[] out = new int[max];
                System.arraycopy(ids, 0, out, 0, head);
                System.arraycopy(ids, ids.length - (max - head), out, head, max - head);
                yield out;
            }
        };
    }
}
