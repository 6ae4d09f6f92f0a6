package org.seqlab.eval.forecast;

/** Argument checks shared by the forecast measures. */
final class Checks {

    private Checks() {}

    /** Throws unless both arrays are non-null, non-empty and of the same length. */
    static void sameLength(String firstName, double[] first, String secondName, double[] second) {
        if (first == null || second == null) {
            throw new IllegalArgumentException(
                    "The "
                            + (first == null ? firstName : secondName)
                            + " values were null; they must be an array.");
        }
        if (first.length != second.length) {
            throw new IllegalArgumentException(
                    "There must be as many "
                            + secondName
                            + " values as "
                            + firstName
                            + " values, but there were "
                            + second.length
                            + " and "
                            + first.length
                            + ".");
        }
        if (first.length == 0) {
            throw new IllegalArgumentException(
                    "The " + firstName + " values were empty; at least one is needed.");
        }
    }
}
