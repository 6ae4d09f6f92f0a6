package org.seqlab.tasks.cli;

import java.time.Duration;
import picocli.CommandLine;

/** Parses durations such as {@code 45m}, {@code 90s}, {@code 1h30m} or ISO-8601 {@code PT45M}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    /**
     * Parses an option's value.
     *
     * @throws CommandLine.TypeConversionException {@code 'VALUE' is not a duration (e.g. ...)},
     *     which the CLI prints after the option's name
     */
    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Parses a duration; throws IllegalArgumentException naming the value when malformed. */
    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            }
            if (v.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
            }
            if (v.matches("(\\d+(\\.\\d+)?[hms])+")) {
                return Duration.parse("PT" + v.toUpperCase(java.util.Locale.ROOT));
            }
        } catch (RuntimeException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a duration (e.g. 90s, 45m, 1h30m)");
    }
}
