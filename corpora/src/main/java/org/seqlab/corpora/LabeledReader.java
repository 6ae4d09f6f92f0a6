package org.seqlab.corpora;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads labeled texts for classification from aclImdb trees and archives, JSONL, TSV and CSV.
 *
 * <p>JSONL, TSV and CSV files are read with {@link TextLines}: strict UTF-8, gunzipped when they
 * start with the gzip magic; aclImdb review files are decoded as {@link TextReader#read(Path)}
 * does. Malformed content is reported with a {@link CorpusFormatException} whose message is {@code
 * <file>:<line>: <detail>}, for example {@code "data.jsonl:7: not a JSON object"}, unless {@link
 * ReadOptions#skipBad()} asks to skip such lines and count them in {@link LabeledCorpus#skipped()}.
 * Blank lines are ignored. All methods are static and thread-safe.
 */
public final class LabeledReader {
    private LabeledReader() {}

    /**
     * Options for {@link LabeledReader#read(Path, LabeledFormat, ReadOptions)}.
     *
     * @param skipBad skip malformed lines of JSONL and TSV files (and count them) instead of
     *     failing
     * @param tsvHeader the first non-blank line of a TSV or CSV file is a header to skip
     * @param split the aclImdb split to read, {@code train} or {@code test}; not null
     */
    public record ReadOptions(boolean skipBad, boolean tsvHeader, String split) {

        /**
         * Checks the split name.
         *
         * @throws IllegalArgumentException if {@code split} is neither {@code train} nor {@code
         *     test}
         */
        public ReadOptions {
            Objects.requireNonNull(split, "split");
            if (!split.equals("train") && !split.equals("test")) {
                throw new IllegalArgumentException(
                        "The aclImdb split must be 'train' or 'test', but it is '" + split + "'.");
            }
        }

        /**
         * Returns the default options: fail on bad lines, no header, the {@code train} split.
         *
         * @return {@code new ReadOptions(false, false, "train")}
         */
        public static ReadOptions defaults() {
            return new ReadOptions(false, false, "train");
        }
    }

    /**
     * Reads a corpus, guessing its format with {@link LabeledFormat#detect(Path)} and using {@link
     * ReadOptions#defaults()}.
     *
     * @param path the corpus; not null
     * @return the corpus, never empty
     * @throws IllegalArgumentException if the format cannot be guessed from the name
     * @throws CorpusFormatException as {@link #read(Path, LabeledFormat, ReadOptions)} describes
     * @throws IOException if the corpus cannot be read
     */
    public static LabeledCorpus read(Path path) throws IOException {
        return read(path, LabeledFormat.detect(path), ReadOptions.defaults());
    }

    /**
     * Reads a corpus in the given format.
     *
     * <p>{@link LabeledFormat#JSONL}: one JSON object a line with a string field {@code text} and a
     * string or number field {@code label} (a number's label is its JSON text). {@link
     * LabeledFormat#TSV}: {@code label<TAB>text}, split at the first tab; in a file named {@code
     * .csv} or {@code .csv.gz}, {@code label,text} split at the first comma, where the text may be
     * double-quoted with {@code ""} standing for a quote. Labels are stripped of surrounding
     * spaces, texts are kept as they are (without the line ending). {@link LabeledFormat#ACLIMDB}:
     * the {@code .txt} files of {@code <split>/pos} and {@code <split>/neg} (other directories such
     * as {@code unsup} are ignored), labeled with the directory name and sorted by label, then by
     * the numeric id before the {@code _} of the file name, then by name. A directory may be the
     * {@code aclImdb} folder itself or its parent; an archive is streamed, not unpacked, and its
     * entries may be under any prefix such as {@code aclImdb/}.
     *
     * @param path the corpus file, or for aclImdb a directory or {@code .tar.gz} archive; not null
     * @param format the format; not null
     * @param options the options; not null
     * @return the corpus, never empty
     * @throws CorpusFormatException if the content is malformed (and not skipped), is not valid
     *     UTF-8 or gzip, or holds no labeled examples (detail {@code "no labeled examples"})
     * @throws java.nio.file.NoSuchFileException if the path does not exist
     * @throws IOException if the corpus cannot be read
     */
    public static LabeledCorpus read(Path path, LabeledFormat format, ReadOptions options)
            throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        LabeledCorpus corpus =
                switch (format) {
                    case ACLIMDB -> AclImdbReader.read(path, options.split());
                    case JSONL -> readLines(path, options, false);
                    case TSV -> readLines(path, options, true);
                };
        if (corpus.size() == 0) {
            throw new CorpusFormatException(path, "no labeled examples");
        }
        return corpus;
    }

    private static LabeledCorpus readLines(Path file, ReadOptions options, boolean tsv)
            throws IOException {
        boolean csv = tsv && isCsv(file);
        boolean header = tsv && options.tsvHeader();
        List<LabeledText> examples = new ArrayList<>();
        List<LabeledCorpus.Origin> origins = new ArrayList<>();
        int skipped = 0;
        try (TextLines lines = TextLines.open(file)) {
            for (String line; (line = lines.next()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String problem;
                if (tsv) {
                    problem = csv ? parseCsv(line, examples) : parseTsv(line, examples);
                } else {
                    problem = parseJson(line, examples);
                }
                if (problem != null) {
                    if (!options.skipBad()) {
                        throw new CorpusFormatException(file, lines.lineNumber(), problem);
                    }
                    skipped++;
                } else {
                    origins.add(new LabeledCorpus.Origin(file, lines.lineNumber()));
                }
            }
        }
        return LabeledCorpus.of(examples, origins, skipped);
    }

    /**
     * Reads the texts of a JSONL file, for scoring: one JSON object a line with a string field
     * {@code text}; a {@code label} or any other field may be there and is ignored.
     *
     * <p>The file is read with {@link TextLines}: strict UTF-8, gunzipped when it starts with the
     * gzip magic. Blank lines are ignored.
     *
     * @param file the file; not null
     * @return the texts in file order, empty for a file without non-blank lines
     * @throws CorpusFormatException {@code <file>:<line>: <detail>} for a line that is not a JSON
     *     object with a string {@code text}, or as {@link TextLines} describes
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public static List<String> readJsonlTexts(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<String> texts = new ArrayList<>();
        try (TextLines lines = TextLines.open(file)) {
            for (String line; (line = lines.next()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject object = parseObject(line);
                String problem = object == null ? "not a JSON object" : textProblem(object);
                if (problem != null) {
                    throw new CorpusFormatException(file, lines.lineNumber(), problem);
                }
                texts.add(object.get("text").getAsString());
            }
        }
        return texts;
    }

    private static boolean isCsv(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
    }

    /** Adds the line's example and returns null, or returns what is wrong with the line. */
    private static String parseJson(String line, List<LabeledText> examples) {
        JsonObject object = parseObject(line);
        if (object == null) {
            return "not a JSON object";
        }
        String problem = textProblem(object);
        if (problem != null) {
            return problem;
        }
        JsonPrimitive textValue = object.getAsJsonPrimitive("text");
        JsonElement label = object.get("label");
        if (label == null || label.isJsonNull()) {
            return "missing \"label\"";
        }
        if (!(label instanceof JsonPrimitive labelValue)
                || !(labelValue.isString() || labelValue.isNumber())) {
            return "\"label\" is not a string or number";
        }
        String labelText = labelValue.getAsString().strip();
        if (labelText.isEmpty()) {
            return "\"label\" is blank";
        }
        examples.add(new LabeledText(textValue.getAsString(), labelText));
        return null;
    }

    /** Returns the line as a JSON object, or null if it is not one. */
    private static JsonObject parseObject(String line) {
        try {
            JsonElement element = JsonParser.parseString(line);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | StackOverflowError e) {
            return null;
        }
    }

    /** Returns null if {@code object} has a string {@code text}, else what is wrong. */
    private static String textProblem(JsonObject object) {
        JsonElement text = object.get("text");
        if (text == null || text.isJsonNull()) {
            return "missing \"text\"";
        }
        if (!(text instanceof JsonPrimitive value) || !value.isString()) {
            return "\"text\" is not a string";
        }
        return null;
    }

    private static String parseTsv(String line, List<LabeledText> examples) {
        int tab = line.indexOf('\t');
        String label = tab < 0 ? "" : line.substring(0, tab).strip();
        if (label.isEmpty()) {
            return "expected label<TAB>text";
        }
        examples.add(new LabeledText(line.substring(tab + 1), label));
        return null;
    }

    private static String parseCsv(String line, List<LabeledText> examples) {
        String problem = "expected label,text (the text plain or double-quoted)";
        int comma = line.indexOf(',');
        String label = comma < 0 ? "" : line.substring(0, comma).strip();
        if (label.isEmpty()) {
            return problem;
        }
        String field = line.substring(comma + 1);
        String text = field;
        if (field.startsWith("\"")) {
            StringBuilder unquoted = new StringBuilder(field.length());
            int i = 1;
            boolean closed = false;
            while (i < field.length()) {
                char c = field.charAt(i++);
                if (c != '"') {
                    unquoted.append(c);
                } else if (i < field.length() && field.charAt(i) == '"') {
                    unquoted.append('"');
                    i++;
                } else {
                    closed = true;
                    break;
                }
            }
            if (!closed || !field.substring(i).isBlank()) {
                return problem;
            }
            text = unquoted.toString();
        }
        examples.add(new LabeledText(text, label));
        return null;
    }
}
