package org.seqlab.corpora.series;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seqlab.io.SettingException;

/**
 * Known-in-advance covariates computed from a time: where it falls in the day, week and year, each
 * as a sine and cosine pair so that the end of a cycle is next to its start.
 *
 * <p>A mode is a comma-separated list of the cycles below, or {@value #AUTO} or {@value #NONE}.
 * Mode {@value #AUTO} chooses the cycles a frequency can show: a sub-daily series gets time of day,
 * day of week and day of year; a daily series day of week and day of year; a weekly series day of
 * year; a monthly series month of year. Mode {@value #NONE} has no features. Each cycle contributes
 * {@code NAME_sin} and {@code NAME_cos}, {@code sin(2πf)} and {@code cos(2πf)} of its fraction
 * {@code f} in [0, 1):
 *
 * <ul>
 *   <li>{@code time_of_day}: minute of day / 1440 (00:00 is 0, 12:00 is 0.5);
 *   <li>{@code day_of_week}: (ISO day of week − 1) / 7 (Monday is 0);
 *   <li>{@code day_of_year}: (day of year − 1) / days in that year;
 *   <li>{@code month_of_year}: (month − 1) / 12 (January is 0).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CalendarFeatures {
    /** The mode that chooses features by frequency. */
    public static final String AUTO = "auto";

    /** The mode without features. */
    public static final String NONE = "none";

    private static final double TWO_PI = 2 * Math.PI;

    /** A cycle a time can be placed in. */
    private enum Cycle {
        TIME_OF_DAY,
        DAY_OF_WEEK,
        DAY_OF_YEAR,
        MONTH_OF_YEAR;

        double fraction(LocalDateTime t) {
            return switch (this) {
                case TIME_OF_DAY -> (t.getHour() * 60 + t.getMinute()) / 1440.0;
                case DAY_OF_WEEK -> (t.getDayOfWeek().getValue() - 1) / 7.0;
                case DAY_OF_YEAR ->
                        (t.getDayOfYear() - 1) / (double) t.toLocalDate().lengthOfYear();
                case MONTH_OF_YEAR -> (t.getMonthValue() - 1) / 12.0;
            };
        }
    }

    private final Frequency frequency;
    private final String mode;
    private final List<Cycle> cycles;
    private final List<String> names;

    private CalendarFeatures(Frequency frequency, String mode, List<Cycle> cycles) {
        this.frequency = frequency;
        this.mode = mode;
        this.cycles = cycles;
        List<String> n = new ArrayList<>();
        for (Cycle c : cycles) {
            String base = c.name().toLowerCase(Locale.ROOT);
            n.add(base + "_sin");
            n.add(base + "_cos");
        }
        this.names = List.copyOf(n);
    }

    /**
     * Returns the features of a mode for a frequency.
     *
     * @param f the series' frequency; not null
     * @param mode {@value #AUTO}, {@value #NONE}, or a comma-separated list of cycles ({@code
     *     time_of_day, day_of_week, day_of_year, month_of_year}); surrounding whitespace and case
     *     are ignored
     * @return the features
     * @throws SettingException for the setting {@code calendar} if the mode is none of these
     */
    public static CalendarFeatures of(Frequency f, String mode) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(mode, "mode");
        String m = mode.strip().toLowerCase(Locale.ROOT);
        if (m.equals(NONE)) {
            return new CalendarFeatures(f, NONE, List.of());
        }
        if (m.equals(AUTO)) {
            return new CalendarFeatures(f, AUTO, autoCycles(f));
        }
        List<Cycle> cycles = new ArrayList<>();
        for (String part : m.split(",")) {
            Cycle c = null;
            for (Cycle k : Cycle.values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(part.strip())) {
                    c = k;
                }
            }
            if (c == null || cycles.contains(c)) {
                throw new SettingException(
                        "calendar",
                        "must be auto, none or a list of time_of_day, day_of_week, day_of_year,"
                                + " month_of_year; got '"
                                + mode
                                + "'.");
            }
            cycles.add(c);
        }
        return new CalendarFeatures(f, m.replace(" ", ""), List.copyOf(cycles));
    }

    private static List<Cycle> autoCycles(Frequency f) {
        return switch (f) {
            case HALF_HOURLY, HOURLY ->
                    List.of(Cycle.TIME_OF_DAY, Cycle.DAY_OF_WEEK, Cycle.DAY_OF_YEAR);
            case DAILY -> List.of(Cycle.DAY_OF_WEEK, Cycle.DAY_OF_YEAR);
            case WEEKLY -> List.of(Cycle.DAY_OF_YEAR);
            case MONTHLY -> List.of(Cycle.MONTH_OF_YEAR);
        };
    }

    /**
     * Returns the explicit list {@value #AUTO} stands for on a series from {@code first} to {@code
     * last}: the frequency's cycles, without the yearly ones ({@code day_of_year}, {@code
     * month_of_year}) when the series spans less than two years, since a model cannot learn a
     * yearly cycle from part of one and would extrapolate it. Any other mode is returned as it is.
     *
     * @return a mode for {@link #of}: a list of cycles, or {@value #NONE}
     */
    public static String resolve(
            Frequency f, String mode, LocalDateTime first, LocalDateTime last) {
        CalendarFeatures c = of(f, mode);
        if (!c.mode.equals(AUTO)) {
            return c.mode;
        }
        boolean twoYears = !first.plusYears(2).isAfter(last);
        List<String> kept = new ArrayList<>();
        for (Cycle k : c.cycles) {
            if (twoYears || (k != Cycle.DAY_OF_YEAR && k != Cycle.MONTH_OF_YEAR)) {
                kept.add(k.name().toLowerCase(Locale.ROOT));
            }
        }
        return kept.isEmpty() ? NONE : String.join(",", kept);
    }

    /**
     * Returns the mode.
     *
     * @return {@value #AUTO}, {@value #NONE} or the list of cycles given, lowercase without spaces
     */
    public String mode() {
        return mode;
    }

    /**
     * Returns the frequency the features were chosen for.
     *
     * @return the frequency given to {@link #of(Frequency, String)}
     */
    public Frequency frequency() {
        return frequency;
    }

    /**
     * Returns the features' names in the order {@link #write} writes them, such as {@code
     * time_of_day_sin, time_of_day_cos, day_of_week_sin, day_of_week_cos}.
     *
     * @return the names; unmodifiable, empty for {@value #NONE}
     */
    public List<String> names() {
        return names;
    }

    /**
     * Returns the number of features.
     *
     * @return {@code names().size()}
     */
    public int size() {
        return names.size();
    }

    /**
     * Writes the features of a time.
     *
     * @param t the time; not null
     * @param out where to write; not null
     * @param offset where the first feature goes; {@link #size()} values are written from there
     * @throws IndexOutOfBoundsException if {@code out} has no room for them
     */
    public void write(LocalDateTime t, float[] out, int offset) {
        Objects.requireNonNull(t, "t");
        Objects.checkFromIndexSize(offset, names.size(), out.length);
        for (Cycle c : cycles) {
            double angle = TWO_PI * c.fraction(t);
            out[offset++] = (float) Math.sin(angle);
            out[offset++] = (float) Math.cos(angle);
        }
    }

    @Override
    public String toString() {
        return "CalendarFeatures[" + frequency.id() + ", " + mode + ", " + names + "]";
    }
}
