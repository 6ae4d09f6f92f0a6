package org.seqlab.tasks.forecast;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.series.TimeSeries;
import org.seqlab.tasks.cli.OutputPaths;

/** Parsing and checking of {@code seqlab forecast}'s flags, shared by its subcommands. */
final class ForecastFlags {

    private ForecastFlags() {}

    /**
     * Parses a time given on the command line: a date, a local date-time, or a date-time with
     * {@code Z} or an offset (converted to UTC).
     */
    static LocalDateTime parseTime(String option, String text) {
        try {
            return TimeSeries.parseTime(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    option
                            + ": '"
                            + text
                            + "' is not an ISO-8601 date or date-time (e.g. 2015-08-29 or"
                            + " 2000-08-14T00:00:00Z): "
                            + e.getMessage()
                            + ".",
                    e);
        }
    }

    /** Returns the row at {@code time}, or explains why there is none. */
    static int row(TimeSeries s, LocalDateTime time, String text) {
        int r = s.indexOf(time);
        if (r >= 0) {
            return r;
        }
        if (time.isBefore(s.time(0))) {
            return -1;
        }
        if (time.isAfter(s.time(s.size() - 1))) {
            throw new IllegalArgumentException(
                    "--from "
                            + text
                            + " is after the end of "
                            + s.source()
                            + " ("
                            + s.formatTime(s.time(s.size() - 1))
                            + "): no origin has actual values to compare with.");
        }
        throw new IllegalArgumentException(
                "--from " + text + " is not a time of a row of " + s.source() + ".");
    }

    static void checkOutputs(Path output, Path plot) {
        if (output != null) {
            OutputPaths.requireFileOrAbsent("--output", output);
        }
        if (plot != null) {
            OutputPaths.requireFileOrAbsent("--plot", plot);
        }
    }

    /**
     * Parses {@code --lags}: null gives the seasonal {@code period}, {@code none} no lag, else the
     * listed whole numbers of steps.
     */
    static List<Integer> lags(List<String> lags, int period) {
        List<Integer> out = new ArrayList<>();
        if (lags == null) {
            out.add(period);
        } else if (!(lags.size() == 1 && lags.get(0).equals("none"))) {
            for (String l : lags) {
                try {
                    out.add(Integer.parseInt(l.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "--lags: '" + l + "' is not a whole number of steps.");
                }
            }
        }
        return out;
    }

    /** Parses {@code --quantiles}: {@code none} gives an empty list (point forecasts). */
    static List<Double> quantiles(String quantiles) {
        List<Double> out = new ArrayList<>();
        if (!quantiles.equals("none")) {
            for (String q : quantiles.split(",")) {
                try {
                    out.add(Double.parseDouble(q.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--quantiles: '" + q + "' is not a number.");
                }
            }
        }
        return out;
    }
}
