package org.seqlab.corpora.series;

import java.nio.file.Path;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;

/** Fills the missing cells (NaN) of a series' columns in place, as a {@link FillPolicy} says. */
final class SeriesFill {

    private SeriesFill() {}

    /**
     * Fills every NaN of {@code values} and returns how many cells of each row were filled.
     *
     * @param seconds the rows' times in epoch seconds, increasing (linear interpolation weights)
     * @param values one array a column, each of length {@code seconds.length}
     * @throws CorpusFormatException if a column has no value at all
     */
    static int[] fill(
            Path file, List<String> columns, long[] seconds, double[][] values, FillPolicy policy)
            throws CorpusFormatException {
        int rows = seconds.length;
        int[] filled = new int[rows];
        for (int c = 0; c < values.length; c++) {
            double[] v = values[c];
            int first = 0;
            while (first < rows && Double.isNaN(v[first])) {
                first++;
            }
            if (first == rows) {
                throw new CorpusFormatException(
                        file,
                        "column '"
                                + columns.get(c)
                                + "' has no value in any row, so there is nothing to fill from");
            }
            for (int r = 0; r < first; r++) {
                v[r] = v[first];
                filled[r]++;
            }
            int known = first; // the last row with a known value
            for (int r = first + 1; r < rows; r++) {
                if (!Double.isNaN(v[r])) {
                    if (r > known + 1) {
                        between(seconds, v, known, r, policy, filled);
                    }
                    known = r;
                }
            }
            for (int r = known + 1; r < rows; r++) {
                v[r] = v[known];
                filled[r]++;
            }
        }
        return filled;
    }

    /** Fills the rows strictly between the known rows {@code a} and {@code b}. */
    private static void between(
            long[] seconds, double[] v, int a, int b, FillPolicy policy, int[] filled) {
        double span = seconds[b] - seconds[a];
        for (int r = a + 1; r < b; r++) {
            if (policy == FillPolicy.LINEAR) {
                double w = (seconds[r] - seconds[a]) / span;
                v[r] = v[a] + w * (v[b] - v[a]);
            } else {
                v[r] = v[a];
            }
            filled[r]++;
        }
    }
}
