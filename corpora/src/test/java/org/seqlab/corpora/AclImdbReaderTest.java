package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.LabeledReader.ReadOptions;

class AclImdbReaderTest {
    private static final ReadOptions TEST = new ReadOptions(false, false, "test");

    @TempDir Path dir;
    private Path root;

    @BeforeEach
    void writeTree() throws IOException {
        root = dir.resolve("aclImdb");
        write("train/pos/10_8.txt", "ten is great");
        write("train/pos/2_9.txt", "two is wonderful <br /><br />Really.");
        write("train/pos/notes.md", "not a review");
        write("train/neg/7_1.txt", "seven is awful");
        write("train/neg/0_3.txt", "zero is poor – naïve");
        write("train/unsup/1_0.txt", "unlabeled");
        write("train/urls_pos.txt", "http://example.com");
        write("test/pos/0_10.txt", "test positive");
        write("test/neg/1_2.txt", "test negative");
        write("README", "readme");
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private Path tarGz(Path tree, String name) throws IOException {
        Path archive = dir.resolve(name);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(tree)) {
            paths = walk.sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar =
                        new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (Path path : paths) {
                String entryName = tree.getParent().relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    tar.putArchiveEntry(new TarArchiveEntry(entryName + "/"));
                } else {
                    byte[] bytes = Files.readAllBytes(path);
                    TarArchiveEntry entry = new TarArchiveEntry(entryName);
                    entry.setSize(bytes.length);
                    tar.putArchiveEntry(entry);
                    tar.write(bytes);
                }
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    private static List<LabeledText> expectedTrain() {
        return List.of(
                new LabeledText("zero is poor – naïve", "neg"),
                new LabeledText("seven is awful", "neg"),
                new LabeledText("two is wonderful <br /><br />Really.", "pos"),
                new LabeledText("ten is great", "pos"));
    }

    @Test
    void readsDirectorySortedByLabelThenNumericIdIgnoringUnsup() throws IOException {
        LabeledCorpus corpus = LabeledReader.read(root);
        assertEquals(expectedTrain(), corpus.examples());
        assertEquals(List.of("neg", "pos"), corpus.labels());
    }

    @Test
    void parentOfAclImdbWorksToo() throws IOException {
        assertEquals(
                LabeledReader.read(root),
                LabeledReader.read(dir, LabeledFormat.ACLIMDB, ReadOptions.defaults()));
    }

    @Test
    void readsTestSplit() throws IOException {
        LabeledCorpus corpus = LabeledReader.read(root, LabeledFormat.ACLIMDB, TEST);
        assertEquals(
                List.of(
                        new LabeledText("test negative", "neg"),
                        new LabeledText("test positive", "pos")),
                corpus.examples());
    }

    @Test
    void anUnexpectedLabelNamesTheReviewFileOrArchiveEntry() throws IOException {
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () ->
                                LabeledReader.read(root)
                                        .requireLabels(List.of("pos"), "the model's"));
        assertEquals(
                root.resolve("train/neg/0_3.txt")
                        + ": label 'neg' is not one of the model's labels [pos]",
                e.getMessage());
        Path archive = tarGz(root, "a.tar.gz");
        CorpusFormatException a =
                assertThrows(
                        CorpusFormatException.class,
                        () ->
                                LabeledReader.read(archive)
                                        .requireLabels(List.of("neg"), "the model's"));
        assertEquals(
                archive
                        + "!/aclImdb/train/pos/2_9.txt: label 'pos' is not one of the model's"
                        + " labels [neg]",
                a.getMessage());
    }

    @Test
    void archiveGivesTheSameCorpusAsDirectory() throws IOException {
        Path archive = tarGz(root, "aclImdb_v1.tar.gz");
        assertEquals(LabeledFormat.ACLIMDB, LabeledFormat.detect(archive));
        LabeledCorpus fromArchive = LabeledReader.read(archive);
        assertEquals(LabeledReader.read(root), fromArchive);
        assertEquals(expectedTrain(), fromArchive.examples());
        assertEquals(
                LabeledReader.read(root, LabeledFormat.ACLIMDB, TEST),
                LabeledReader.read(archive, LabeledFormat.ACLIMDB, TEST));
    }

    @Test
    void missingLabelDirectoryIsReported() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("train/pos"));
        Files.writeString(other.resolve("train/pos/1_9.txt"), "only positive");
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(other));
        assertEquals(
                other.resolve("train") + ": expected the label directories 'pos' and 'neg' in it",
                e.getMessage());

        Path archive = tarGz(other, "other.tgz");
        CorpusFormatException a =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(archive));
        assertTrue(a.getMessage().startsWith(archive + ": expected entries under"), a.getMessage());
    }

    @Test
    void missingSplitIsReported() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(empty));
        assertTrue(e.getMessage().startsWith(empty + ": expected an aclImdb tree"), e.getMessage());
    }

    @Test
    void emptyLabelDirectoriesHaveNoLabeledExamples() throws IOException {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty.resolve("train/pos"));
        Files.createDirectories(empty.resolve("train/neg"));
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(empty));
        assertEquals(empty + ": no labeled examples", e.getMessage());
    }

    @Test
    void invalidUtf8InArchiveNamesTheEntry() throws IOException {
        Path bad = dir.resolve("bad/aclImdb");
        Files.createDirectories(bad.resolve("train/neg"));
        Files.createDirectories(bad.resolve("train/pos"));
        Files.write(bad.resolve("train/pos/3_7.txt"), new byte[] {'o', 'k', (byte) 0xFF});
        Path archive = tarGz(bad, "bad.tar.gz");
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(archive));
        assertTrue(e.getMessage().contains("aclImdb/train/pos/3_7.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid UTF-8 at byte 2"), e.getMessage());
    }

    @Test
    void notAnArchiveIsReported() throws IOException {
        Path notGzip = dir.resolve("fake.tar.gz");
        Files.writeString(notGzip, "plain text");
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(notGzip));
        assertTrue(e.getMessage().startsWith(notGzip + ": not a readable"), e.getMessage());
    }
}
