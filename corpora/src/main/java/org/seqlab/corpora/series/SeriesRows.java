package org.seqlab.corpora.series;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;

/**
 * The rows of a file as {@link TimeSeriesReader} reads them, in growing arrays: each row's time,
 * line and values (NaN for a missing value), checked for the timestamp form, order and numbers.
 */
final class SeriesRows {
    private static final String FILL_HINT = "; --fill previous|linear fills it";

    final Path file;
    final SeriesReadOptions options;
    final int width;
    int n;
    long[] seconds = new long[1024]; // the time read as UTC, in epoch seconds
    int[] nanos = new int[1024];
    long[] lines = new long[1024];
    double[][] values; // [column][row]
    final List<String> raw = new ArrayList<>(); // timestamps as written, for messages
    TimeStyle style;
    private long missingLine; // the first missing value's line when filling is off, else 0
    private String missingColumn;

    SeriesRows(Path file, SeriesReadOptions options) {
        this.file = file;
        this.options = options;
        this.width = options.columns().size();
        this.values = new double[width][1024];
    }

    /** Returns the hint for gaps and missing values. */
    static String fillHint() {
        return FILL_HINT;
    }

    /**
     * Adds the row on line {@code number}.
     *
     * @param time the timestamp field
     * @param fields all fields of the line
     * @param valueIndex the field index of each value column
     * @throws CorpusFormatException if the timestamp is malformed, of another form than the first
     *     or not after the one before, or a value is text
     */
    void add(long number, String time, List<String> fields, int[] valueIndex)
            throws CorpusFormatException {
        String timeColumn = options.timeColumn();
        if (time.isEmpty()) {
            throw new CorpusFormatException(
                    file, number, "column '" + timeColumn + "': no timestamp");
        }
        LocalDateTime t;
        try {
            t = TimeStyle.parse(time);
        } catch (DateTimeException e) {
            throw new CorpusFormatException(
                    file,
                    number,
                    "column '"
                            + timeColumn
                            + "': '"
                            + time
                            + "' is not a date or date-time ("
                            + e.getMessage()
                            + "); expected yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss], optionally with Z"
                            + " or an offset such as +01:00");
        }
        TimeStyle s = TimeStyle.of(time);
        if (style == null) {
            style = s;
        } else if (s != style) {
            throw new CorpusFormatException(
                    file,
                    number,
                    "column '"
                            + timeColumn
                            + "': timestamp "
                            + time
                            + " is "
                            + s.description()
                            + " but "
                            + raw.get(0)
                            + " (line "
                            + lines[0]
                            + ") is "
                            + style.description()
                            + "; all timestamps must have the same form");
        }
        long sec = t.toEpochSecond(ZoneOffset.UTC);
        int nano = t.getNano();
        if (n > 0 && (sec < seconds[n - 1] || sec == seconds[n - 1] && nano <= nanos[n - 1])) {
            throw new CorpusFormatException(
                    file,
                    number,
                    "timestamp "
                            + time
                            + " is not after "
                            + raw.get(n - 1)
                            + " (line "
                            + lines[n - 1]
                            + ")");
        }
        if (n == seconds.length) {
            grow();
        }
        for (int c = 0; c < width; c++) {
            values[c][n] = number(number, c, fields.get(valueIndex[c]));
        }
        seconds[n] = sec;
        nanos[n] = nano;
        lines[n] = number;
        raw.add(time);
        n++;
    }

    /**
     * Throws the first missing value, when filling is off and it is on a line before {@code line}.
     */
    void checkMissing(long line) throws CorpusFormatException {
        if (missingLine > 0 && missingLine < line) {
            throw new CorpusFormatException(
                    file, missingLine, "column '" + missingColumn + "': missing value" + FILL_HINT);
        }
    }

    /** Parses a value; NaN for a missing one. */
    private double number(long number, int column, String text) throws CorpusFormatException {
        if (text.isEmpty()
                || text.equalsIgnoreCase("NA")
                || text.equalsIgnoreCase("NaN")
                || text.equalsIgnoreCase("null")) {
            if (options.fill() == FillPolicy.NONE && missingLine == 0) {
                missingLine = number;
                missingColumn = options.columns().get(column);
            }
            return Double.NaN;
        }
        // Double.parseDouble also reads "Infinity", "0x1p3" and "1d"; only decimals are numbers
        boolean digit = false;
        boolean ok = true;
        for (int i = 0; i < text.length() && ok; i++) {
            char c = text.charAt(i);
            digit |= c >= '0' && c <= '9';
            ok = c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        String problem = "is not a number";
        if (ok && digit) {
            try {
                double v = Double.parseDouble(text);
                if (Double.isFinite(v)) {
                    return v;
                }
                problem = "is out of range";
            } catch (NumberFormatException e) {
                // not a number after all, such as "1.2.3"
            }
        }
        throw new CorpusFormatException(
                file,
                number,
                "column '" + options.columns().get(column) + "': '" + text + "' " + problem);
    }

    private void grow() {
        int size = seconds.length * 2;
        seconds = Arrays.copyOf(seconds, size);
        nanos = Arrays.copyOf(nanos, size);
        lines = Arrays.copyOf(lines, size);
        for (int c = 0; c < width; c++) {
            values[c] = Arrays.copyOf(values[c], size);
        }
    }
}
