package org.seqlab.seq2seq;

import java.util.Arrays;
import java.util.List;

/**
 * Which tag moves a {@link LinearChainCrf} may make: {@code allowed[i][j]} says whether tag {@code
 * j} may follow tag {@code i}, {@code start[j]} whether a sentence may begin with {@code j}, and
 * {@code end[i]} whether it may end with {@code i}.
 *
 * <p>Constraints are structure, not weights: they are not saved with the parameters, so a loaded
 * model must be given the same constraints (usually rebuilt from its tag list, as {@link #iob2}
 * does). The arrays are copied in and out, so a record never changes.
 *
 * @param allowed {@code K x K}
 * @param start {@code K}; at least one true
 * @param end {@code K}; at least one true
 */
public record CrfConstraints(boolean[][] allowed, boolean[] start, boolean[] end) {

    /**
     * Checks the shapes and copies the arrays.
     *
     * @throws IllegalArgumentException when an array is null or missing, the sizes differ, the
     *     matrix is not square, there are no tags, or no tag may start or none may end a sentence
     */
    public CrfConstraints {
        if (allowed == null || start == null || end == null) {
            throw new IllegalArgumentException("CRF constraints need all three arrays; got null.");
        }
        int k = allowed.length;
        if (k < 1 || start.length != k || end.length != k) {
            throw new IllegalArgumentException(
                    "CRF constraints need K >= 1 rows and K start and end flags; got "
                            + k
                            + " rows, "
                            + start.length
                            + " start and "
                            + end.length
                            + " end flags.");
        }
        boolean[][] rows = new boolean[k][];
        for (int i = 0; i < k; i++) {
            if (allowed[i] == null || allowed[i].length != k) {
                throw new IllegalArgumentException(
                        "CRF constraint row "
                                + i
                                + " must have "
                                + k
                                + " entries; got "
                                + (allowed[i] == null ? "null" : allowed[i].length)
                                + ".");
            }
            rows[i] = allowed[i].clone();
        }
        if (!any(start) || !any(end)) {
            throw new IllegalArgumentException(
                    "CRF constraints must let some tag start and some tag end a sentence.");
        }
        allowed = rows;
        start = start.clone();
        end = end.clone();
    }

    /** Returns constraints that allow every move among {@code k} tags. */
    public static CrfConstraints none(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("A CRF needs at least 1 tag; got " + k + ".");
        }
        boolean[][] allowed = new boolean[k][k];
        boolean[] start = new boolean[k];
        boolean[] end = new boolean[k];
        for (int i = 0; i < k; i++) {
            Arrays.fill(allowed[i], true);
        }
        Arrays.fill(start, true);
        Arrays.fill(end, true);
        return new CrfConstraints(allowed, start, end);
    }

    /**
     * Returns the IOB2 constraints for {@code labels} ({@code O}, {@code B-X}, {@code I-X}): an
     * {@code I-X} may only follow {@code B-X} or {@code I-X}, so it never starts a sentence. Any
     * other label is treated like {@code O}.
     */
    public static CrfConstraints iob2(List<String> labels) {
        CrfConstraints c = none(labels.size());
        for (int j = 0; j < labels.size(); j++) {
            String to = labels.get(j);
            if (!to.startsWith("I-")) {
                continue;
            }
            c.start[j] = false;
            for (int i = 0; i < labels.size(); i++) {
                String from = labels.get(i);
                boolean sameType =
                        (from.startsWith("B-") || from.startsWith("I-"))
                                && from.substring(2).equals(to.substring(2));
                c.allowed[i][j] = sameType;
            }
        }
        return new CrfConstraints(c.allowed, c.start, c.end);
    }

    /** Returns the number of tags {@code K}. */
    public int tags() {
        return start.length;
    }

    /** Returns whether every move is allowed. */
    public boolean isNone() {
        return all(start) && all(end) && Arrays.stream(allowed).allMatch(r -> all(r));
    }

    /** Returns whether {@code path} makes only allowed moves (start, transitions and end). */
    public boolean allows(int[] path) {
        if (path.length == 0 || !start[path[0]] || !end[path[path.length - 1]]) {
            return false;
        }
        for (int t = 1; t < path.length; t++) {
            if (!allowed[path[t - 1]][path[t]]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean[][] allowed() {
        boolean[][] copy = new boolean[allowed.length][];
        for (int i = 0; i < allowed.length; i++) {
            copy[i] = allowed[i].clone();
        }
        return copy;
    }

    @Override
    public boolean[] start() {
        return start.clone();
    }

    @Override
    public boolean[] end() {
        return end.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrfConstraints c
                && Arrays.deepEquals(allowed, c.allowed)
                && Arrays.equals(start, c.start)
                && Arrays.equals(end, c.end);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(allowed) * 31 * 31
                + Arrays.hashCode(start) * 31
                + Arrays.hashCode(end);
    }

    @Override
    public String toString() {
        return "CrfConstraints[allowed="
                + Arrays.deepToString(allowed)
                + ", start="
                + Arrays.toString(start)
                + ", end="
                + Arrays.toString(end)
                + "]";
    }

    private static boolean any(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }
}
