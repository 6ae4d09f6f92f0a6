package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the three real series when the data directory is there. */
class TimeSeriesRealDataTest {

    /** $SEQLAB_DATA, else ../shared/data or ../../shared/data relative to the module. */
    private static Path data(String relative) {
        String env = System.getenv("SEQLAB_DATA");
        Path root;
        if (env != null && !env.isBlank()) {
            root = Path.of(env);
        } else {
            Path near = Path.of("..", "shared", "data");
            Path far = Path.of("..", "..", "shared", "data");
            root = Files.isDirectory(near) || !Files.isDirectory(far) ? near : far;
        }
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "no data at " + file);
        return file;
    }

    @Test
    void electricityDemand() throws IOException {
        TimeSeries s =
                TimeSeriesReader.read(
                        data("timeseries/taylor-electricity-demand.train.csv"),
                        SeriesReadOptions.of("timestamp", List.of("demand_mw")));
        assertEquals(3360, s.size());
        assertEquals(Frequency.HALF_HOURLY, s.frequency());
        assertEquals(LocalDateTime.of(2000, 6, 5, 0, 0), s.time(0));
        assertEquals("2000-06-05T00:00:00Z", s.formatTime(s.time(0)));
        assertEquals(22262, s.value(0, 0));
        assertEquals(0, s.filled());
    }

    @Test
    void usBirths() throws IOException {
        Path file = data("timeseries/us-births-1969-1986.csv");
        SeriesReadOptions options = SeriesReadOptions.of("date", List.of("births"));
        TimeSeries s = TimeSeriesReader.read(file, options);
        assertEquals(6574, s.size());
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals("1986-12-31", s.formatTime(s.time(s.size() - 1)));
        assertEquals(8486, s.value(0, 0));
        assertEquals(6575, s.line(s.size() - 1));
        // fast after warm-up: well under 100 ms for 6,500 rows
        for (int i = 0; i < 20; i++) {
            TimeSeriesReader.read(file, options);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            TimeSeriesReader.read(file, options);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(best < 100_000_000L, "reading took " + best / 1e6 + " ms");
    }

    @Test
    void chicagoRidership() throws IOException {
        Path file = data("timeseries/chicago-ridership.train.csv");
        assertTrue(TimeSeriesReader.header(file).contains("temp"));
        TimeSeries s =
                TimeSeriesReader.read(
                        file, SeriesReadOptions.of("date", List.of("ridership", "temp")));
        assertEquals(5332, s.size());
        assertEquals(Frequency.DAILY, s.frequency());
        assertEquals(List.of("ridership", "temp"), s.columns());
        assertEquals(15.732, s.value(0, 0));
        assertEquals(19.45, s.value(1, 0));
        assertEquals("2015-08-28", s.formatTime(s.time(s.size() - 1)));
    }
}
