package org.seqlab.corpora;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads sentences with one tag a word, for part-of-speech tagging and named entity recognition,
 * from CoNLL-U or from column files.
 *
 * <p>A file is read with {@link TextLines}: strict UTF-8 (a malformed byte is a {@link
 * CorpusFormatException} {@code "FILE: invalid UTF-8 at byte N (line L)"}), gunzipped when it
 * starts with the gzip magic whatever its name, a byte order mark dropped, {@code \r\n} accepted.
 * In both formats a blank line (empty or only whitespace, such as the lone TAB that separates
 * sentences in WNUT-17) ends a sentence; several blank lines in a row are one break, and the last
 * sentence needs no blank line after it. {@link TaggedSentence#line()} is the line of a sentence's
 * first token line.
 *
 * <p><b>CoNLL-U.</b> Lines starting with {@code #} are comments. Every other line has 10
 * tab-separated columns. A word line's ID is an integer and the IDs of a sentence run 1, 2, 3, ...
 * without gaps; its word is FORM (column 2) and its tag is in the column {@link
 * TaggedReadOptions#column()} names, which must not be empty or {@code _}. A multi-word token line
 * ({@code 3-4}) is kept as a {@link MultiWordToken} for display and not tagged; it must start at
 * the next word ID, not overlap the one before and end within the sentence. An empty node line
 * ({@code 8.1}) is skipped.
 *
 * <p><b>Column files</b> (CoNLL-2000/2003, WNUT-17). A line is split at TABs if it has one
 * (trailing whitespace removed first, empty columns kept), otherwise at runs of spaces. The token
 * and the tag are in the columns {@link TaggedReadOptions#tokenColumn()} and {@link
 * TaggedReadOptions#column()} name; both must be non-empty. The first token line fixes the number
 * of columns for the file, and a token line with another number is an error. A line whose first
 * column is {@code -DOCSTART-} ends the current sentence and is skipped. A line starting with
 * {@code #} is a token line when it has the file's number of columns (before the first token line:
 * when it has a TAB and at least 2 columns), so the tokens {@code #} and {@code #hashtag} of tweets
 * are kept; otherwise it is a comment and skipped ({@code # text}, a lone {@code #}).
 *
 * <p><b>Errors.</b> A malformed line throws a {@link CorpusFormatException} {@code "FILE:LINE:
 * DETAIL"}, such as {@code "train.conllu:12: expected 10 tab-separated columns, found 9"}, unless
 * {@link TaggedReadOptions#skipBad()} asks to skip the sentence it is in: then the whole sentence
 * is dropped, counted in {@link TaggedCorpus#skipped()}, and the first {@value
 * TaggedCorpus#MAX_PROBLEMS} messages are kept in {@link TaggedCorpus#problems()}. A file without
 * any sentence (empty, only comments and blank lines, or every sentence skipped) throws {@code
 * "FILE: no sentences (...)"}. All methods are static and thread-safe.
 */
public final class TaggedReader {
    private static final String DOCSTART = "-DOCSTART-";
    private static final char BOM = '\uFEFF';

    private TaggedReader() {}

    /** A source of lines without their line ends, null at the end. */
    private interface Lines {
        String next() throws IOException;
    }

    /**
     * Reads a tagging corpus from a file.
     *
     * @param file the file, plain or gzipped; not null
     * @param options the format and columns; not null
     * @return the sentences in file order, never empty
     * @throws CorpusFormatException as the class describes
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static TaggedCorpus read(Path file, TaggedReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        try (TextLines lines = TextLines.open(file)) {
            return read(lines::next, file, options);
        }
    }

    /**
     * Reads a tagging corpus from characters already decoded, such as a test's string.
     *
     * <p>A byte order mark at the start is dropped; the reader is not closed.
     *
     * @param in the text; not null
     * @param nameForErrors what error messages call the input; not null
     * @param options the format and columns; not null
     * @return the sentences in order, never empty
     * @throws CorpusFormatException as the class describes
     * @throws IOException if {@code in} cannot be read
     */
    public static TaggedCorpus read(
            BufferedReader in, Path nameForErrors, TaggedReadOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(nameForErrors, "nameForErrors");
        Objects.requireNonNull(options, "options");
        boolean[] first = {true};
        Lines lines =
                () -> {
                    String line = in.readLine();
                    if (first[0] && line != null && !line.isEmpty() && line.charAt(0) == BOM) {
                        line = line.substring(1);
                    }
                    first[0] = false;
                    return line;
                };
        return read(lines, nameForErrors, options);
    }

    private static TaggedCorpus read(Lines lines, Path file, TaggedReadOptions options)
            throws IOException {
        Parser parser = new Parser(file, options);
        long number = 0;
        for (String line; (line = lines.next()) != null; ) {
            number++;
            parser.line(line, number);
        }
        parser.finish();
        if (parser.sentences.isEmpty()) {
            String why =
                    parser.skipped > 0
                            ? parser.skipped
                                    + (parser.skipped == 1
                                            ? " bad sentence skipped"
                                            : " bad sentences skipped")
                            : number == 0 ? "the file is empty" : "only blank and comment lines";
            throw new CorpusFormatException(file, "no sentences (" + why + ")");
        }
        return new TaggedCorpus(parser.sentences, parser.skipped, parser.problems);
    }

    /** The state of a read: the sentences so far and the one being read. */
    private static final class Parser {
        final Path file;
        final TaggedReadOptions options;
        final boolean conllu;
        final List<TaggedSentence> sentences = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int skipped;
        int columns = -1; // column files: the number fixed by the first token line
        long columnsLine; // the line that fixed it

        // the sentence being read
        final List<String> words = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<MultiWordToken> multiWordTokens = new ArrayList<>();
        final List<Long> multiWordLines = new ArrayList<>();
        long start; // first token line, 0 before it
        boolean bad;

        Parser(Path file, TaggedReadOptions options) {
            this.file = file;
            this.options = options;
            this.conllu = options.format() == TaggedFormat.CONLLU;
        }

        void line(String line, long number) throws CorpusFormatException {
            if (line.isBlank()) {
                finish();
                return;
            }
            String problem = conllu ? conllu(line, number) : column(line, number);
            if (problem != null) {
                fail(number, problem);
            }
        }

        /** Reads a CoNLL-U line; returns what is wrong with it, or null. */
        private String conllu(String line, long number) {
            if (line.charAt(0) == '#') {
                return null;
            }
            if (start == 0) {
                start = number;
            }
            if (bad) {
                return null;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 10) {
                return "expected 10 tab-separated columns, found " + f.length;
            }
            String id = f[0];
            int next = words.size() + 1;
            int dash = id.indexOf('-');
            if (dash >= 0) {
                int a = positive(id.substring(0, dash));
                int b = positive(id.substring(dash + 1));
                if (a < 0 || b <= a) {
                    return "bad multi-word token ID '" + id + "'";
                }
                if (a != next) {
                    return "multi-word token " + id + " must start at the next word ID " + next;
                }
                if (!multiWordTokens.isEmpty()
                        && multiWordTokens.get(multiWordTokens.size() - 1).last() >= a - 1) {
                    return "multi-word token " + id + " overlaps the one before it";
                }
                if (f[1].isEmpty()) {
                    return "multi-word token " + id + " has an empty FORM (column 2)";
                }
                multiWordTokens.add(new MultiWordToken(a - 1, b - 1, f[1]));
                multiWordLines.add(number);
                return null;
            }
            int dot = id.indexOf('.');
            if (dot >= 0) {
                if (positive(id.substring(0, dot)) < 0 && !id.substring(0, dot).equals("0")
                        || positive(id.substring(dot + 1)) < 0) {
                    return "bad empty node ID '" + id + "'";
                }
                return null; // an empty node has no word of the sentence
            }
            int n = positive(id);
            if (n < 0) {
                return "bad word ID '" + id + "'";
            }
            if (n != next) {
                return "word ID " + n + " is not consecutive: expected " + next;
            }
            if (f[1].isEmpty()) {
                return "word " + n + " has an empty FORM (column 2)";
            }
            String tag = f[options.tagIndex(10)];
            if (tag.isEmpty() || tag.equals("_")) {
                return "word "
                        + n
                        + " has no tag in "
                        + options.describeColumn()
                        + ": '"
                        + tag
                        + "'";
            }
            words.add(f[1]);
            tags.add(tag);
            return null;
        }

        /** Reads a line of a column file; returns what is wrong with it, or null. */
        private String column(String line, long number) throws CorpusFormatException {
            boolean tab = line.indexOf('\t') >= 0;
            String[] f = tab ? line.stripTrailing().split("\t", -1) : line.strip().split(" +");
            if (f[0].equals(DOCSTART)) {
                finish();
                return null;
            }
            if (line.charAt(0) == '#'
                    && (columns > 0 ? f.length != columns : !tab || f.length < 2)) {
                return null; // a comment
            }
            if (start == 0) {
                start = number;
            }
            if (bad) {
                return null;
            }
            if (columns < 0) {
                columns = f.length;
                columnsLine = number;
            } else if (f.length != columns) {
                return "expected "
                        + columns
                        + (columns == 1 ? " column" : " columns")
                        + " as on line "
                        + columnsLine
                        + ", found "
                        + f.length;
            }
            int tagIndex = options.tagIndex(f.length);
            int needed = Math.max(tagIndex, options.tokenColumn()) + 1;
            if (f.length < needed || tagIndex == options.tokenColumn()) {
                return "expected "
                        + Math.max(needed, 2)
                        + " columns (token in column "
                        + options.tokenColumn()
                        + ", tag in "
                        + options.describeColumn()
                        + ", counting from 0), found "
                        + f.length;
            }
            String token = f[options.tokenColumn()];
            String tag = f[tagIndex];
            if (token.isBlank()) {
                return "the token (column " + options.tokenColumn() + ") is empty";
            }
            if (tag.isBlank()) {
                return "the tag (column " + tagIndex + ") is empty";
            }
            words.add(token);
            tags.add(tag);
            return null;
        }

        private void fail(long number, String problem) throws CorpusFormatException {
            if (!options.skipBad()) {
                throw new CorpusFormatException(file, number, problem);
            }
            if (!bad && problems.size() < TaggedCorpus.MAX_PROBLEMS) {
                problems.add(file + ":" + number + ": " + problem);
            }
            bad = true;
        }

        /** Ends the sentence being read, if any. */
        void finish() throws CorpusFormatException {
            if (!bad) {
                for (int i = 0; i < multiWordTokens.size(); i++) {
                    MultiWordToken token = multiWordTokens.get(i);
                    if (token.last() >= words.size()) {
                        fail(
                                multiWordLines.get(i),
                                "multi-word token "
                                        + (token.first() + 1)
                                        + "-"
                                        + (token.last() + 1)
                                        + " reaches past the last word ID "
                                        + words.size());
                        break;
                    }
                }
            }
            if (!bad && words.isEmpty() && start > 0) {
                fail(start, "the sentence has no words");
            }
            if (bad) {
                skipped++;
            } else if (!words.isEmpty()) {
                sentences.add(new TaggedSentence(words, tags, multiWordTokens, start));
            }
            words.clear();
            tags.clear();
            multiWordTokens.clear();
            multiWordLines.clear();
            start = 0;
            bad = false;
        }
    }

    /** Returns the decimal number {@code text} if it is 1 or more, or -1. */
    private static int positive(String text) {
        if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0') {
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
