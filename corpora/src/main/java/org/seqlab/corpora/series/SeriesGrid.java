package org.seqlab.corpora.series;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.corpora.CorpusFormatException;

/**
 * The times a series may have: its first time plus whole steps of its frequency. A monthly grid
 * either keeps the first time's day of month ({@link LocalDateTime#plusMonths(long)} from the first
 * time, so a 31st becomes the last day of shorter months) or, when most timestamps are month ends
 * and the first is one, holds the last day of every month. Immutable.
 */
final class SeriesGrid {
    private static final long MIN_MONTH = 28 * 86_400L;
    private static final long MAX_MONTH = 31 * 86_400L;

    private final Frequency frequency;
    private final LocalDateTime anchor;
    private final long anchorSeconds;
    private final boolean monthEnd;

    SeriesGrid(Frequency frequency, LocalDateTime anchor, boolean monthEnd) {
        this.frequency = frequency;
        this.anchor = anchor;
        this.anchorSeconds = anchor.toEpochSecond(ZoneOffset.UTC);
        this.monthEnd = monthEnd;
    }

    Frequency frequency() {
        return frequency;
    }

    /** Returns the frequency's id, with " (month ends)" for a month-end grid. */
    String describe() {
        return frequency.id() + (monthEnd ? " (month ends)" : "");
    }

    /**
     * Infers the grid of a series from its first {@code n} times, which are strictly increasing:
     * the frequency whose step is the most common difference between consecutive times (ties go to
     * the shorter step, and to a frequency over another difference).
     *
     * @throws CorpusFormatException if the most common difference is no frequency's step
     */
    static SeriesGrid infer(
            Path file, long[] seconds, int[] nanos, int n, long[] lines, List<String> raw)
            throws CorpusFormatException {
        int[] counts = new int[Frequency.values().length];
        Map<Duration, int[]> others = new HashMap<>(); // count, first row
        for (int i = 1; i < n; i++) {
            long ds = seconds[i] - seconds[i - 1];
            Frequency f = null;
            if (nanos[i] == nanos[i - 1]) {
                f = fixed(ds);
                if (f == null && ds >= MIN_MONTH && ds <= MAX_MONTH) {
                    f = monthApart(time(seconds[i - 1], nanos[i - 1]), time(seconds[i], nanos[i]));
                }
            }
            if (f != null) {
                counts[f.ordinal()]++;
            } else {
                int row = i;
                others.computeIfAbsent(
                                Duration.ofSeconds(ds, nanos[i] - nanos[i - 1]),
                                d -> new int[] {0, row})[0]++;
            }
        }
        Frequency best = null;
        for (Frequency f : Frequency.values()) {
            if (counts[f.ordinal()] > (best == null ? 0 : counts[best.ordinal()])) {
                best = f;
            }
        }
        Map.Entry<Duration, int[]> other = null;
        for (Map.Entry<Duration, int[]> e : others.entrySet()) {
            int[] v = e.getValue();
            if (other == null
                    || v[0] > other.getValue()[0]
                    || v[0] == other.getValue()[0] && v[1] < other.getValue()[1]) {
                other = e;
            }
        }
        if (best == null || other != null && other.getValue()[0] > counts[best.ordinal()]) {
            int row = other.getValue()[1];
            throw new CorpusFormatException(
                    file,
                    "cannot infer the frequency: the most common difference between consecutive"
                            + " timestamps is "
                            + words(other.getKey())
                            + " ("
                            + other.getValue()[0]
                            + " of "
                            + (n - 1)
                            + ", first between "
                            + raw.get(row - 1)
                            + " (line "
                            + lines[row - 1]
                            + ") and "
                            + raw.get(row)
                            + " (line "
                            + lines[row]
                            + ")); a series needs steps of 30 minutes (half-hourly), 1 hour"
                            + " (hourly), 1 day (daily), 7 days (weekly) or one calendar month"
                            + " (monthly)");
        }
        LocalDateTime anchor = time(seconds[0], nanos[0]);
        boolean monthEnd = false;
        if (best == Frequency.MONTHLY && isMonthEnd(anchor)) {
            int ends = 0;
            for (int i = 0; i < n; i++) {
                ends += isMonthEnd(time(seconds[i], nanos[i])) ? 1 : 0;
            }
            monthEnd = 2 * ends > n;
        }
        return new SeriesGrid(best, anchor, monthEnd);
    }

    /**
     * Returns the step number of a time on the grid, or -1 if the time is not on it (before the
     * first time, or between steps).
     */
    long index(long seconds, int nano) {
        if (nano != anchor.getNano() || seconds < anchorSeconds) {
            return -1;
        }
        long step = frequency.stepSeconds();
        if (step > 0) {
            long d = seconds - anchorSeconds;
            return d % step == 0 ? d / step : -1;
        }
        LocalDateTime t = time(seconds, nano);
        long months =
                (t.getYear() - (long) anchor.getYear()) * 12
                        + t.getMonthValue()
                        - anchor.getMonthValue();
        if (!t.toLocalTime().equals(anchor.toLocalTime())) {
            return -1;
        }
        boolean on =
                monthEnd
                        ? isMonthEnd(t)
                        : t.toLocalDate().equals(anchor.toLocalDate().plusMonths(months));
        return on ? months : -1;
    }

    /** Returns the time of step {@code k}. */
    LocalDateTime time(long k) {
        if (frequency != Frequency.MONTHLY) {
            return frequency.plus(anchor, k);
        }
        LocalDateTime t = anchor.plusMonths(k);
        return monthEnd ? t.withDayOfMonth(t.toLocalDate().lengthOfMonth()) : t;
    }

    /**
     * Returns the time {@code steps} steps after {@code t}: on the grid when {@code t} is on it,
     * else as {@link Frequency#plus(LocalDateTime, long)} (at a month end for a month-end grid).
     */
    LocalDateTime plus(LocalDateTime t, long steps) {
        long k = index(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
        if (k >= 0) {
            return time(Math.addExact(k, steps));
        }
        LocalDateTime next = frequency.plus(t, steps);
        return monthEnd ? next.withDayOfMonth(next.toLocalDate().lengthOfMonth()) : next;
    }

    static LocalDateTime time(long seconds, int nano) {
        return LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC);
    }

    /** Returns the fixed-length frequency whose step is {@code seconds}, or null. */
    private static Frequency fixed(long seconds) {
        for (Frequency f : Frequency.values()) {
            if (f.stepSeconds() == seconds) {
                return f;
            }
        }
        return null;
    }

    /** Returns MONTHLY if {@code b} is one calendar month after {@code a}, else null. */
    private static Frequency monthApart(LocalDateTime a, LocalDateTime b) {
        if (!a.toLocalTime().equals(b.toLocalTime())) {
            return null;
        }
        boolean sameDay = b.toLocalDate().equals(a.toLocalDate().plusMonths(1));
        boolean ends =
                isMonthEnd(a)
                        && isMonthEnd(b)
                        && YearMonth.from(a).plusMonths(1).equals(YearMonth.from(b));
        return sameDay || ends ? Frequency.MONTHLY : null;
    }

    private static boolean isMonthEnd(LocalDateTime t) {
        return t.getDayOfMonth() == t.toLocalDate().lengthOfMonth();
    }

    /** Returns a duration in words: "2 days", "1 hour 30 minutes", "0.5 seconds". */
    static String words(Duration d) {
        if (d.isZero()) {
            return "0 seconds";
        }
        StringBuilder out = new StringBuilder();
        unit(out, d.toDaysPart(), "day");
        unit(out, d.toHoursPart(), "hour");
        unit(out, d.toMinutesPart(), "minute");
        if (d.getNano() != 0) {
            out.append(out.length() == 0 ? "" : " ")
                    .append(
                            BigDecimal.valueOf(d.toSecondsPart())
                                    .add(BigDecimal.valueOf(d.toNanosPart(), 9))
                                    .stripTrailingZeros()
                                    .toPlainString())
                    .append(" seconds");
        } else {
            unit(out, d.toSecondsPart(), "second");
        }
        return out.toString();
    }

    private static void unit(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(out.length() == 0 ? "" : " ")
                    .append(amount)
                    .append(' ')
                    .append(unit)
                    .append(amount == 1 ? "" : "s");
        }
    }
}
