package org.seqlab.corpora.series;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * How often a time series has a value: every half hour, hour, day, week or calendar month.
 *
 * <p>The fixed-length frequencies step by elapsed time (30 minutes, 1 hour, 1 day, 7 days); {@link
 * #MONTHLY} steps by calendar months. Each frequency has an id for command lines and files ({@link
 * #id()}, {@link #parse(String)}) and a default seasonal period ({@link #seasonalPeriod()}).
 */
public enum Frequency {
    /** Every 30 minutes; seasonal period 336 steps (a week). */
    HALF_HOURLY("half-hourly", 336, 1_800),
    /** Every hour; seasonal period 168 steps (a week). */
    HOURLY("hourly", 168, 3_600),
    /** Every day; seasonal period 7 steps (a week). */
    DAILY("daily", 7, 86_400),
    /** Every 7 days; seasonal period 52 steps (about a year). */
    WEEKLY("weekly", 52, 604_800),
    /** Every calendar month; seasonal period 12 steps (a year). */
    MONTHLY("monthly", 12, 0);

    private final String id;
    private final int seasonalPeriod;
    private final long seconds;

    Frequency(String id, int seasonalPeriod, long seconds) {
        this.id = id;
        this.seasonalPeriod = seasonalPeriod;
        this.seconds = seconds;
    }

    /**
     * Returns the id: {@code half-hourly}, {@code hourly}, {@code daily}, {@code weekly} or {@code
     * monthly}.
     *
     * @return the lowercase id that {@link #parse(String)} reads back
     */
    public String id() {
        return id;
    }

    /**
     * Returns the frequency with an id.
     *
     * <p>Surrounding whitespace and case are ignored, and the constant's name ({@code HALF_HOURLY})
     * is accepted too.
     *
     * @param id the id, such as {@code daily}; not null
     * @return the frequency
     * @throws IllegalArgumentException if no frequency has the id; the message lists the ids
     */
    public static Frequency parse(String id) {
        Objects.requireNonNull(id, "id");
        String key = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Frequency f : values()) {
            if (f.id.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "Unknown frequency '" + id + "'; the frequencies are: " + ids() + ".");
    }

    /**
     * Returns the time {@code steps} steps after {@code t}.
     *
     * <p>{@link #MONTHLY} adds calendar months with {@link LocalDateTime#plusMonths(long)}: the day
     * of month is kept, or becomes the last day of a shorter month (January 31 plus one month is
     * February 28 or 29). A series whose timestamps are month ends steps with {@link
     * TimeSeries#plus(LocalDateTime, long)} instead, which keeps them at month ends.
     *
     * @param t the time; not null
     * @param steps the number of steps, negative to go back
     * @return the time {@code steps} steps later
     * @throws java.time.DateTimeException if the result is out of {@link LocalDateTime}'s range
     */
    public LocalDateTime plus(LocalDateTime t, long steps) {
        Objects.requireNonNull(t, "t");
        return this == MONTHLY
                ? t.plusMonths(steps)
                : t.plusSeconds(Math.multiplyExact(seconds, steps));
    }

    /**
     * Returns the default seasonal period in steps: 336 half-hours or 168 hours (a week), 7 days,
     * 52 weeks or 12 months.
     *
     * @return the number of steps after which the pattern of a typical series repeats
     */
    public int seasonalPeriod() {
        return seasonalPeriod;
    }

    /**
     * Returns whether a step is shorter than a day.
     *
     * @return true for {@link #HALF_HOURLY} and {@link #HOURLY}
     */
    public boolean subDaily() {
        return seconds > 0 && seconds < 86_400;
    }

    /** Returns the length of a step in seconds, 0 for {@link #MONTHLY}. */
    long stepSeconds() {
        return seconds;
    }

    /** Returns the ids, comma-separated. */
    static String ids() {
        StringBuilder out = new StringBuilder();
        for (Frequency f : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(f.id);
        }
        return out.toString();
    }
}
