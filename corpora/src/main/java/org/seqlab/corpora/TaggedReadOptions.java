package org.seqlab.corpora;

import java.util.Locale;
import java.util.Objects;

/**
 * Options for {@link TaggedReader#read(java.nio.file.Path, TaggedReadOptions)}: the format, which
 * column holds the tags, and whether bad sentences are skipped.
 *
 * <p>For {@link TaggedFormat#CONLLU} the words are always the FORM column and {@code column} says
 * where the tags are: {@value #UPOS} (column 4, the default), {@value #XPOS} (column 5), or a
 * one-based column number from 2 to 10 as the CoNLL-U documentation counts them; {@code
 * tokenColumn} is not used. For {@link TaggedFormat#CONLL} columns are counted from 0, as in most
 * NER code: {@code tokenColumn} (default 0) holds the tokens and {@code column} is {@value #LAST}
 * (the default: the last column of each line) or the zero-based index of the tag column.
 *
 * @param format the file format; not null
 * @param column where the tags are, as above; null for the format's default; case does not matter
 * @param tokenColumn the zero-based token column of a column file, at least 0
 * @param skipBad skip a malformed sentence whole (and count it) instead of failing on it
 */
public record TaggedReadOptions(
        TaggedFormat format, String column, int tokenColumn, boolean skipBad) {

    /** The CoNLL-U universal part-of-speech column (4). */
    public static final String UPOS = "upos";

    /** The CoNLL-U language-specific part-of-speech column (5). */
    public static final String XPOS = "xpos";

    /** The last column of a column file. */
    public static final String LAST = "last";

    /**
     * Puts in the default column for null and checks the columns.
     *
     * @throws NullPointerException if {@code format} is null
     * @throws IllegalArgumentException if {@code column} is not one of the choices above for the
     *     format, {@code tokenColumn} is negative, or a column file's tag column is its token
     *     column
     */
    public TaggedReadOptions {
        Objects.requireNonNull(format, "format");
        column = column == null ? defaultColumn(format) : column.strip().toLowerCase(Locale.ROOT);
        if (tokenColumn < 0) {
            throw new IllegalArgumentException(
                    "The token column must be 0 or more, but it is " + tokenColumn + ".");
        }
        if (format == TaggedFormat.CONLLU) {
            if (!column.equals(UPOS) && !column.equals(XPOS)) {
                int n = number(column);
                if (n < 2 || n > 10) {
                    throw new IllegalArgumentException(
                            "The CoNLL-U tag column must be upos, xpos or a column number from 2"
                                    + " to 10, but it is '"
                                    + column
                                    + "'.");
                }
            }
        } else if (!column.equals(LAST)) {
            int n = number(column);
            if (n < 0) {
                throw new IllegalArgumentException(
                        "The tag column of a column file must be 'last' or a zero-based column"
                                + " index, but it is '"
                                + column
                                + "'.");
            }
            if (n == tokenColumn) {
                throw new IllegalArgumentException(
                        "The tag column and the token column must differ, but both are " + n + ".");
            }
        }
    }

    /**
     * Returns the default options of a format: UPOS tags for CoNLL-U; tokens in column 0 and tags
     * in the last column for column files; a malformed sentence is an error.
     *
     * @param format the format; not null
     * @return {@code new TaggedReadOptions(format, null, 0, false)}
     */
    public static TaggedReadOptions defaults(TaggedFormat format) {
        return new TaggedReadOptions(format, null, 0, false);
    }

    /**
     * Returns these options with {@code column} replaced.
     *
     * @param value the tag column as the class describes, or null for the default
     * @return the new options
     * @throws IllegalArgumentException as the constructor describes
     */
    public TaggedReadOptions withColumn(String value) {
        return new TaggedReadOptions(format, value, tokenColumn, skipBad);
    }

    /**
     * Returns these options with {@code tokenColumn} replaced.
     *
     * @param value the zero-based token column of a column file
     * @return the new options
     * @throws IllegalArgumentException as the constructor describes
     */
    public TaggedReadOptions withTokenColumn(int value) {
        return new TaggedReadOptions(format, column, value, skipBad);
    }

    /**
     * Returns these options with {@code skipBad} replaced.
     *
     * @param value whether to skip malformed sentences instead of failing
     * @return the new options
     */
    public TaggedReadOptions withSkipBad(boolean value) {
        return new TaggedReadOptions(format, column, tokenColumn, value);
    }

    /**
     * Returns the zero-based index of the tag column of a line with {@code columns} columns.
     *
     * @param columns the number of columns of the line (10 for CoNLL-U)
     * @return the index, possibly not below {@code columns} when the line is too short
     */
    int tagIndex(int columns) {
        if (format == TaggedFormat.CONLLU) {
            return column.equals(UPOS) ? 3 : column.equals(XPOS) ? 4 : number(column) - 1;
        }
        return column.equals(LAST) ? columns - 1 : number(column);
    }

    /** Returns the one-based column number of the CoNLL-U tag column, for messages. */
    String describeColumn() {
        if (format == TaggedFormat.CONLLU) {
            int n = tagIndex(10) + 1;
            return column.equals(UPOS) || column.equals(XPOS)
                    ? column.toUpperCase(Locale.ROOT) + " (column " + n + ")"
                    : "column " + n;
        }
        return column.equals(LAST) ? "the last column" : "column " + number(column);
    }

    private static String defaultColumn(TaggedFormat format) {
        return format == TaggedFormat.CONLLU ? UPOS : LAST;
    }

    /** Returns the non-negative decimal number {@code text}, or -1 if it is not one. */
    private static int number(String text) {
        if (text.isEmpty() || text.length() > 6) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
