package org.seqlab.corpora.series;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The form of a file's timestamps: a date, a local date-time, or a date-time with {@code Z} or an
 * offset (read as UTC). Parses and formats timestamps by hand, which is several times faster than
 * {@link java.time.format.DateTimeFormatter} and gives precise reasons.
 */
enum TimeStyle {
    /** {@code 2001-01-22}. */
    DATE("a date"),
    /** {@code 2000-06-05T00:00:00}, also with a space for the {@code T}. */
    LOCAL("a date-time without zone"),
    /** {@code 2000-06-05T00:00:00Z} or {@code 2000-06-05T01:00:00+01:00}, converted to UTC. */
    UTC("a date-time with Z or an offset");

    private final String description;

    TimeStyle(String description) {
        this.description = description;
    }

    /** Returns what the style is, such as "a date". */
    String description() {
        return description;
    }

    /**
     * Returns the style of a timestamp that {@link #parse(String)} accepts.
     *
     * @param text a valid timestamp
     * @return its style
     */
    static TimeStyle of(String text) {
        if (text.length() == 10) {
            return DATE;
        }
        for (int i = 16; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                return UTC;
            }
        }
        return LOCAL;
    }

    /**
     * Parses {@code yyyy-MM-dd} or {@code yyyy-MM-ddTHH:mm[:ss[.f…]]} (T or a space), optionally
     * followed by {@code Z} or an offset {@code ±HH[:mm]} / {@code ±HHmm}, which is subtracted.
     *
     * @param text the timestamp, without surrounding whitespace
     * @return the local date-time, or the UTC date-time for a zoned timestamp
     * @throws DateTimeException if the text is not such a timestamp; the message says why
     */
    static LocalDateTime parse(String text) {
        int n = text.length();
        if (n < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new DateTimeException("expected yyyy-MM-dd at the start");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (n == 10) {
            return LocalDateTime.of(year, month, day, 0, 0);
        }
        char t = text.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            throw new DateTimeException("expected T or a space after the date");
        }
        if (n < 16 || text.charAt(13) != ':') {
            throw new DateTimeException("expected HH:mm after the date");
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = 0;
        int nano = 0;
        int pos = 16;
        if (pos < n && text.charAt(pos) == ':') {
            second = digits(text, pos + 1, 2);
            pos += 3;
            if (pos < n && text.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < n && isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == start || pos - start > 9) {
                    throw new DateTimeException("expected 1 to 9 digits of a second after '.'");
                }
                nano = digits(text, start, pos - start);
                for (int i = pos - start; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
        if (pos == n) {
            return local;
        }
        char z = text.charAt(pos);
        if ((z == 'Z' || z == 'z') && pos + 1 == n) {
            return local;
        }
        if (z != '+' && z != '-') {
            throw new DateTimeException("unexpected '" + text.substring(pos) + "' after the time");
        }
        int rest = n - pos - 1;
        int offsetHours;
        int offsetMinutes = 0;
        if (rest == 2) {
            offsetHours = digits(text, pos + 1, 2);
        } else if (rest == 4) {
            offsetHours = digits(text, pos + 1, 2);
            offsetMinutes = digits(text, pos + 3, 2);
        } else if (rest == 5 && text.charAt(pos + 3) == ':') {
            offsetHours = digits(text, pos + 1, 2);
            offsetMinutes = digits(text, pos + 4, 2);
        } else {
            throw new DateTimeException("expected an offset like +01:00 after the time");
        }
        if (offsetHours > 18 || offsetMinutes > 59) {
            throw new DateTimeException("the offset " + text.substring(pos) + " is out of range");
        }
        int offset = (offsetHours * 60 + offsetMinutes) * 60;
        return local.minusSeconds(z == '+' ? offset : -offset);
    }

    /**
     * Formats a time in this style: {@code 2001-01-22} for a date at midnight (a date style time
     * with a time of day is formatted as a local date-time), {@code 2000-06-05T00:00:00} or {@code
     * 2000-06-05T00:00:00Z}, with 3, 6 or 9 digits of fraction when the second has one.
     */
    String format(LocalDateTime t) {
        StringBuilder out = new StringBuilder(30);
        int year = t.getYear();
        if (year >= 0 && year < 10_000) {
            pad(out, year, 4);
        } else {
            out.append(year); // parse() cannot read it back; LocalDateTime allows it
        }
        out.append('-');
        pad(out, t.getMonthValue(), 2);
        out.append('-');
        pad(out, t.getDayOfMonth(), 2);
        if (this == DATE && t.toLocalTime().toNanoOfDay() == 0) {
            return out.toString();
        }
        out.append('T');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                pad(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pad(out, nano / 1_000, 6);
            } else {
                pad(out, nano, 9);
            }
        }
        if (this == UTC) {
            out.append('Z');
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        out.append(s);
    }

    private static int digits(String text, int start, int count) {
        if (start + count > text.length()) {
            throw new DateTimeException(
                    "expected " + count + " digits at character " + (start + 1));
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw new DateTimeException(
                        "expected a digit at character " + (i + 1) + ", found '" + c + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
