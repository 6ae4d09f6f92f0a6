package org.seqlab.corpora.series;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Options for {@link TimeSeriesReader#read(java.nio.file.Path, SeriesReadOptions)}: which header
 * column holds the timestamps, which hold the values, and how gaps and missing values are filled.
 *
 * <p>Column names are matched exactly (case matters) against the header's names, after surrounding
 * whitespace is removed from those.
 *
 * @param timeColumn the name of the timestamp column; not blank
 * @param columns the names of the value columns to read, in the order {@link TimeSeries#columns()}
 *     keeps; not empty, no name blank or twice, and not {@code timeColumn}; copied
 * @param fill what to do with gaps and missing values; not null
 */
public record SeriesReadOptions(String timeColumn, List<String> columns, FillPolicy fill) {

    /**
     * Copies the columns and checks the options.
     *
     * @throws NullPointerException if an argument or a column name is null
     * @throws IllegalArgumentException if {@code timeColumn} or a column name is blank, {@code
     *     columns} is empty or names a column twice, or a value column is the time column
     */
    public SeriesReadOptions {
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(fill, "fill");
        if (timeColumn.isBlank()) {
            throw new IllegalArgumentException("The time column's name is blank.");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("At least one value column is needed; none given.");
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.isBlank()) {
                throw new IllegalArgumentException(
                        "A value column's name is blank: " + columns + ".");
            }
            if (!seen.add(column)) {
                throw new IllegalArgumentException(
                        "The value column '" + column + "' is named twice: " + columns + ".");
            }
            if (column.equals(timeColumn)) {
                throw new IllegalArgumentException(
                        "The column '" + column + "' is both the time column and a value column.");
            }
        }
    }

    /**
     * Returns options that read the given columns and treat gaps and missing values as errors.
     *
     * @param timeColumn the name of the timestamp column
     * @param columns the names of the value columns
     * @return the options with {@link FillPolicy#NONE}
     * @throws IllegalArgumentException as the constructor describes
     */
    public static SeriesReadOptions of(String timeColumn, List<String> columns) {
        return new SeriesReadOptions(timeColumn, columns, FillPolicy.NONE);
    }

    /**
     * Returns these options with another fill policy.
     *
     * @param policy the policy; not null
     * @return a copy with {@code fill} replaced
     */
    public SeriesReadOptions withFill(FillPolicy policy) {
        return new SeriesReadOptions(timeColumn, columns, policy);
    }
}
