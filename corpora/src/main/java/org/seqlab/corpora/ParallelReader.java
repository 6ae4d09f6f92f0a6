package org.seqlab.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads sentence pairs for training translators from tab-separated parallel text.
 *
 * <p>Each line is {@code source<TAB>target}, or {@code source<TAB>target<TAB>attribution} as in the
 * Tatoeba/Anki exports, whose attribution is ignored; both forms may be mixed in one file. Source
 * and target are stripped of surrounding whitespace ({@link String#strip()}) and must not be empty
 * then. The file is read with {@link TextLines}: strict UTF-8, gunzipped when it starts with the
 * gzip magic (whatever its name), a byte order mark dropped, {@code \r\n} line ends accepted (a
 * {@code \r} ending a last line without {@code \n} goes with the stripped whitespace).
 *
 * <p>A blank line (empty or only whitespace, without a tab) is ignored and counted in {@link
 * ParallelCorpus#blankLines()}, as {@link LabeledReader} ignores blank lines: a trailing empty line
 * or a blank line between blocks is a common harmless artifact, not a bad pair. A line with a tab
 * is a pair and must be well-formed: one with 1 or more than 3 columns, or an empty source or
 * target, throws a {@link CorpusFormatException} {@code "FILE:LINE: expected 2 or 3 tab-separated
 * columns (source, target[, attribution]), found N"} or {@code "FILE:LINE: the source (column 1) is
 * empty"} (or target, column 2), unless {@link ParallelReadOptions#skipBad()} asks to skip and
 * count such lines. Column numbers are those of the file, whatever {@link
 * ParallelReadOptions#reverse()} says.
 *
 * <p>A file that holds no well-formed pair at all (empty, only blank lines, or only bad lines
 * skipped) is an error naming the file: nothing could train on it. A file whose pairs were all
 * dropped by the length filters or deduplication is not: the corpus comes back empty and its {@link
 * ParallelCorpus#summary()} says why, for the caller to decide. All methods are static and
 * thread-safe.
 */
public final class ParallelReader {
    private static final String COLUMNS =
            "expected 2 or 3 tab-separated columns (source, target[, attribution]), found ";

    private ParallelReader() {}

    /** A pair's text, for deduplication. */
    private record Key(String source, String target) {}

    /**
     * Reads all pairs of a file as they are, with {@link ParallelReadOptions#defaults()}.
     *
     * @param file the file, plain or gzipped; not null
     * @return the pairs in file order, never empty
     * @throws CorpusFormatException as {@link #read(Path, ParallelReadOptions)} describes
     * @throws IOException if the file cannot be read
     */
    public static ParallelCorpus read(Path file) throws IOException {
        return read(file, ParallelReadOptions.defaults());
    }

    /**
     * Reads the pairs of a file, reversing, filtering and deduplicating them as {@code options}
     * ask.
     *
     * @param file the file, plain or gzipped; not null
     * @param options the options; not null
     * @return the kept pairs in file order, with counts of what was dropped; empty only when the
     *     filters dropped every pair
     * @throws CorpusFormatException {@code FILE:LINE: DETAIL} for a malformed line not skipped,
     *     {@code FILE: no sentence pairs ...} for a file without any, or as {@link TextLines}
     *     describes for content that is not valid UTF-8 or gzip
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws java.nio.file.FileSystemException if the file is a directory
     * @throws IOException if the file cannot be read
     */
    public static ParallelCorpus read(Path file, ParallelReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        List<SentencePair> kept = new ArrayList<>();
        Set<Key> seen = options.dedupe() ? new HashSet<>() : null;
        long bad = 0;
        long blank = 0;
        long tooShort = 0;
        long tooLong = 0;
        long overRatio = 0;
        long duplicates = 0;
        try (TextLines lines = TextLines.open(file)) {
            for (String line; (line = lines.next()) != null; ) {
                if (line.indexOf('\t') < 0 && line.isBlank()) {
                    blank++;
                    continue;
                }
                String[] fields = new String[2];
                String problem = parse(line, fields);
                if (problem != null) {
                    if (!options.skipBad()) {
                        throw new CorpusFormatException(file, lines.lineNumber(), problem);
                    }
                    bad++;
                    continue;
                }
                String source = fields[options.reverse() ? 1 : 0];
                String target = fields[options.reverse() ? 0 : 1];
                Filter filter = filter(source, target, options);
                if (filter == Filter.TOO_SHORT) {
                    tooShort++;
                } else if (filter == Filter.TOO_LONG) {
                    tooLong++;
                } else if (filter == Filter.OVER_RATIO) {
                    overRatio++;
                } else if (seen != null && !seen.add(new Key(source, target))) {
                    duplicates++;
                } else {
                    kept.add(new SentencePair(source, target, lines.lineNumber()));
                }
            }
        }
        ParallelCorpus corpus =
                new ParallelCorpus(kept, bad, blank, tooShort, tooLong, overRatio, duplicates);
        if (corpus.read() == 0) {
            throw new CorpusFormatException(file, noPairs(bad, blank));
        }
        return corpus;
    }

    /** Why a pair is dropped, or {@code KEEP}. */
    private enum Filter {
        KEEP,
        TOO_SHORT,
        TOO_LONG,
        OVER_RATIO
    }

    /**
     * Puts a line's stripped source and target into {@code fields} and returns null, or returns
     * what is wrong with the line.
     */
    private static String parse(String line, String[] fields) {
        int first = line.indexOf('\t');
        if (first < 0) {
            return COLUMNS + 1;
        }
        int second = line.indexOf('\t', first + 1);
        int columns = 2;
        if (second >= 0) {
            columns = 3;
            for (int i = line.indexOf('\t', second + 1); i >= 0; i = line.indexOf('\t', i + 1)) {
                columns++;
            }
        }
        if (columns > 3) {
            return COLUMNS + columns;
        }
        String source = line.substring(0, first).strip();
        String target = line.substring(first + 1, second < 0 ? line.length() : second).strip();
        if (source.isEmpty()) {
            return "the source (column 1) is empty";
        }
        if (target.isEmpty()) {
            return "the target (column 2) is empty";
        }
        fields[0] = source;
        fields[1] = target;
        return null;
    }

    private static Filter filter(String source, String target, ParallelReadOptions options) {
        if (options.minLength() <= 1 && options.maxLength() == 0 && options.maxLengthRatio() == 0) {
            return Filter.KEEP; // both sides have at least one word
        }
        int a = words(source);
        int b = words(target);
        int shorter = Math.min(a, b);
        int longer = Math.max(a, b);
        if (shorter < options.minLength()) {
            return Filter.TOO_SHORT;
        }
        if (options.maxLength() > 0 && longer > options.maxLength()) {
            return Filter.TOO_LONG;
        }
        if (options.maxLengthRatio() > 0 && longer > options.maxLengthRatio() * shorter) {
            return Filter.OVER_RATIO;
        }
        return Filter.KEEP;
    }

    /** Counts the maximal runs of code points that are not {@link Character#isWhitespace(int)}. */
    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp);
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
            i += Character.charCount(cp);
        }
        return count;
    }

    private static String noPairs(long bad, long blank) {
        if (bad == 0 && blank == 0) {
            return "no sentence pairs (the file is empty)";
        }
        List<String> parts = new ArrayList<>();
        if (bad > 0) {
            parts.add(bad + (bad == 1 ? " bad line skipped" : " bad lines skipped"));
        }
        if (blank > 0) {
            parts.add(blank + (blank == 1 ? " blank line" : " blank lines"));
        }
        return "no sentence pairs (" + String.join(", ", parts) + ")";
    }
}
