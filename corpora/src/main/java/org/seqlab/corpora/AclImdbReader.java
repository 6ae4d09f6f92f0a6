package org.seqlab.corpora;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads one split of the Large Movie Review Dataset layout {@code
 * aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt}, from a directory or from the {@code .tar.gz}
 * archive without unpacking it.
 *
 * <p>Only the {@code .txt} files directly in {@code pos} and {@code neg} are read; {@code unsup}
 * and the other files are ignored. Examples are labeled with their directory name and ordered by
 * label, then by the numeric id before the first {@code _} of the file name (names without one come
 * last), then by file name, so a directory and its archive give the same list.
 */
final class AclImdbReader {
    private static final List<String> LABELS = List.of("neg", "pos");
    private static final int BUFFER = 1 << 16;

    private static final Comparator<Review> ORDER =
            Comparator.comparing(Review::label)
                    .thenComparingLong(Review::id)
                    .thenComparing(Review::name);

    private AclImdbReader() {}

    /**
     * A review file; {@code source} is the file or, for an archive entry, {@code archive!/entry};
     * {@code text} is null for a file not read yet.
     */
    private record Review(String label, long id, String name, Path source, String text) {}

    /** Reads the reviews, each with its file (or archive entry) as its origin. */
    static LabeledCorpus read(Path path, String split) throws IOException {
        List<Review> reviews =
                Files.isDirectory(path) ? fromDirectory(path, split) : fromArchive(path, split);
        reviews.sort(ORDER);
        List<LabeledText> examples = new ArrayList<>(reviews.size());
        List<LabeledCorpus.Origin> origins = new ArrayList<>(reviews.size());
        for (Review review : reviews) {
            String text =
                    review.text() != null
                            ? review.text()
                            : TextReader.readAllowingEmpty(review.source());
            examples.add(new LabeledText(text, review.label()));
            origins.add(new LabeledCorpus.Origin(review.source(), 0));
        }
        return LabeledCorpus.of(examples, origins, 0);
    }

    private static List<Review> fromDirectory(Path dir, String split) throws IOException {
        Path root = dir;
        if (!Files.isDirectory(root.resolve(split))) {
            root = dir.resolve("aclImdb");
            if (!Files.isDirectory(root.resolve(split))) {
                throw new CorpusFormatException(
                        dir,
                        "expected an aclImdb tree with a '"
                                + split
                                + "' directory in it or in its 'aclImdb' subdirectory");
            }
        }
        Path splitDir = root.resolve(split);
        for (String label : LABELS) {
            if (!Files.isDirectory(splitDir.resolve(label))) {
                throw new CorpusFormatException(
                        splitDir, "expected the label directories 'pos' and 'neg' in it");
            }
        }
        List<Review> reviews = new ArrayList<>();
        for (String label : LABELS) {
            try (DirectoryStream<Path> files =
                    Files.newDirectoryStream(splitDir.resolve(label), "*.txt")) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)) {
                        String name = file.getFileName().toString();
                        reviews.add(new Review(label, idOf(name), name, file, null));
                    }
                }
            }
        }
        return reviews;
    }

    private static List<Review> fromArchive(Path archive, String split) throws IOException {
        List<Review> reviews = new ArrayList<>();
        Set<String> labelsSeen = new HashSet<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER)) {
            try (TarArchiveInputStream tar =
                    new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String[] parts = trimSlashes(entry.getName()).split("/");
                    int n = parts.length;
                    if (entry.isDirectory()) {
                        if (n >= 2 && parts[n - 2].equals(split) && LABELS.contains(parts[n - 1])) {
                            labelsSeen.add(parts[n - 1]);
                        }
                        continue;
                    }
                    if (!entry.isFile()
                            || n < 3
                            || !parts[n - 3].equals(split)
                            || !LABELS.contains(parts[n - 2])
                            || !parts[n - 1].endsWith(".txt")) {
                        continue;
                    }
                    String label = parts[n - 2];
                    labelsSeen.add(label);
                    Path source = Path.of(archive + "!/" + entry.getName());
                    String text = TextReader.decode(source, tar);
                    reviews.add(new Review(label, idOf(parts[n - 1]), parts[n - 1], source, text));
                }
            } catch (CorpusFormatException e) {
                throw e;
            } catch (IOException | IllegalArgumentException e) {
                throw new CorpusFormatException(
                        archive, "not a readable .tar.gz archive: " + e.getMessage());
            }
        }
        if (!labelsSeen.containsAll(LABELS)) {
            throw new CorpusFormatException(
                    archive,
                    "expected entries under '"
                            + split
                            + "/pos/' and '"
                            + split
                            + "/neg/', such as 'aclImdb/"
                            + split
                            + "/pos/0_9.txt'");
        }
        return reviews;
    }

    private static String trimSlashes(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '/') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '/') {
            end--;
        }
        return name.substring(start, end);
    }

    /** Returns the number before the first {@code _} (or {@code .}), or Long.MAX_VALUE. */
    private static long idOf(String name) {
        int end = 0;
        while (end < name.length() && end < 18 && isAsciiDigit(name.charAt(end))) {
            end++;
        }
        boolean delimited =
                end > 0
                        && end < name.length()
                        && (name.charAt(end) == '_' || name.charAt(end) == '.');
        return delimited ? Long.parseLong(name.substring(0, end)) : Long.MAX_VALUE;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
