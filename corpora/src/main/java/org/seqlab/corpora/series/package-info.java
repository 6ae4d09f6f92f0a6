/**
 * Reading regular time series from CSV and TSV files, for forecasting.
 *
 * <p>{@link org.seqlab.corpora.series.TimeSeriesReader} reads a timestamp column and numeric value
 * columns, chosen by name with {@link org.seqlab.corpora.series.SeriesReadOptions}, into an
 * immutable {@link org.seqlab.corpora.series.TimeSeries}. It infers the {@link
 * org.seqlab.corpora.series.Frequency} (half-hourly, hourly, daily, weekly or monthly) from the
 * timestamps, converts zoned timestamps to UTC, and either rejects gaps and missing values or fills
 * them as a {@link org.seqlab.corpora.series.FillPolicy} says. Malformed files are reported with
 * {@link org.seqlab.corpora.CorpusFormatException}s naming the file, the line and the column.
 *
 * <p>{@link org.seqlab.corpora.series.CalendarFeatures} turns a time into sine/cosine covariates of
 * the cycles its frequency can show (time of day, day of week, day of year, month of year), which a
 * model can know for future steps.
 */
package org.seqlab.corpora.series;
