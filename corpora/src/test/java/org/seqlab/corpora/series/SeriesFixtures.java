package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;

/** Writes tiny series files and reads them back. */
final class SeriesFixtures {
    static final SeriesReadOptions BIRTHS = SeriesReadOptions.of("date", List.of("births"));

    private final Path dir;

    SeriesFixtures(Path dir) {
        this.dir = dir;
    }

    /** Writes the lines, each ended by a newline, to a file in the directory. */
    Path write(String name, String... lines) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    TimeSeries read(SeriesReadOptions options, String... lines) throws IOException {
        return TimeSeriesReader.read(write("s.csv", lines), options);
    }

    /** Returns the message of the error reading the lines, with the file's path as FILE. */
    String bad(SeriesReadOptions options, String... lines) {
        Path file = write("s.csv", lines);
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class, () -> TimeSeriesReader.read(file, options));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ":"), message);
        return "FILE" + message.substring(file.toString().length());
    }

    /** Lines of a daily series "date,births" from 1969-01-01 with the given values. */
    static String[] daily(String... values) {
        String[] lines = new String[values.length + 1];
        lines[0] = "date,births";
        for (int i = 0; i < values.length; i++) {
            lines[i + 1] = String.format("1969-01-%02d,%s", i + 1, values[i]);
        }
        return lines;
    }
}
