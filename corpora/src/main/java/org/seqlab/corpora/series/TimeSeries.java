package org.seqlab.corpora.series;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A regular time series read by {@link TimeSeriesReader}: one row a step of its {@link Frequency},
 * without gaps, and one or more numeric columns without missing values.
 *
 * <p>Rows are numbered from 0 in time order; {@link #time(int)} of row {@code r + 1} is {@link
 * #plus(LocalDateTime, long) plus}{@code (time(r), 1)}. Times of timestamps written with {@code Z}
 * or an offset are in UTC. A row inserted to fill a gap has {@link #line(int)} 0. Instances are
 * immutable and thread-safe.
 */
public final class TimeSeries {
    private final Path source;
    private final List<String> columns;
    private final SeriesGrid grid;
    private final TimeStyle style;
    private final long[] seconds; // epoch seconds of each row's time read as UTC
    private final int nano; // the nanosecond of every row's time
    private final double[][] values; // [column][row]
    private final long[] lines;
    private final int[] filledBefore; // cells filled in rows before r; length size + 1

    TimeSeries(
            Path source,
            List<String> columns,
            SeriesGrid grid,
            TimeStyle style,
            long[] seconds,
            int nano,
            double[][] values,
            long[] lines,
            int[] filledPerRow) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.grid = grid;
        this.style = style;
        this.seconds = seconds;
        this.nano = nano;
        this.values = values;
        this.lines = lines;
        this.filledBefore = new int[seconds.length + 1];
        for (int r = 0; r < seconds.length; r++) {
            filledBefore[r + 1] = filledBefore[r] + filledPerRow[r];
        }
    }

    /**
     * Returns the file the series was read from.
     *
     * @return the path given to the reader
     */
    public Path source() {
        return source;
    }

    /**
     * Returns the names of the value columns.
     *
     * @return the columns the read options named, in their order; unmodifiable
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the number of rows, inserted rows included.
     *
     * @return the number of time steps, at least 2 for a series as read
     */
    public int size() {
        return seconds.length;
    }

    /**
     * Returns how often the series has a row.
     *
     * @return the frequency inferred from the timestamps
     */
    public Frequency frequency() {
        return grid.frequency();
    }

    /**
     * Returns the time of a row.
     *
     * @param row the row, from 0 to {@code size() - 1}
     * @return its time; in UTC if the file's timestamps had {@code Z} or an offset
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public LocalDateTime time(int row) {
        Objects.checkIndex(row, seconds.length);
        return SeriesGrid.time(seconds[row], nano);
    }

    /**
     * Returns the time {@code steps} steps after {@code t} on this series' grid: for a monthly
     * series of month ends the end of the month, for other series the same as {@link
     * Frequency#plus(LocalDateTime, long)} for any time on the grid.
     *
     * @param t the time, usually the time of a row; not null
     * @param steps the number of steps, negative to go back
     * @return the later (or earlier) time
     */
    public LocalDateTime plus(LocalDateTime t, long steps) {
        Objects.requireNonNull(t, "t");
        return grid.plus(t, steps);
    }

    /**
     * Formats a time the way the file wrote its timestamps: {@code 2001-01-22} for dates, {@code
     * 2000-06-05T00:00:00} for local date-times, {@code 2000-06-05T00:00:00Z} for timestamps with
     * {@code Z} or an offset (which were converted to UTC). Seconds are always written, a fraction
     * of a second when there is one; a time of day other than midnight is kept even in a series of
     * dates. The result reads back as the same time.
     *
     * @param t the time; not null
     * @return the formatted time
     */
    public String formatTime(LocalDateTime t) {
        Objects.requireNonNull(t, "t");
        return style.format(t);
    }

    /**
     * Parses a timestamp the way the reader parses a time column: {@code 2015-08-29}, {@code
     * 2000-08-14T00:00:00} (T or a space, seconds and a fraction optional), or either with {@code
     * Z} or an offset such as {@code +01:00}, which is converted to UTC.
     *
     * @param text the timestamp; surrounding whitespace is ignored
     * @return the local date-time, or the UTC date-time for a timestamp with a zone
     * @throws java.time.DateTimeException if the text is not such a timestamp; the message says why
     */
    public static LocalDateTime parseTime(String text) {
        return TimeStyle.parse(text.strip());
    }

    /**
     * Returns the index of a value column in {@link #columns()}.
     *
     * @param name the column's name; not null
     * @return its index
     * @throws IllegalArgumentException if the series has no such column; the message lists them
     */
    public int column(String name) {
        Objects.requireNonNull(name, "name");
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "The series has no column '"
                            + name
                            + "'; its columns are: "
                            + String.join(", ", columns)
                            + ".");
        }
        return index;
    }

    /**
     * Returns one value.
     *
     * @param column the column's index in {@link #columns()}
     * @param row the row, from 0 to {@code size() - 1}
     * @return the value, finite
     * @throws IndexOutOfBoundsException if there is no such column or row
     */
    public double value(int column, int row) {
        Objects.checkIndex(column, values.length);
        Objects.checkIndex(row, seconds.length);
        return values[column][row];
    }

    /**
     * Returns a column's values.
     *
     * @param column the column's name
     * @return a new array of {@link #size()} values in row order
     * @throws IllegalArgumentException if the series has no such column
     */
    public double[] values(String column) {
        return values[column(column)].clone();
    }

    /**
     * Returns the row at a time.
     *
     * @param t the time; not null
     * @return the row whose time is exactly {@code t}, or -1 if none is
     */
    public int indexOf(LocalDateTime t) {
        Objects.requireNonNull(t, "t");
        if (t.getNano() != nano) {
            return -1;
        }
        int row = Arrays.binarySearch(seconds, t.toEpochSecond(ZoneOffset.UTC));
        return row >= 0 ? row : -1;
    }

    /**
     * Returns the first rows of this series, as when a file is cut for training.
     *
     * @param rows how many, from 0 to {@link #size()}
     * @return a series with the same source, columns, frequency and time style; its {@link
     *     #filled()} counts the filled cells of those rows
     * @throws IllegalArgumentException if {@code rows} is out of range
     */
    public TimeSeries head(int rows) {
        if (rows < 0 || rows > seconds.length) {
            throw new IllegalArgumentException(
                    "The head must have 0 to " + seconds.length + " rows, but " + rows + " asked.");
        }
        double[][] head = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            head[c] = Arrays.copyOf(values[c], rows);
        }
        int[] filledPerRow = new int[rows];
        for (int r = 0; r < rows; r++) {
            filledPerRow[r] = filledBefore[r + 1] - filledBefore[r];
        }
        return new TimeSeries(
                source,
                columns,
                grid,
                style,
                Arrays.copyOf(seconds, rows),
                nano,
                head,
                Arrays.copyOf(lines, rows),
                filledPerRow);
    }

    /**
     * Returns how many cells the fill policy filled: missing values, plus every column of each row
     * inserted for a gap.
     *
     * @return the number of filled cells, 0 with {@link FillPolicy#NONE}
     */
    public int filled() {
        return filledBefore[seconds.length];
    }

    /**
     * Returns the file line a row was read from.
     *
     * @param row the row, from 0 to {@code size() - 1}
     * @return the one-based line, or 0 for a row inserted to fill a gap
     * @throws IndexOutOfBoundsException if there is no such row
     */
    public long line(int row) {
        Objects.checkIndex(row, seconds.length);
        return lines[row];
    }

    @Override
    public String toString() {
        return "TimeSeries["
                + source
                + ", "
                + seconds.length
                + " "
                + grid.describe()
                + " rows, columns "
                + columns
                + "]";
    }
}
