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
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.LabeledReader.ReadOptions;

class LabeledReaderTest {
    private static final ReadOptions SKIP_BAD = new ReadOptions(true, false, "train");
    private static final ReadOptions HEADER = new ReadOptions(false, true, "train");

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

    private static List<LabeledText> examples(String... textsAndLabels) {
        List<LabeledText> list = new java.util.ArrayList<>();
        for (int i = 0; i < textsAndLabels.length; i += 2) {
            list.add(new LabeledText(textsAndLabels[i], textsAndLabels[i + 1]));
        }
        return list;
    }

    @Test
    void readsJsonlInOrderWithLabelSet() throws IOException {
        Path file =
                write(
                        "reviews.jsonl",
                        "{\"text\": \"great film\", \"label\": \"pos\"}\n"
                                + "\n"
                                + "{\"label\": \"neg\", \"text\": \"dull, \\\"long\\\" é\"}\r\n"
                                + "{\"text\": \"fine\", \"label\": \"pos\", \"id\": 3}\n");
        LabeledCorpus corpus = LabeledReader.read(file);
        assertEquals(
                examples("great film", "pos", "dull, \"long\" é", "neg", "fine", "pos"),
                corpus.examples());
        assertEquals(List.of("neg", "pos"), corpus.labels());
        assertEquals(Map.of("neg", 1, "pos", 2), corpus.labelCounts());
        assertEquals(List.of("neg", "pos"), List.copyOf(corpus.labelCounts().keySet()));
        assertEquals(0, corpus.skipped());
    }

    @Test
    void readsGzippedJsonlWithNumericStarLabels() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            content.append("{\"text\": \"review ").append(i).append("\", \"label\": ");
            content.append(i % 5 + 1).append("}\n");
        }
        Path file = writeGzip("stars.jsonl.gz", content.toString());
        LabeledCorpus corpus =
                LabeledReader.read(file, LabeledFormat.JSONL, ReadOptions.defaults());
        assertEquals(10, corpus.size());
        assertEquals(List.of("1", "2", "3", "4", "5"), corpus.labels());
        assertEquals(new LabeledText("review 7", "3"), corpus.examples().get(7));
        corpus.labelCounts().values().forEach(count -> assertEquals(2, count));
    }

    @Test
    void badJsonlLineNamesFileAndLine() throws IOException {
        Path file =
                write(
                        "bad.jsonl",
                        "{\"text\": \"a\", \"label\": \"pos\"}\n\n{not json\n"
                                + "{\"label\": \"neg\"}\n[1, 2]\n{\"text\": \"b\"}\n"
                                + "{\"text\": \"c\", \"label\": \"neg\"}\n");
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () ->
                                LabeledReader.read(
                                        file, LabeledFormat.JSONL, ReadOptions.defaults()));
        assertEquals(file + ":3: not a JSON object", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(file, e.file());

        Path missing = write("missing.jsonl", "{\"label\": \"neg\"}\n");
        CorpusFormatException m =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(missing));
        assertEquals(missing + ":1: missing \"text\"", m.getMessage());

        LabeledCorpus corpus = LabeledReader.read(file, LabeledFormat.JSONL, SKIP_BAD);
        assertEquals(examples("a", "pos", "c", "neg"), corpus.examples());
        assertEquals(4, corpus.skipped());
    }

    @Test
    void readsTsvSplittingAtTheFirstTab() throws IOException {
        Path file = write("data.tsv", "pos\tgood\tand tabbed\n\n neg \tbad\r\n4\t\n");
        LabeledCorpus corpus = LabeledReader.read(file);
        assertEquals(examples("good\tand tabbed", "pos", "bad", "neg", "", "4"), corpus.examples());
        assertEquals(List.of("4", "neg", "pos"), corpus.labels());
    }

    @Test
    void tsvHeaderIsSkippedOnlyWhenAsked() throws IOException {
        Path file = writeGzip("data.tsv.gz", "label\ttext\npos\tgood\n");
        assertEquals(
                examples("good", "pos"),
                LabeledReader.read(file, LabeledFormat.TSV, HEADER).examples());
        assertEquals(
                examples("text", "label", "good", "pos"),
                LabeledReader.read(file, LabeledFormat.TSV, ReadOptions.defaults()).examples());
    }

    @Test
    void badTsvLineNamesFileAndLineOrIsSkipped() throws IOException {
        Path file = write("data.txt", "pos\tgood\nno separator here\n\tno label\nneg\tbad\n");
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(file));
        assertEquals(file + ":2: expected label<TAB>text", e.getMessage());
        LabeledCorpus corpus = LabeledReader.read(file, LabeledFormat.TSV, SKIP_BAD);
        assertEquals(examples("good", "pos", "bad", "neg"), corpus.examples());
        assertEquals(2, corpus.skipped());
    }

    @Test
    void readsCsvWithQuotedText() throws IOException {
        Path file =
                write(
                        "data.csv",
                        "label,text\n"
                                + "pos,\"Great, really \"\"great\"\" film\"\n"
                                + "neg,plain, with comma\n"
                                + "3,\"\"\n");
        LabeledCorpus corpus = LabeledReader.read(file, LabeledFormat.TSV, HEADER);
        assertEquals(
                examples(
                        "Great, really \"great\" film", "pos", "plain, with comma", "neg", "", "3"),
                corpus.examples());

        Path bad = write("bad.csv", "pos,\"unclosed\nneg,ok\n");
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () -> LabeledReader.read(bad, LabeledFormat.TSV, ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(bad + ":1: expected label,text"), e.getMessage());
    }

    @Test
    void emptyInputHasNoLabeledExamples() throws IOException {
        for (String name : List.of("empty.jsonl", "empty.tsv")) {
            Path file = write(name, "\n  \n");
            CorpusFormatException e =
                    assertThrows(CorpusFormatException.class, () -> LabeledReader.read(file));
            assertEquals(file + ": no labeled examples", e.getMessage());
        }
        Path allBad = write("bad.jsonl", "nope\n");
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () -> LabeledReader.read(allBad, LabeledFormat.JSONL, SKIP_BAD));
        assertEquals(allBad + ": no labeled examples", e.getMessage());
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.write(file, new byte[] {'p', 'o', 's', '\t', (byte) 0xC3, '\n'});
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.read(file));
        assertTrue(e.getMessage().contains("invalid UTF-8 at byte 4"), e.getMessage());
    }

    @Test
    void gzipIsRecognizedByItsMagicBytesNotOnlyByName() throws IOException {
        Path file = writeGzip("packed.jsonl", "{\"text\": \"fine\", \"label\": \"pos\"}\n");
        assertEquals(examples("fine", "pos"), LabeledReader.read(file).examples());
    }

    @Test
    void jsonlTextsNeedNoLabelAndAnEmptyFileHasNone() throws IOException {
        Path file =
                write(
                        "texts.jsonl",
                        "{\"text\": \"great film\"}\n\n"
                                + "{\"text\": \"dull\", \"label\": {\"any\": 1}}\r\n");
        assertEquals(List.of("great film", "dull"), LabeledReader.readJsonlTexts(file));
        assertEquals(List.of(), LabeledReader.readJsonlTexts(write("empty.jsonl", "")));
        Path bad = write("bad.jsonl", "{\"text\": \"ok\"}\n\n{\"label\": \"pos\"}\n");
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> LabeledReader.readJsonlTexts(bad));
        assertEquals(bad + ":3: missing \"text\"", e.getMessage());
        Path array = write("array.jsonl", "[1]\n");
        CorpusFormatException a =
                assertThrows(
                        CorpusFormatException.class, () -> LabeledReader.readJsonlTexts(array));
        assertEquals(array + ":1: not a JSON object", a.getMessage());
    }

    @Test
    void anUnexpectedLabelIsReportedAtItsFileAndLineAlsoInSplitParts() throws IOException {
        Path file =
                write(
                        "dev.jsonl",
                        "{\"text\": \"a\", \"label\": \"pos\"}\n\n"
                                + "{\"text\": \"b\", \"label\": \"meh\"}\n"
                                + "{\"text\": \"c\", \"label\": \"neg\"}\n"
                                + "{\"text\": \"d\", \"label\": \"neg\"}\n");
        LabeledCorpus corpus = LabeledReader.read(file);
        corpus.requireLabels(List.of("meh", "neg", "pos"), "the model's");
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () -> corpus.requireLabels(List.of("neg", "pos"), "the model's"));
        assertEquals(
                file + ":3: label 'meh' is not one of the model's labels [neg, pos]",
                e.getMessage());
        assertEquals(3, e.line());
        // The tail half of each label: dev holds lines 1, 3 and 5, train line 4.
        LabeledCorpus.DevSplit split = corpus.devTail(0.5);
        CorpusFormatException d =
                assertThrows(
                        CorpusFormatException.class,
                        () ->
                                split.dev()
                                        .requireLabels(
                                                List.of("pos", "meh"), "the training data's"));
        assertEquals(
                file + ":5: label 'neg' is not one of the training data's labels [pos, meh]",
                d.getMessage());
        CorpusFormatException t4 =
                assertThrows(
                        CorpusFormatException.class,
                        () -> split.train().requireLabels(List.of("pos"), "the model's"));
        assertEquals(4, t4.line());
        Path tsv = write("skip.tsv", "garbage\npos\tfine\n5\tstars\n");
        CorpusFormatException t =
                assertThrows(
                        CorpusFormatException.class,
                        () ->
                                LabeledReader.read(tsv, LabeledFormat.TSV, SKIP_BAD)
                                        .requireLabels(List.of("neg", "pos"), "the model's"));
        assertEquals(
                tsv + ":3: label '5' is not one of the model's labels [neg, pos]", t.getMessage());
    }

    @Test
    void optionsRejectUnknownSplit() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new ReadOptions(false, false, "dev"));
        assertTrue(e.getMessage().contains("'dev'"), e.getMessage());
        assertEquals(new ReadOptions(false, false, "train"), ReadOptions.defaults());
    }
}
