package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seqlab.corpora.series.SeriesFixtures.BIRTHS;
import static org.seqlab.corpora.series.SeriesFixtures.daily;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filling gaps and missing values, PREVIOUS and LINEAR. */
class TimeSeriesFillTest {
    private static final SeriesReadOptions PREVIOUS = BIRTHS.withFill(FillPolicy.PREVIOUS);
    private static final SeriesReadOptions LINEAR = BIRTHS.withFill(FillPolicy.LINEAR);
    private static final SeriesReadOptions TWO =
            new SeriesReadOptions("date", List.of("a", "b"), FillPolicy.LINEAR);
    private static final double EPS = 1e-12;

    @TempDir Path dir;
    private SeriesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SeriesFixtures(dir);
    }

    private static final String[] GAP = {
        "date,births", "1969-01-01,1", "1969-01-02,2", "1969-01-05,5", "1969-01-06,6"
    };

    @Test
    void gapPrevious() throws IOException {
        TimeSeries s = fx.read(PREVIOUS, GAP);
        assertEquals(6, s.size());
        assertArrayEquals(new double[] {1, 2, 2, 2, 5, 6}, s.values("births"), EPS);
        assertEquals(LocalDateTime.of(1969, 1, 3, 0, 0), s.time(2));
        assertEquals(LocalDateTime.of(1969, 1, 4, 0, 0), s.time(3));
        assertArrayEquals(new long[] {2, 3, 0, 0, 4, 5}, lines(s));
        assertEquals(2, s.filled());
    }

    @Test
    void gapLinear() throws IOException {
        TimeSeries s = fx.read(LINEAR, GAP);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, s.values("births"), EPS);
        assertEquals(2, s.filled());
    }

    @Test
    void missingValuePreviousAndLinear() throws IOException {
        assertArrayEquals(
                new double[] {1, 1, 1, 7},
                fx.read(PREVIOUS, daily("1", "NA", "", "7")).values("births"),
                EPS);
        TimeSeries linear = fx.read(LINEAR, daily("1", "NA", "", "7"));
        assertArrayEquals(new double[] {1, 3, 5, 7}, linear.values("births"), EPS);
        assertEquals(2, linear.filled());
        assertEquals(3, linear.line(1)); // a filled cell keeps its row's line
    }

    @Test
    void missingAtTheStartTakesTheNextKnownValue() throws IOException {
        assertArrayEquals(
                new double[] {3, 3, 3, 4},
                fx.read(PREVIOUS, daily("NA", "null", "3", "4")).values("births"),
                EPS);
        assertArrayEquals(
                new double[] {3, 3, 3, 4},
                fx.read(LINEAR, daily("NA", "null", "3", "4")).values("births"),
                EPS);
    }

    @Test
    void missingAtTheEndTakesTheLastKnownValue() throws IOException {
        assertArrayEquals(
                new double[] {1, 2, 2, 2},
                fx.read(PREVIOUS, daily("1", "2", "NaN", "")).values("births"),
                EPS);
        assertArrayEquals(
                new double[] {1, 2, 2, 2},
                fx.read(LINEAR, daily("1", "2", "NaN", "")).values("births"),
                EPS);
    }

    @Test
    void linearIsInTimeNotInSteps() throws IOException {
        // January has 31 days, February 28 (1969): the February 1st value is 31/59 of the way
        TimeSeries s =
                fx.read(
                        SeriesReadOptions.of("m", List.of("v")).withFill(FillPolicy.LINEAR),
                        "m,v",
                        "1969-01-01,0",
                        "1969-02-01,NA",
                        "1969-03-01,59");
        assertEquals(31, s.value(0, 1), EPS);
    }

    @Test
    void insertedRowsCountEveryColumn() throws IOException {
        TimeSeries s =
                fx.read(
                        TWO,
                        "date,a,b",
                        "1969-01-01,1,10",
                        "1969-01-02,NA,20",
                        "1969-01-04,4,40",
                        "1969-01-05,5,50");
        assertEquals(5, s.size());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, s.values("a"), EPS);
        assertArrayEquals(new double[] {10, 20, 30, 40, 50}, s.values("b"), EPS);
        assertEquals(3, s.filled()); // one missing cell, one inserted row of two columns
        assertEquals(1, s.head(2).filled());
        assertEquals(3, s.head(3).filled());
        assertEquals(0, s.head(1).filled());
    }

    @Test
    void aColumnWithoutValuesIsAnError() {
        assertEquals(
                "FILE: column 'b' has no value in any row, so there is nothing to fill from",
                fx.bad(TWO, "date,a,b", "1969-01-01,1,", "1969-01-02,2,NA", "1969-01-04,4,"));
    }

    @Test
    void offGridIsAnErrorEvenWhenFilling() {
        assertEquals(
                "FILE:4: timestamp 2000-01-01T01:30 is not on the hourly grid that starts at"
                        + " 2000-01-01T00:00 (line 2)",
                fx.bad(
                        SeriesReadOptions.of("t", List.of("v")).withFill(FillPolicy.LINEAR),
                        "t,v",
                        "2000-01-01T00:00,1",
                        "2000-01-01T01:00,1",
                        "2000-01-01T01:30,1",
                        "2000-01-01T03:00,1",
                        "2000-01-01T04:00,1"));
    }

    private static long[] lines(TimeSeries s) {
        long[] out = new long[s.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = s.line(r);
        }
        return out;
    }
}
