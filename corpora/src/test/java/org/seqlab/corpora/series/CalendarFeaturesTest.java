package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlab.io.SettingException;

class CalendarFeaturesTest {
    private static final float EPS = 1e-6f;

    private static float[] features(Frequency f, LocalDateTime t) {
        CalendarFeatures c = CalendarFeatures.of(f, "auto");
        float[] out = new float[c.size() + 2];
        out[0] = 7;
        out[out.length - 1] = 7;
        c.write(t, out, 1);
        assertEquals(7, out[0]); // nothing written outside [offset, offset + size)
        assertEquals(7, out[out.length - 1]);
        float[] written = new float[c.size()];
        System.arraycopy(out, 1, written, 0, c.size());
        return written;
    }

    private static float sin(double fraction) {
        return (float) Math.sin(2 * Math.PI * fraction);
    }

    private static float cos(double fraction) {
        return (float) Math.cos(2 * Math.PI * fraction);
    }

    @Test
    void namesByFrequency() {
        assertEquals(
                List.of(
                        "time_of_day_sin",
                        "time_of_day_cos",
                        "day_of_week_sin",
                        "day_of_week_cos",
                        "day_of_year_sin",
                        "day_of_year_cos"),
                CalendarFeatures.of(Frequency.HALF_HOURLY, "auto").names());
        assertEquals(6, CalendarFeatures.of(Frequency.HOURLY, "auto").size());
        assertEquals(
                List.of("day_of_week_sin", "day_of_week_cos", "day_of_year_sin", "day_of_year_cos"),
                CalendarFeatures.of(Frequency.DAILY, "auto").names());
        assertEquals(
                List.of("day_of_year_sin", "day_of_year_cos"),
                CalendarFeatures.of(Frequency.WEEKLY, "auto").names());
        assertEquals(
                List.of("month_of_year_sin", "month_of_year_cos"),
                CalendarFeatures.of(Frequency.MONTHLY, "auto").names());
        assertEquals("auto", CalendarFeatures.of(Frequency.DAILY, " AUTO").mode());
    }

    @Test
    void noneHasNoFeatures() {
        CalendarFeatures none = CalendarFeatures.of(Frequency.HOURLY, "none");
        assertEquals("none", none.mode());
        assertEquals(0, none.size());
        assertEquals(List.of(), none.names());
        float[] out = {5};
        none.write(LocalDateTime.of(2000, 1, 1, 0, 0), out, 1);
        assertEquals(5, out[0]);
    }

    @Test
    void badModeIsASettingError() {
        SettingException e =
                assertThrows(
                        SettingException.class, () -> CalendarFeatures.of(Frequency.DAILY, "on"));
        assertEquals("calendar", e.setting());
        assertEquals(
                "calendar must be auto, none or a list of time_of_day, day_of_week, day_of_year,"
                        + " month_of_year; got 'on'.",
                e.getMessage());
        assertThrows(
                SettingException.class,
                () -> CalendarFeatures.of(Frequency.DAILY, "day_of_week,day_of_week"));
    }

    @Test
    void aListOfCyclesIsWrittenInItsOrder() {
        CalendarFeatures c = CalendarFeatures.of(Frequency.HOURLY, " Day_of_week, time_of_day");
        assertEquals("day_of_week,time_of_day", c.mode());
        assertEquals(
                java.util.List.of(
                        "day_of_week_sin", "day_of_week_cos", "time_of_day_sin", "time_of_day_cos"),
                c.names());
        float[] f = new float[4];
        // Tuesday 06:00: a seventh of the week, a quarter of the day.
        c.write(LocalDateTime.of(2000, 6, 6, 6, 0), f, 0);
        assertArrayEquals(new float[] {sin(1 / 7.0), cos(1 / 7.0), sin(0.25), cos(0.25)}, f, EPS);
    }

    @Test
    void autoDropsYearlyCyclesOnLessThanTwoYears() {
        LocalDateTime a = LocalDateTime.of(2000, 6, 5, 0, 0);
        assertEquals(
                "time_of_day,day_of_week",
                CalendarFeatures.resolve(Frequency.HALF_HOURLY, "auto", a, a.plusWeeks(10)));
        assertEquals(
                "day_of_week,day_of_year",
                CalendarFeatures.resolve(Frequency.DAILY, "auto", a, a.plusYears(2)));
        assertEquals(
                "none", CalendarFeatures.resolve(Frequency.MONTHLY, "auto", a, a.plusMonths(20)));
        assertEquals(
                "day_of_year",
                CalendarFeatures.resolve(Frequency.DAILY, "day_of_year", a, a.plusDays(3)));
    }

    @Test
    void mondayMidnight() {
        // 2000-06-05 is a Monday, day 157 of the leap year 2000
        float[] f = features(Frequency.HALF_HOURLY, LocalDateTime.of(2000, 6, 5, 0, 0));
        double doy = 156 / 366.0;
        assertArrayEquals(new float[] {0, 1, 0, 1, sin(doy), cos(doy)}, f, EPS);
    }

    @Test
    void subDailyValuesByHand() {
        // Saturday 2001-03-10 18:00: 3/4 of the day, day of week 5/7, day 69 of 365
        float[] f = features(Frequency.HOURLY, LocalDateTime.of(2001, 3, 10, 18, 0));
        assertArrayEquals(
                new float[] {-1, 0, sin(5 / 7.0), cos(5 / 7.0), sin(68 / 365.0), cos(68 / 365.0)},
                f,
                EPS);
        // 12:30 is minute 750 of 1440
        float[] half = features(Frequency.HALF_HOURLY, LocalDateTime.of(2001, 3, 10, 12, 30));
        assertEquals(sin(750 / 1440.0), half[0], EPS);
        assertEquals(cos(750 / 1440.0), half[1], EPS);
    }

    @Test
    void dailyWeeklyMonthlyByHand() {
        // Wednesday 1986-12-31: day of week 2/7, day 365 of 365
        LocalDateTime t = LocalDateTime.of(1986, 12, 31, 0, 0);
        assertArrayEquals(
                new float[] {sin(2 / 7.0), cos(2 / 7.0), sin(364 / 365.0), cos(364 / 365.0)},
                features(Frequency.DAILY, t),
                EPS);
        // January 1st is 0 of the year
        assertArrayEquals(
                new float[] {0, 1},
                features(Frequency.WEEKLY, LocalDateTime.of(2001, 1, 1, 0, 0)),
                EPS);
        // July is month 6 of 12: half the cycle
        assertArrayEquals(
                new float[] {0, -1},
                features(Frequency.MONTHLY, LocalDateTime.of(2001, 7, 31, 0, 0)),
                EPS);
        // April: 3/12 = a quarter
        assertArrayEquals(
                new float[] {1, 0},
                features(Frequency.MONTHLY, LocalDateTime.of(2001, 4, 1, 0, 0)),
                EPS);
    }

    @Test
    void writeChecksRoom() {
        CalendarFeatures c = CalendarFeatures.of(Frequency.DAILY, "auto");
        assertThrows(
                IndexOutOfBoundsException.class,
                () -> c.write(LocalDateTime.of(2000, 1, 1, 0, 0), new float[5], 2));
    }
}
