package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seqlab.corpora.series.SeriesFixtures.BIRTHS;
import static org.seqlab.corpora.series.SeriesFixtures.daily;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading: format, timestamps, frequency inference. */
class TimeSeriesReaderTest {
    @TempDir Path dir;
    private SeriesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SeriesFixtures(dir);
    }

    @Test
    void readsADailyCsv() throws IOException {
        TimeSeries s = fx.read(BIRTHS, daily("8486", "9002.5", "-1e3"));
        assertEquals(List.of("births"), s.columns());
        assertEquals(3, s.size());
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals(LocalDateTime.of(1969, 1, 3, 0, 0), s.time(2));
        assertArrayEquals(new double[] {8486, 9002.5, -1000}, s.values("births"));
        assertEquals(2, s.line(0));
        assertEquals(4, s.line(2));
        assertEquals(0, s.filled());
    }

    @Test
    void columnsByNameInRequestedOrderExtraColumnsIgnored() throws IOException {
        TimeSeries s =
                fx.read(
                        new SeriesReadOptions("t", List.of("b", "a"), FillPolicy.NONE),
                        "a,note,t,b",
                        "1,x,2001-01-01,10",
                        "2,y,2001-01-02,20");
        assertEquals(List.of("b", "a"), s.columns());
        assertEquals(1, s.column("a"));
        assertEquals(20, s.value(0, 1));
        assertEquals(2, s.value(1, 1));
    }

    @Test
    void tsvAndQuotedFields() throws IOException {
        TimeSeries tsv =
                fx.read(
                        BIRTHS,
                        "date\tnote\tbirths",
                        "1969-01-01\ta, b\t1",
                        "1969-01-02\t\"c\"\t2");
        assertArrayEquals(new double[] {1, 2}, tsv.values("births"));
        TimeSeries csv =
                fx.read(
                        BIRTHS,
                        "\"date\",\"note, with comma\",\"births\"",
                        "\"1969-01-01\",\"Wed, Jan 1\",\"1\"",
                        "1969-01-02 , \"say \"\"hi\"\", ok\" , 2 ");
        assertArrayEquals(new double[] {1, 2}, csv.values("births"));
        assertEquals(
                List.of("date", "note, with comma", "births"),
                TimeSeriesReader.header(dir.resolve("s.csv")));
    }

    @Test
    void gzipBomCrlfAndBlankLines() throws IOException {
        Path file = dir.resolve("s.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(
                    "\uFEFFdate,births\r\n1969-01-01,1\r\n\r\n1969-01-02,2\r\n"
                            .getBytes(StandardCharsets.UTF_8));
        }
        TimeSeries s = TimeSeriesReader.read(file, BIRTHS);
        assertArrayEquals(new double[] {1, 2}, s.values("births"));
        assertEquals(4, s.line(1));
        assertEquals(List.of("date", "births"), TimeSeriesReader.header(file));
    }

    @Test
    void infersHalfHourlyFromUtcTimestamps() throws IOException {
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("timestamp", List.of("demand_mw")),
                        "timestamp,demand_mw",
                        "2000-06-05T00:00:00Z,1",
                        "2000-06-05T00:30:00Z,2",
                        "2000-06-05T01:00:00Z,3");
        assertEquals(Frequency.HALF_HOURLY, s.frequency());
        assertEquals(LocalDateTime.of(2000, 6, 5, 1, 0), s.time(2));
    }

    @Test
    void infersHourlyAcrossAnOffsetChange() throws IOException {
        // Europe/London's spring-forward: the UTC times are one hour apart
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("t", List.of("v")),
                        "t,v",
                        "2000-03-26T00:00+00:00,1",
                        "2000-03-26T02:00+01:00,2",
                        "2000-03-26T03:00:00+0100,3",
                        "2000-03-26T04:00:00.000+01,4");
        assertEquals(Frequency.HOURLY, s.frequency());
        assertEquals(LocalDateTime.of(2000, 3, 26, 1, 0), s.time(1));
        assertEquals(LocalDateTime.of(2000, 3, 26, 3, 0), s.time(3));
        assertEquals("2000-03-26T01:00:00Z", s.formatTime(s.time(1)));
    }

    @Test
    void infersHourlyFromLocalDateTimesWithASpace() throws IOException {
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("t", List.of("v")),
                        "t,v",
                        "2000-01-01 23:00,1",
                        "2000-01-02 00:00:00,2");
        assertEquals(Frequency.HOURLY, s.frequency());
        assertEquals(LocalDateTime.of(2000, 1, 2, 0, 0), s.time(1));
    }

    @Test
    void infersWeekly() throws IOException {
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("week", List.of("v")),
                        "week,v",
                        "2001-01-01,1",
                        "2001-01-08,2",
                        "2001-01-15,3");
        assertEquals(Frequency.WEEKLY, s.frequency());
    }

    @Test
    void infersMonthlyOnTheSameDayAndClampedToShortMonths() throws IOException {
        SeriesReadOptions o = SeriesReadOptions.of("m", List.of("v"));
        TimeSeries first = fx.read(o, "m,v", "2001-01-01,1", "2001-02-01,2", "2001-03-01,3");
        assertEquals(Frequency.MONTHLY, first.frequency());
        TimeSeries thirtieth =
                fx.read(o, "m,v", "2001-01-30,1", "2001-02-28,2", "2001-03-30,3", "2001-04-30,4");
        assertEquals(Frequency.MONTHLY, thirtieth.frequency());
        assertEquals(LocalDateTime.of(2001, 5, 30, 0, 0), thirtieth.plus(thirtieth.time(3), 1));
    }

    @Test
    void infersMonthlyAtMonthEnds() throws IOException {
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("m", List.of("v")).withFill(FillPolicy.PREVIOUS),
                        "m,v",
                        "2000-02-29,1",
                        "2000-03-31,2",
                        "2000-04-30,3",
                        "2000-06-30,5");
        assertEquals(Frequency.MONTHLY, s.frequency());
        assertEquals(5, s.size());
        assertEquals(LocalDateTime.of(2000, 5, 31, 0, 0), s.time(3)); // the inserted month end
        assertEquals(LocalDateTime.of(2000, 7, 31, 0, 0), s.plus(s.time(4), 1));
        assertEquals(LocalDateTime.of(2000, 7, 30, 0, 0), Frequency.MONTHLY.plus(s.time(4), 1));
    }

    @Test
    void theMostCommonDifferenceWinsOverAGap() throws IOException {
        TimeSeries s =
                fx.read(
                        BIRTHS.withFill(FillPolicy.PREVIOUS),
                        "date,births",
                        "1969-01-01,1",
                        "1969-01-08,2",
                        "1969-01-09,3",
                        "1969-01-10,4");
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals(10, s.size());
    }
}
