package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelReaderTest {
    private static final ParallelReadOptions DEFAULTS = ParallelReadOptions.defaults();
    private static final String ATTRIBUTION =
            "CC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)";

    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeGzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static SentencePair pair(String source, String target, long line) {
        return new SentencePair(source, target, line);
    }

    private CorpusFormatException bad(Path file, ParallelReadOptions options) {
        return assertThrows(CorpusFormatException.class, () -> ParallelReader.read(file, options));
    }

    @Test
    void readsTwoColumnsStrippedWithLineNumbers() throws IOException {
        Path file = write("p.tsv", "Go.\tVa !\n  Run! \tCours\u202f!  \nHi.\tSalut.");
        ParallelCorpus corpus = ParallelReader.read(file);
        assertEquals(
                List.of(
                        pair("Go.", "Va !", 1),
                        pair("Run!", "Cours\u202f!", 2),
                        pair("Hi.", "Salut.", 3)),
                corpus.pairs());
        assertEquals(List.of("Go.", "Run!", "Hi."), corpus.sources());
        assertEquals(List.of("Va !", "Cours\u202f!", "Salut."), corpus.targets());
        assertEquals(3, corpus.read());
        assertEquals("3 pairs read, 3 kept", corpus.summary());
    }

    @Test
    void readsThreeColumnsIgnoringAttributionAndMixedWithTwo() throws IOException {
        Path file =
                write(
                        "fra.txt",
                        "Go.\tVa !\t" + ATTRIBUTION + "\nHi.\tSalut.\n" + "Wow!\tÇa alors !\t\n");
        ParallelCorpus corpus = ParallelReader.read(file);
        assertEquals(
                List.of(
                        pair("Go.", "Va !", 1),
                        pair("Hi.", "Salut.", 2),
                        pair("Wow!", "Ça alors !", 3)),
                corpus.pairs());
    }

    @Test
    void readsGzipByMagicBytesWhateverTheName() throws IOException {
        Path file = writeGzip("pairs.tsv", "Go.\tVa !\r\nHi.\tSalut.\r\n");
        ParallelCorpus corpus = ParallelReader.read(file);
        assertEquals(List.of(pair("Go.", "Va !", 1), pair("Hi.", "Salut.", 2)), corpus.pairs());
    }

    @Test
    void stripsCarriageReturnsIncludingOneOnTheLastLineWithoutNewline() throws IOException {
        Path file =
                write(
                        "crlf.tsv",
                        "Go.\tVa !\r\nHi.\tSalut.\t" + ATTRIBUTION + "\r\nOK.\tD'accord.\r");
        ParallelCorpus corpus = ParallelReader.read(file);
        assertEquals(List.of("Va !", "Salut.", "D'accord."), corpus.targets());
        assertEquals(List.of("Go.", "Hi.", "OK."), corpus.sources());
    }

    @Test
    void blankLinesAreIgnoredAndCounted() throws IOException {
        Path file = write("blank.tsv", "\nGo.\tVa !\n   \n\r\nHi.\tSalut.\n\n");
        ParallelCorpus corpus = ParallelReader.read(file);
        assertEquals(List.of(pair("Go.", "Va !", 2), pair("Hi.", "Salut.", 5)), corpus.pairs());
        assertEquals(4, corpus.blankLines());
        assertEquals(0, corpus.skippedBad());
        assertEquals("2 pairs read, 4 blank lines ignored, 2 kept", corpus.summary());
    }

    @Test
    void oneColumnIsAnErrorNamingFileAndLine() throws IOException {
        Path file = write("one.tsv", "Go.\tVa !\nHi. Salut.\n");
        CorpusFormatException e = bad(file, DEFAULTS);
        assertEquals(
                file
                        + ":2: expected 2 or 3 tab-separated columns (source, target[,"
                        + " attribution]), found 1",
                e.getMessage());
        assertEquals(file, e.file());
        assertEquals(2, e.line());
    }

    @Test
    void fourColumnsIsAnError() throws IOException {
        Path file = write("four.tsv", "Go.\tVa !\nHi.\tSalut.\tx\ty\n");
        CorpusFormatException e = bad(file, DEFAULTS);
        assertTrue(e.getMessage().startsWith(file + ":2: expected 2 or 3"), e.getMessage());
        assertTrue(e.getMessage().endsWith("found 4"), e.getMessage());
    }

    @Test
    void emptySideAfterStrippingIsAnErrorNamingTheFileColumnEvenWhenReversed() throws IOException {
        Path noSource = write("s.tsv", "Go.\tVa !\n  \tSalut.\n");
        assertEquals(
                noSource + ":2: the source (column 1) is empty",
                bad(noSource, DEFAULTS.withReverse(true)).getMessage());
        Path noTarget = write("t.tsv", "Go.\t \t" + ATTRIBUTION + "\n");
        assertEquals(
                noTarget + ":1: the target (column 2) is empty",
                bad(noTarget, DEFAULTS).getMessage());
        Path tabOnly = write("tab.tsv", "Go.\tVa !\n\t\n");
        assertEquals(
                tabOnly + ":2: the source (column 1) is empty",
                bad(tabOnly, DEFAULTS).getMessage());
    }

    @Test
    void skipBadSkipsAndCountsMalformedLines() throws IOException {
        Path file = write("mixed.tsv", "Go.\tVa !\nno tab\n\tempty\nHi.\tSalut.\na\tb\tc\td\n\n");
        ParallelCorpus corpus = ParallelReader.read(file, DEFAULTS.withSkipBad(true));
        assertEquals(List.of(pair("Go.", "Va !", 1), pair("Hi.", "Salut.", 4)), corpus.pairs());
        assertEquals(3, corpus.skippedBad());
        assertEquals(1, corpus.blankLines());
        assertEquals(
                "2 pairs read, 3 bad lines skipped, 1 blank line ignored, 2 kept",
                corpus.summary());
    }

    @Test
    void reverseSwapsSourceAndTarget() throws IOException {
        Path file = write("p.tsv", "Go.\tVa !\t" + ATTRIBUTION + "\nHi.\tSalut.\n");
        ParallelCorpus corpus = ParallelReader.read(file, DEFAULTS.withReverse(true));
        assertEquals(List.of(pair("Va !", "Go.", 1), pair("Salut.", "Hi.", 2)), corpus.pairs());
    }

    @Test
    void lengthFiltersDropAndCountPairs() throws IOException {
        Path file =
                write(
                        "len.tsv",
                        String.join(
                                "\n",
                                "Go.\tVa !", // 1 / 2 words
                                "I see.\tJe vois.", // 2 / 2
                                "I am very tired.\tJe suis très fatigué.", // 4 / 4
                                "This is a long one.\tC'est long.", // 5 / 2
                                "I know it.\tJe le sais bien, tu sais, vraiment.", // 3 / 7
                                "Tom ran.\tTom a couru vite." /* 2 / 4 */));
        // min 2, max 6, ratio 2: "Go." is too short, 7 words too long, 5 / 2 over the ratio;
        // 2 / 4 is exactly the ratio and stays.
        ParallelReadOptions options = DEFAULTS.withLengths(2, 6).withMaxLengthRatio(2);
        ParallelCorpus corpus = ParallelReader.read(file, options);
        assertEquals(List.of("I see.", "I am very tired.", "Tom ran."), corpus.sources());
        assertEquals(1, corpus.tooShort());
        assertEquals(1, corpus.tooLong());
        assertEquals(1, corpus.overRatio());
        assertEquals(List.of(2L, 3L, 6L), corpus.pairs().stream().map(SentencePair::line).toList());

        ParallelCorpus unfiltered = ParallelReader.read(file, DEFAULTS.withLengths(1, 0));
        assertEquals(6, unfiltered.kept());

        ParallelCorpus strict =
                ParallelReader.read(file, DEFAULTS.withLengths(2, 4).withMaxLengthRatio(1.5));
        assertEquals(List.of("I see.", "I am very tired."), strict.sources());
        assertEquals(1, strict.tooShort());
        assertEquals(2, strict.tooLong()); // 5 words, 7 words
        assertEquals(1, strict.overRatio()); // 2 / 4 words
        assertEquals(6, strict.read());
        assertEquals(
                "6 pairs read, 1 too short, 2 too long, 1 over the length ratio, 2 kept",
                strict.summary());
    }

    @Test
    void wordsAreRunsOfNonWhitespaceSoNoBreakSpacesJoin() {
        assertEquals(2, ParallelReader.words("Cours\u202f! vite"));
        assertEquals(3, ParallelReader.words(" a\t b  c "));
        assertEquals(0, ParallelReader.words(""));
    }

    @Test
    void dedupeKeepsTheFirstOfEqualPairsAfterReversal() throws IOException {
        Path file =
                write(
                        "dup.tsv",
                        "Go.\tVa !\nGo.\tVa !\t" + ATTRIBUTION + "\nGo.\tAllez !\n Go. \tVa !\n");
        ParallelCorpus all = ParallelReader.read(file);
        assertEquals(4, all.kept());
        ParallelCorpus unique =
                ParallelReader.read(file, DEFAULTS.withDedupe(true).withReverse(true));
        assertEquals(List.of(pair("Va !", "Go.", 1), pair("Allez !", "Go.", 3)), unique.pairs());
        assertEquals(2, unique.duplicates());
        assertEquals("4 pairs read, 2 duplicates removed, 2 kept", unique.summary());
    }

    @Test
    void duplicatesOfFilteredPairsAreCountedAsFilteredNotAsDuplicates() throws IOException {
        Path file = write("dup.tsv", "Go.\tVa !\nGo.\tVa !\nI see.\tJe vois.\n");
        ParallelCorpus corpus =
                ParallelReader.read(file, DEFAULTS.withDedupe(true).withLengths(2, 0));
        assertEquals(2, corpus.tooShort());
        assertEquals(0, corpus.duplicates());
        assertEquals(List.of(pair("I see.", "Je vois.", 3)), corpus.pairs());
    }

    @Test
    void invalidUtf8IsAnErrorWithByteAndLineEvenWithSkipBad() throws IOException {
        Path file = dir.resolve("latin1.tsv");
        byte[] good = "Go.\tVa !\nCaf".getBytes(StandardCharsets.UTF_8); // 12 bytes
        byte[] latin1 = {(byte) 0xE9, '\t', 'x', '\n'}; // Latin-1 "é", not UTF-8
        byte[] content = Arrays.copyOf(good, good.length + latin1.length);
        System.arraycopy(latin1, 0, content, good.length, latin1.length);
        Files.write(file, content);
        CorpusFormatException e = bad(file, DEFAULTS.withSkipBad(true));
        assertEquals(file + ": invalid UTF-8 at byte 12 (line 2)", e.getMessage());
    }

    @Test
    void fileWithoutPairsIsAnErrorNamingTheFile() throws IOException {
        Path empty = write("empty.tsv", "");
        assertEquals(
                empty + ": no sentence pairs (the file is empty)",
                bad(empty, DEFAULTS).getMessage());
        Path blank = write("blank.tsv", "\n  \n");
        assertEquals(
                blank + ": no sentence pairs (2 blank lines)", bad(blank, DEFAULTS).getMessage());
        Path allBad = write("bad.tsv", "one column\n");
        assertEquals(
                allBad + ": no sentence pairs (1 bad line skipped)",
                bad(allBad, DEFAULTS.withSkipBad(true)).getMessage());
        Path emptyGzip = writeGzip("empty.tsv.gz", "");
        assertTrue(bad(emptyGzip, DEFAULTS).getMessage().contains("no sentence pairs"));
    }

    @Test
    void filtersThatDropEveryPairGiveAnEmptyCorpusNotAnError() throws IOException {
        Path file = write("short.tsv", "Go.\tVa !\nHi.\tSalut.\n");
        ParallelCorpus corpus = ParallelReader.read(file, DEFAULTS.withLengths(3, 0));
        assertTrue(corpus.pairs().isEmpty());
        assertEquals("2 pairs read, 2 too short, 0 kept", corpus.summary());
    }

    @Test
    void missingFileAndDirectoryAreNamed() throws IOException {
        Path missing = dir.resolve("missing.tsv");
        assertEquals(
                missing.toString(),
                assertThrows(NoSuchFileException.class, () -> ParallelReader.read(missing))
                        .getMessage());
        FileSystemException e =
                assertThrows(FileSystemException.class, () -> ParallelReader.read(dir));
        assertEquals(dir + ": is a directory, expected a file", e.getMessage());
    }
}
