package org.seqlab.corpora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The file layouts that {@link LabeledReader} reads. */
public enum LabeledFormat {
    /**
     * The Large Movie Review Dataset layout {@code aclImdb/{train,test}/{pos,neg}/*.txt}, as a
     * directory or as the original {@code .tar.gz} archive.
     */
    ACLIMDB,
    /** One JSON object with {@code text} and {@code label} fields a line. */
    JSONL,
    /** One {@code label<TAB>text} a line, or {@code label,text} for a {@code .csv} file. */
    TSV;

    /**
     * Guesses the format of a corpus from its path.
     *
     * <p>A directory or a {@code .tar.gz}/{@code .tgz} file is {@link #ACLIMDB}; {@code .jsonl} and
     * {@code .json} are {@link #JSONL}; {@code .tsv}, {@code .csv} and {@code .txt} are {@link
     * #TSV}. Names are compared without regard to case, and the last four may end with {@code .gz}.
     *
     * @param path the corpus; not null, need not exist unless it is a directory
     * @return the format
     * @throws IllegalArgumentException if the name matches none of these
     */
    public static LabeledFormat detect(Path path) {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            return ACLIMDB;
        }
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return ACLIMDB;
        }
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - ".gz".length());
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".tsv") || name.endsWith(".csv") || name.endsWith(".txt")) {
            return TSV;
        }
        throw new IllegalArgumentException(
                "Cannot tell the labeled format of '"
                        + path
                        + "' from its name: expected a directory, .tar.gz or .tgz (aclimdb),"
                        + " .jsonl or .json (jsonl), or .tsv, .csv or .txt (tsv), the last four"
                        + " optionally gzipped (.gz).");
    }

    /**
     * Returns the format with the given name, ignoring case and surrounding spaces.
     *
     * @param name a name such as {@code jsonl}; not null
     * @return the format
     * @throws IllegalArgumentException if no format has that name; the message lists the names
     */
    public static LabeledFormat parse(String name) {
        Objects.requireNonNull(name, "name");
        String wanted = name.strip();
        for (LabeledFormat format : values()) {
            if (format.name().equalsIgnoreCase(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "Unknown labeled format '"
                        + name
                        + "': expected one of "
                        + Arrays.stream(values())
                                .map(f -> f.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))
                        + ".");
    }
}
