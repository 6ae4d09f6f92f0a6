package org.seqlab.corpora.series;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.TextLines;

/**
 * Reads a time series from a CSV or TSV file with a header: one timestamp column and one or more
 * numeric value columns, chosen by name.
 *
 * <p><b>Format.</b> The file is read with {@link TextLines} (strict UTF-8, gunzipped when it starts
 * with the gzip magic, a byte order mark dropped, {@code \r\n} accepted). The first line that is
 * not blank is the header; blank lines are skipped everywhere. Fields are separated by TABs if the
 * header has a TAB, else by commas; a field may be double-quoted as in RFC 4180 (within one line),
 * and surrounding whitespace is removed. Every row must have as many fields as the header. Columns
 * the options do not name are ignored (not even parsed).
 *
 * <p><b>Timestamps</b> are {@code yyyy-MM-dd} or {@code yyyy-MM-ddTHH:mm[:ss[.fff]]} (a space may
 * stand for the {@code T}), optionally followed by {@code Z} or an offset such as {@code +01:00},
 * in which case they are converted to UTC. All rows use one of these three forms (date, date-time,
 * date-time with zone), and the timestamps strictly increase. The frequency is the step that is the
 * most common difference between consecutive timestamps (see {@link Frequency}; for monthly series,
 * one calendar month on the same day of month, or from month end to month end), so at least 2 rows
 * are needed. Every timestamp must lie on the grid the first timestamp and the frequency make;
 * steps without a row are a gap.
 *
 * <p><b>Values</b> are decimal numbers ({@code 12}, {@code -0.5}, {@code 1.2e3}). An empty cell and
 * {@code NA}, {@code NaN} and {@code null} (any case) are missing values. With {@link
 * FillPolicy#NONE} a gap or a missing value is an error; otherwise rows are inserted for the gaps
 * and every missing cell, inserted rows included, is filled as the policy says ({@link
 * TimeSeries#filled()} counts them; at most {@value #MAX_FILLED_ROWS} rows after filling). Text
 * that is not a number is always an error.
 *
 * <p><b>Errors</b> are {@link CorpusFormatException}s: {@code "FILE: DETAIL"} for the file as a
 * whole, {@code "FILE:LINE: DETAIL"} for a line, naming the column where one is at fault, for
 * example {@code "births.csv:12: column 'births': 'abc' is not a number"} or {@code "births.csv:9:
 * gap of 2 missing daily steps between 1969-01-05 and 1969-01-08; --fill previous|linear fills
 * it"}.
 *
 * <p>Of several problems the one on the first line is reported, with one exception: gaps and
 * timestamps off the grid can only be found once all rows are read and the frequency is inferred,
 * so a problem found while reading (a malformed line or timestamp, one out of order, text in a
 * value column) is reported first even when it is on a later line; so is a problem of the whole
 * file (no rows, no frequency). All methods are static and thread-safe.
 */
public final class TimeSeriesReader {
    /** The most rows a series may have after its gaps are filled. */
    public static final int MAX_FILLED_ROWS = 10_000_000;

    private TimeSeriesReader() {}

    /**
     * Reads the time series a file holds.
     *
     * @param file the CSV or TSV file, plain or gzipped; not null
     * @param options the columns to read and the fill policy; not null
     * @return the series, with at least 2 rows
     * @throws CorpusFormatException if the file is malformed, as the class describes
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static TimeSeries read(Path file, SeriesReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        try (TextLines lines = TextLines.open(file)) {
            return read(lines, file, options);
        }
    }

    /**
     * Returns the column names in a file's header, for a caller to choose columns from.
     *
     * @param file the CSV or TSV file, plain or gzipped; not null
     * @return the names, without quotes and surrounding whitespace, in file order
     * @throws CorpusFormatException if the file is empty or the header is malformed
     * @throws IOException if the file cannot be read
     */
    public static List<String> header(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (TextLines lines = TextLines.open(file)) {
            String line = nextLine(lines);
            if (line == null) {
                throw empty(file);
            }
            List<String> names = new ArrayList<>();
            split(file, lines.lineNumber(), line, separator(line), names);
            return List.copyOf(names);
        }
    }

    private static String nextLine(TextLines lines) throws IOException {
        String line;
        do {
            line = lines.next();
        } while (line != null && line.isBlank());
        return line;
    }

    private static char separator(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static void split(Path file, long number, String line, char sep, List<String> out)
            throws CorpusFormatException {
        try {
            CsvFields.split(line, sep, out);
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(file, number, e.getMessage());
        }
    }

    private static CorpusFormatException empty(Path file) {
        return new CorpusFormatException(
                file, "the file is empty; a header line and at least 2 rows are needed");
    }

    private static TimeSeries read(TextLines in, Path file, SeriesReadOptions options)
            throws IOException {
        String header = nextLine(in);
        if (header == null) {
            throw empty(file);
        }
        long headerLine = in.lineNumber();
        char sep = separator(header);
        List<String> fields = new ArrayList<>();
        split(file, headerLine, header, sep, fields);
        List<String> names = List.copyOf(fields);
        int timeIndex = index(file, names, options.timeColumn(), headerLine);
        int[] valueIndex = new int[options.columns().size()];
        for (int c = 0; c < valueIndex.length; c++) {
            valueIndex[c] = index(file, names, options.columns().get(c), headerLine);
        }
        SeriesRows rows = new SeriesRows(file, options);
        for (String line; (line = in.next()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            long number = in.lineNumber();
            try {
                split(file, number, line, sep, fields);
                if (fields.size() != names.size()) {
                    throw new CorpusFormatException(
                            file,
                            number,
                            "expected "
                                    + names.size()
                                    + " fields as in the header, found "
                                    + fields.size());
                }
                rows.add(number, fields.get(timeIndex), fields, valueIndex);
            } catch (CorpusFormatException e) {
                rows.checkMissing(number);
                throw e;
            }
        }
        if (rows.n == 0) {
            throw new CorpusFormatException(
                    file, "no rows after the header (line " + headerLine + ")");
        }
        if (rows.n == 1) {
            throw new CorpusFormatException(
                    file,
                    "only 1 row (line "
                            + rows.lines[0]
                            + "); at least 2 are needed to infer the frequency");
        }
        SeriesGrid grid =
                SeriesGrid.infer(file, rows.seconds, rows.nanos, rows.n, rows.lines, rows.raw);
        return series(rows, grid, steps(rows, grid));
    }

    /** Returns the header index of a column. */
    private static int index(Path file, List<String> names, String name, long headerLine)
            throws CorpusFormatException {
        int found = names.indexOf(name);
        if (found < 0) {
            throw new CorpusFormatException(
                    file, "no column '" + name + "'; the columns are: " + String.join(", ", names));
        }
        int again = names.subList(found + 1, names.size()).indexOf(name);
        if (again >= 0) {
            throw new CorpusFormatException(
                    file,
                    headerLine,
                    "the header has the column '"
                            + name
                            + "' twice (fields "
                            + (found + 1)
                            + " and "
                            + (found + 2 + again)
                            + ")");
        }
        return found;
    }

    /**
     * Returns each row's step on the grid, after checking that every row is on it and, when filling
     * is off, that there are no gaps and no missing values (the first problem by line).
     */
    private static long[] steps(SeriesRows rows, SeriesGrid grid) throws CorpusFormatException {
        boolean fill = rows.options.fill() != FillPolicy.NONE;
        List<String> raw = rows.raw;
        long[] step = new long[rows.n];
        for (int i = 0; i < rows.n; i++) {
            step[i] = grid.index(rows.seconds[i], rows.nanos[i]);
            String problem = null;
            if (step[i] < 0) {
                problem =
                        "timestamp "
                                + raw.get(i)
                                + " is not on the "
                                + grid.describe()
                                + " grid that starts at "
                                + raw.get(0)
                                + " (line "
                                + rows.lines[0]
                                + ")";
            } else if (i > 0 && step[i] > step[i - 1] + 1 && !fill) {
                long missing = step[i] - step[i - 1] - 1;
                problem =
                        "gap of "
                                + missing
                                + " missing "
                                + grid.frequency().id()
                                + (missing == 1 ? " step" : " steps")
                                + " between "
                                + raw.get(i - 1)
                                + " and "
                                + raw.get(i)
                                + SeriesRows.fillHint();
            }
            if (problem != null) {
                rows.checkMissing(rows.lines[i]);
                throw new CorpusFormatException(rows.file, rows.lines[i], problem);
            }
        }
        rows.checkMissing(Long.MAX_VALUE);
        return step;
    }

    /** Puts the rows at their steps, inserts rows for the gaps and fills. */
    private static TimeSeries series(SeriesRows rows, SeriesGrid grid, long[] step)
            throws CorpusFormatException {
        int n = rows.n;
        int width = rows.width;
        long total = step[n - 1] + 1;
        if (total > n && total > MAX_FILLED_ROWS) {
            throw new CorpusFormatException(
                    rows.file,
                    "filling the gaps would make "
                            + total
                            + " rows of "
                            + n
                            + ", more than "
                            + MAX_FILLED_ROWS);
        }
        int size = (int) total;
        long[] seconds = new long[size];
        long[] lines = new long[size];
        double[][] values = new double[width][];
        if (size == n) {
            System.arraycopy(rows.seconds, 0, seconds, 0, n);
            System.arraycopy(rows.lines, 0, lines, 0, n);
            for (int c = 0; c < width; c++) {
                values[c] = Arrays.copyOf(rows.values[c], n);
            }
        } else {
            for (int c = 0; c < width; c++) {
                values[c] = new double[size];
                Arrays.fill(values[c], Double.NaN);
            }
            for (int r = 0, i = 0; r < size; r++) {
                if (step[i] == r) {
                    seconds[r] = rows.seconds[i];
                    lines[r] = rows.lines[i];
                    for (int c = 0; c < width; c++) {
                        values[c][r] = rows.values[c][i];
                    }
                    i++;
                } else {
                    seconds[r] = grid.time(r).toEpochSecond(ZoneOffset.UTC);
                }
            }
        }
        SeriesReadOptions options = rows.options;
        int[] filled =
                options.fill() == FillPolicy.NONE
                        ? new int[size]
                        : SeriesFill.fill(
                                rows.file, options.columns(), seconds, values, options.fill());
        return new TimeSeries(
                rows.file,
                options.columns(),
                grid,
                rows.style,
                seconds,
                rows.nanos[0],
                values,
                lines,
                filled);
    }
}
