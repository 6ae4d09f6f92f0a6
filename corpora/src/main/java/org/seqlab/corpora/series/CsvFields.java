package org.seqlab.corpora.series;

import java.util.List;

/**
 * Splits a line of CSV or TSV into fields: minimal RFC 4180 quoting within one line.
 *
 * <p>Fields are separated by the separator; surrounding spaces and TABs (other than a TAB
 * separator) are removed. A field whose first character is a double quote runs to the next lone
 * double quote, with {@code ""} standing for a quote and separators inside kept; only whitespace
 * may follow the closing quote. A quote inside an unquoted field is kept as it is. A quoted field
 * cannot span lines.
 */
final class CsvFields {

    private CsvFields() {}

    /**
     * Splits a line into {@code out}, which is cleared first.
     *
     * @throws IllegalArgumentException if a quoted field has no closing quote or text after it; the
     *     message says which field
     */
    static void split(String line, char separator, List<String> out) {
        out.clear();
        int n = line.length();
        int pos = 0;
        while (true) {
            int start = skipBlank(line, pos, separator);
            if (start < n && line.charAt(start) == '"') {
                StringBuilder field = new StringBuilder();
                int i = start + 1;
                while (true) {
                    int quote = line.indexOf('"', i);
                    if (quote < 0) {
                        throw new IllegalArgumentException(
                                "field " + (out.size() + 1) + " has no closing double quote");
                    }
                    field.append(line, i, quote);
                    if (quote + 1 < n && line.charAt(quote + 1) == '"') {
                        field.append('"');
                        i = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                out.add(field.toString());
                int end = skipBlank(line, i, separator);
                if (end == n) {
                    return;
                }
                if (line.charAt(end) != separator) {
                    throw new IllegalArgumentException(
                            "field "
                                    + out.size()
                                    + " has text after its closing double quote: '"
                                    + line.substring(end)
                                    + "'");
                }
                pos = end + 1;
            } else {
                int end = line.indexOf(separator, start);
                if (end < 0) {
                    out.add(line.substring(start).strip());
                    return;
                }
                out.add(line.substring(start, end).strip());
                pos = end + 1;
            }
        }
    }

    private static int skipBlank(String line, int pos, char separator) {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == separator || (c != ' ' && c != '\t')) {
                break;
            }
            pos++;
        }
        return pos;
    }
}
