package org.seqlab.tokenizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.seqlab.io.AtomicFiles;
import org.seqlab.io.StrictLines;

/**
 * Reads and writes the byte-pair merges format: UTF-8 text, a header line {@code #seqlab-bpe v1
 * merges=N}, then N lines in merge order, each the left and right piece separated by one space.
 *
 * <p>In a piece, backslash, space, line feed, tab and carriage return are written {@code \\},
 * {@code \s}, {@code \n}, {@code \t} and {@code \r}; every other character stands for itself. Each
 * piece is a single code point or a piece made by an earlier merge. Byte pieces never take part in
 * merges, so they never appear in the file.
 */
final class BpeFile {

    static final String MAGIC = "#seqlab-bpe";
    static final String VERSION = "v1";
    private static final String EXPECTED_HEADER = MAGIC + " " + VERSION + " merges=<count>";

    private BpeFile() {}

    /** Writes {@code merges} to {@code file} through a temporary file and an atomic move. */
    static void write(Path file, List<BpeMerge> merges) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(MAGIC + " " + VERSION + " merges=" + merges.size() + "\n");
        for (BpeMerge merge : merges) {
            text.append(escape(merge.left())).append(' ').append(escape(merge.right()));
            text.append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Reads and checks a merges file, returning its merges in order. */
    static List<BpeMerge> read(Path file) throws IOException {
        List<String> lines =
                StrictLines.read(
                        file, (line, problem) -> new BpeFormatException(file, line, problem));
        if (lines.isEmpty()) {
            throw new BpeFormatException(
                    file, 1, "empty file, expected header \"" + EXPECTED_HEADER + "\"");
        }
        int count = parseHeader(file, lines.get(0));
        List<BpeMerge> merges = new ArrayList<>();
        Set<String> made = new HashSet<>();
        Set<BpeMerge> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (merges.size() == count) {
                throw new BpeFormatException(
                        file, lineNumber, "more merges than the " + count + " in the header");
            }
            String line = lines.get(i);
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
                throw new BpeFormatException(
                        file,
                        lineNumber,
                        "malformed merge "
                                + quote(line)
                                + ", expected two escaped pieces separated by one space");
            }
            String left = unescape(file, lineNumber, line.substring(0, space), 0);
            String right = unescape(file, lineNumber, line.substring(space + 1), space + 1);
            checkKnown(file, lineNumber, left, made);
            checkKnown(file, lineNumber, right, made);
            BpeMerge merge = new BpeMerge(left, right);
            if (!seen.add(merge)) {
                throw new BpeFormatException(
                        file,
                        lineNumber,
                        "duplicate merge " + quote(escape(left) + " " + escape(right)));
            }
            made.add(merge.merged());
            merges.add(merge);
        }
        if (merges.size() != count) {
            throw new BpeFormatException(
                    file,
                    lines.size() + 1,
                    "the header declares " + count + " merges but the file has " + merges.size());
        }
        return merges;
    }

    private static void checkKnown(Path file, int lineNumber, String piece, Set<String> made)
            throws BpeFormatException {
        if (piece.codePointCount(0, piece.length()) != 1 && !made.contains(piece)) {
            throw new BpeFormatException(
                    file,
                    lineNumber,
                    "unknown piece "
                            + quote(escape(piece))
                            + ": it is neither one character nor made by an earlier merge");
        }
    }

    private static int parseHeader(Path file, String header) throws BpeFormatException {
        String[] parts = header.split(" ", -1);
        if (parts.length != 3 || !parts[0].equals(MAGIC) || !parts[2].startsWith("merges=")) {
            throw new BpeFormatException(
                    file,
                    1,
                    "bad header " + quote(header) + ", expected \"" + EXPECTED_HEADER + "\"");
        }
        if (!parts[1].equals(VERSION)) {
            throw new BpeFormatException(
                    file,
                    1,
                    "unsupported format version " + quote(parts[1]) + ", expected " + VERSION);
        }
        String digits = parts[2].substring("merges=".length());
        if (digits.isEmpty()
                || digits.length() > 9
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BpeFormatException(
                    file,
                    1,
                    "bad merge count " + quote(digits) + ", expected a number from 0 to 999999999");
        }
        return Integer.parseInt(digits);
    }

    static String escape(String piece) {
        StringBuilder sb = new StringBuilder(piece.length() + 4);
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ' ' -> sb.append("\\s");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(Path file, int lineNumber, String text, int column)
            throws BpeFormatException {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 == text.length()) {
                throw new BpeFormatException(
                        file,
                        lineNumber,
                        "incomplete escape: backslash at the end of a piece, column "
                                + (column + i + 1));
            }
            char next = text.charAt(++i);
            switch (next) {
                case '\\' -> sb.append('\\');
                case 's' -> sb.append(' ');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                default ->
                        throw new BpeFormatException(
                                file,
                                lineNumber,
                                "bad escape \"\\"
                                        + next
                                        + "\" at column "
                                        + (column + i)
                                        + ", expected one of \\\\ \\s \\n \\r \\t");
            }
        }
        return sb.toString();
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
