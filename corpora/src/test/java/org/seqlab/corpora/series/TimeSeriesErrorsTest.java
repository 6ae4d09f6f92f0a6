package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.corpora.series.SeriesFixtures.BIRTHS;
import static org.seqlab.corpora.series.SeriesFixtures.daily;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error of reading, with its file:line and column. */
class TimeSeriesErrorsTest {
    private static final String HINT = "; --fill previous|linear fills it";

    @TempDir Path dir;
    private SeriesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SeriesFixtures(dir);
    }

    @Test
    void emptyFile() {
        String expected = "FILE: the file is empty; a header line and at least 2 rows are needed";
        assertEquals(expected, fx.bad(BIRTHS));
        assertEquals(expected, fx.bad(BIRTHS, "", "  "));
    }

    @Test
    void headerOnlyAndOneRow() {
        assertEquals("FILE: no rows after the header (line 1)", fx.bad(BIRTHS, "date,births"));
        assertEquals(
                "FILE: only 1 row (line 2); at least 2 are needed to infer the frequency",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1"));
    }

    @Test
    void missingColumnsListTheHeader() {
        SeriesReadOptions foo = SeriesReadOptions.of("date", List.of("foo"));
        assertEquals(
                "FILE: no column 'foo'; the columns are: date, births",
                fx.bad(foo, daily("1", "2")));
        SeriesReadOptions time = SeriesReadOptions.of("Date", List.of("births"));
        assertEquals(
                "FILE: no column 'Date'; the columns are: date, births",
                fx.bad(time, daily("1", "2")));
        assertEquals(
                "FILE:1: the header has the column 'births' twice (fields 2 and 3)",
                fx.bad(BIRTHS, "date,births,births", "1969-01-01,1,1"));
    }

    @Test
    void duplicateAndOutOfOrderTimestamps() {
        assertEquals(
                "FILE:4: timestamp 1969-01-02 is not after 1969-01-02 (line 3)",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-01-02,2", "1969-01-02,3"));
        assertEquals(
                "FILE:5: timestamp 1969-01-01 is not after 1969-01-02 (line 3)",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-01-02,2", "", "1969-01-01,3"));
    }

    @Test
    void timestampOffTheGrid() {
        SeriesReadOptions o = SeriesReadOptions.of("t", List.of("v"));
        assertEquals(
                "FILE:6: timestamp 2000-01-01T03:30 is not on the hourly grid that starts at"
                        + " 2000-01-01T00:00 (line 2)",
                fx.bad(
                        o,
                        "t,v",
                        "2000-01-01T00:00,1",
                        "2000-01-01T01:00,1",
                        "2000-01-01T02:00,1",
                        "2000-01-01T03:00,1",
                        "2000-01-01T03:30,1"));
        assertEquals(
                "FILE:4: timestamp 2001-03-15 is not on the monthly grid that starts at"
                        + " 2001-01-01 (line 2)",
                fx.bad(o, "t,v", "2001-01-01,1", "2001-02-01,1", "2001-03-15,1", "2001-04-01,1"));
    }

    @Test
    void gapsNameTheStepsAndTheFill() {
        assertEquals(
                "FILE:5: gap of 1 missing daily step between 1969-01-03 and 1969-01-05" + HINT,
                fx.bad(
                        BIRTHS,
                        "date,births",
                        "1969-01-01,1",
                        "1969-01-02,2",
                        "1969-01-03,3",
                        "1969-01-05,5"));
        assertEquals(
                "FILE:3: gap of 2 missing half-hourly steps between 2000-06-05T00:00:00Z and"
                        + " 2000-06-05T01:30:00Z"
                        + HINT,
                fx.bad(
                        SeriesReadOptions.of("t", List.of("v")),
                        "t,v",
                        "2000-06-05T00:00:00Z,1",
                        "2000-06-05T01:30:00Z,1",
                        "2000-06-05T02:00:00Z,1",
                        "2000-06-05T02:30:00Z,1"));
    }

    @Test
    void missingValues() {
        for (String missing : List.of("", "NA", "NaN", "null", "na", "\"\"")) {
            assertEquals(
                    "FILE:3: column 'births': missing value" + HINT,
                    fx.bad(BIRTHS, daily("1", missing, "3")),
                    missing);
        }
    }

    @Test
    void textIsNeverAMissingValue() {
        for (FillPolicy fill : FillPolicy.values()) {
            assertEquals(
                    "FILE:3: column 'births': 'abc' is not a number",
                    fx.bad(BIRTHS.withFill(fill), daily("1", "abc", "3")));
        }
        assertEquals(
                "FILE:2: column 'births': 'Infinity' is not a number",
                fx.bad(BIRTHS, daily("Infinity", "1")));
        assertEquals(
                "FILE:2: column 'births': '0x10' is not a number",
                fx.bad(BIRTHS, daily("0x10", "1")));
        assertEquals(
                "FILE:2: column 'births': '1.2.3' is not a number",
                fx.bad(BIRTHS, daily("1.2.3", "1")));
        assertEquals(
                "FILE:3: column 'births': '1e999' is out of range",
                fx.bad(BIRTHS, daily("1", "1e999")));
    }

    @Test
    void fieldCountsMustMatchTheHeader() {
        assertEquals(
                "FILE:3: expected 2 fields as in the header, found 1",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-01-02"));
        assertEquals(
                "FILE:3: expected 2 fields as in the header, found 3",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-01-02,1,"));
    }

    @Test
    void badQuotes() {
        assertEquals(
                "FILE:3: field 2 has no closing double quote",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-01-02,\"2"));
        assertEquals(
                "FILE:2: field 1 has text after its closing double quote: 'x,1'",
                fx.bad(BIRTHS, "date,births", "\"1969-01-01\"x,1", "1969-01-02,2"));
    }

    @Test
    void badTimestamps() {
        assertEquals(
                "FILE:3: column 'date': no timestamp",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", ",2"));
        String month = fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-13-01,2");
        assertTrue(
                month.startsWith(
                        "FILE:3: column 'date': '1969-13-01' is not a date or date-time ("),
                month);
        assertTrue(
                month.endsWith(
                        "); expected yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss], optionally with Z or an"
                                + " offset such as +01:00"),
                month);
        assertEquals(
                "FILE:3: column 'date': '1969/01/02' is not a date or date-time (expected"
                        + " yyyy-MM-dd at the start); expected yyyy-MM-dd or"
                        + " yyyy-MM-ddTHH:mm[:ss], optionally with Z or an offset such as +01:00",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969/01/02,2"));
        assertTrue(
                fx.bad(BIRTHS, "date,births", "1969-01-01T00:00,1", "1969-01-02T00:00 CET,2")
                        .startsWith(
                                "FILE:3: column 'date': '1969-01-02T00:00 CET' is not a date or"
                                        + " date-time (unexpected ' CET' after the time)"));
    }

    @Test
    void oneTimestampFormPerFile() {
        assertEquals(
                "FILE:3: column 'date': timestamp 1969-01-02T00:00 is a date-time without zone but"
                        + " 1969-01-01 (line 2) is a date; all timestamps must have the same form",
                fx.bad(BIRTHS, "date,births", "1969-01-01,1", "1969-01-02T00:00,2"));
        assertEquals(
                "FILE:3: column 'date': timestamp 1969-01-02T00:00Z is a date-time with Z or an"
                        + " offset but 1969-01-01T00:00 (line 2) is a date-time without zone; all"
                        + " timestamps must have the same form",
                fx.bad(BIRTHS, "date,births", "1969-01-01T00:00,1", "1969-01-02T00:00Z,2"));
    }

    @Test
    void frequencyThatIsNoneOfTheFive() {
        assertEquals(
                "FILE: cannot infer the frequency: the most common difference between consecutive"
                        + " timestamps is 2 days (2 of 3, first between 1969-01-01 (line 2) and"
                        + " 1969-01-03 (line 3)); a series needs steps of 30 minutes"
                        + " (half-hourly), 1 hour (hourly), 1 day (daily), 7 days (weekly) or one"
                        + " calendar month (monthly)",
                fx.bad(
                        BIRTHS,
                        "date,births",
                        "1969-01-01,1",
                        "1969-01-03,1",
                        "1969-01-05,1",
                        "1969-01-06,1"));
        assertTrue(
                fx.bad(
                                SeriesReadOptions.of("t", List.of("v")),
                                "t,v",
                                "2000-01-01T00:00,1",
                                "2000-01-01T00:15,1",
                                "2000-01-01T00:30,1")
                        .contains("is 15 minutes (2 of 2,"));
    }

    @Test
    void theFirstBadLineIsReported() {
        // a missing value on line 3 comes before text on line 5 and a gap on line 6
        assertEquals(
                "FILE:3: column 'births': missing value" + HINT,
                fx.bad(BIRTHS, daily("1", "NA", "3", "x")));
        assertEquals(
                "FILE:3: column 'births': missing value" + HINT,
                fx.bad(
                        BIRTHS,
                        "date,births",
                        "1969-01-01,1",
                        "1969-01-02,",
                        "1969-01-03,3",
                        "1969-01-05,5"));
        // a gap on line 4 comes before a missing value on line 5
        assertEquals(
                "FILE:4: gap of 1 missing daily step between 1969-01-02 and 1969-01-04" + HINT,
                fx.bad(
                        BIRTHS,
                        "date,births",
                        "1969-01-01,1",
                        "1969-01-02,2",
                        "1969-01-04,4",
                        "1969-01-05,NA"));
    }
}
