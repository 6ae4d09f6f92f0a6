package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seqlab.corpora.series.SeriesFixtures.BIRTHS;
import static org.seqlab.corpora.series.SeriesFixtures.daily;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The series' API: times and their formats, lookup, head, options. */
class TimeSeriesTest {
    @TempDir Path dir;
    private SeriesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SeriesFixtures(dir);
    }

    private void roundTrips(TimeSeries s) throws IOException {
        for (int r = 0; r < s.size(); r++) {
            assertEquals(s.time(r), TimeStyle.parse(s.formatTime(s.time(r))));
        }
        String[] lines = new String[s.size() + 1];
        lines[0] = "t,v";
        for (int r = 0; r < s.size(); r++) {
            lines[r + 1] = s.formatTime(s.time(r)) + "," + r;
        }
        TimeSeries again = fx.read(SeriesReadOptions.of("t", List.of("v")), lines);
        for (int r = 0; r < s.size(); r++) {
            assertEquals(s.time(r), again.time(r));
        }
    }

    @Test
    void parseTimeReadsTheFormsOfTheTimeColumnAndConvertsOffsetsToUtc() {
        assertEquals(LocalDateTime.of(2015, 8, 29, 0, 0), TimeSeries.parseTime(" 2015-08-29 "));
        assertEquals(
                LocalDateTime.of(2000, 8, 14, 0, 0), TimeSeries.parseTime("2000-08-14T00:00:00Z"));
        assertEquals(
                LocalDateTime.of(2000, 8, 13, 23, 0),
                TimeSeries.parseTime("2000-08-14 00:00+01:00"));
        java.time.DateTimeException e =
                assertThrows(
                        java.time.DateTimeException.class,
                        () -> TimeSeries.parseTime("14/08/2000"));
        assertEquals("expected yyyy-MM-dd at the start", e.getMessage());
    }

    @Test
    void formatsDates() throws IOException {
        TimeSeries s = fx.read(BIRTHS, daily("1", "2"));
        assertEquals("1969-01-01", s.formatTime(s.time(0)));
        assertEquals("1969-01-02T12:00:00", s.formatTime(LocalDateTime.of(1969, 1, 2, 12, 0)));
        roundTrips(s);
    }

    @Test
    void formatsLocalDateTimes() throws IOException {
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("t", List.of("v")),
                        "t,v",
                        "2000-06-05 00:00,1",
                        "2000-06-05 00:30,2");
        assertEquals("2000-06-05T00:30:00", s.formatTime(s.time(1)));
        assertEquals(
                "2000-06-05T00:30:00.250",
                s.formatTime(LocalDateTime.of(2000, 6, 5, 0, 30, 0, 250_000_000)));
        roundTrips(s);
    }

    @Test
    void formatsUtcAndConvertsOffsets() throws IOException {
        TimeSeries z =
                fx.read(
                        SeriesReadOptions.of("t", List.of("v")),
                        "t,v",
                        "2000-06-05T00:00:00Z,1",
                        "2000-06-05T00:30:00Z,2");
        assertEquals("2000-06-05T00:00:00Z", z.formatTime(z.time(0)));
        roundTrips(z);
        TimeSeries offset =
                fx.read(
                        SeriesReadOptions.of("t", List.of("v")),
                        "t,v",
                        "2000-06-05T01:00:00+01:00,1",
                        "2000-06-04T20:00:00-05:00,2");
        assertEquals(LocalDateTime.of(2000, 6, 5, 0, 0), offset.time(0));
        assertEquals(LocalDateTime.of(2000, 6, 5, 1, 0), offset.time(1));
        assertEquals("2000-06-05T00:00:00Z", offset.formatTime(offset.time(0)));
        roundTrips(offset);
    }

    @Test
    void indexOfAndHead() throws IOException {
        TimeSeries s = fx.read(BIRTHS, daily("1", "2", "3", "4"));
        assertEquals(2, s.indexOf(LocalDateTime.of(1969, 1, 3, 0, 0)));
        assertEquals(-1, s.indexOf(LocalDateTime.of(1969, 1, 3, 0, 1)));
        assertEquals(-1, s.indexOf(LocalDateTime.of(1969, 1, 3, 0, 0, 0, 1)));
        assertEquals(-1, s.indexOf(LocalDateTime.of(1968, 12, 31, 0, 0)));
        assertEquals(-1, s.indexOf(LocalDateTime.of(1969, 1, 5, 0, 0)));
        TimeSeries head = s.head(2);
        assertEquals(2, head.size());
        assertArrayEquals(new double[] {1, 2}, head.values("births"));
        assertEquals(-1, head.indexOf(LocalDateTime.of(1969, 1, 3, 0, 0)));
        assertEquals(Frequency.DAILY, head.frequency());
        assertEquals(s.source(), head.source());
        assertEquals("1969-01-02", head.formatTime(head.time(1)));
        assertEquals(0, s.head(0).size());
        assertEquals(4, s.head(4).size());
        assertThrows(IllegalArgumentException.class, () -> s.head(5));
        assertThrows(IllegalArgumentException.class, () -> s.head(-1));
    }

    @Test
    void valuesAreACopyAndIndexesAreChecked() throws IOException {
        TimeSeries s = fx.read(BIRTHS, daily("1", "2"));
        double[] v = s.values("births");
        Arrays.fill(v, 9);
        assertEquals(1, s.value(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.time(-1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.column("deaths"));
        assertEquals("The series has no column 'deaths'; its columns are: births.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.values("deaths"));
        assertEquals(LocalDateTime.of(1969, 1, 12, 0, 0), s.plus(s.time(1), 10));
    }

    @Test
    void optionsAreValidated() {
        assertEquals(FillPolicy.NONE, BIRTHS.fill());
        assertThrows(IllegalArgumentException.class, () -> SeriesReadOptions.of("date", List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SeriesReadOptions.of("date", List.of("a", "b", "a")));
        assertThrows(
                IllegalArgumentException.class,
                () -> SeriesReadOptions.of("date", List.of("a", "date")));
        assertThrows(IllegalArgumentException.class, () -> SeriesReadOptions.of(" ", List.of("a")));
        assertThrows(
                IllegalArgumentException.class, () -> SeriesReadOptions.of("date", List.of("")));
        assertThrows(
                NullPointerException.class,
                () -> new SeriesReadOptions("date", List.of("a"), null));
        List<String> columns = new java.util.ArrayList<>(List.of("a"));
        SeriesReadOptions o = SeriesReadOptions.of("date", columns);
        columns.add("b");
        assertEquals(List.of("a"), o.columns());
    }
}
