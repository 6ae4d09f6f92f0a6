package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggedReaderTest {
    private static final Path NAME = Path.of("t.conllu");
    private static final TaggedReadOptions CONLLU = TaggedReadOptions.defaults(TaggedFormat.CONLLU);
    private static final TaggedReadOptions CONLL = TaggedReadOptions.defaults(TaggedFormat.CONLL);

    @TempDir Path dir;

    private static TaggedCorpus read(String text, TaggedReadOptions options) throws IOException {
        return TaggedReader.read(new BufferedReader(new StringReader(text)), NAME, options);
    }

    private static String bad(String text, TaggedReadOptions options) {
        return assertThrows(CorpusFormatException.class, () -> read(text, options)).getMessage();
    }

    /** A CoNLL-U word line with the given ID, form, UPOS and XPOS. */
    private static String w(String id, String form, String upos, String xpos) {
        return id
                + "\t"
                + form
                + "\t"
                + form.toLowerCase()
                + "\t"
                + upos
                + "\t"
                + xpos
                + "\t_\t0\troot\t_\t_\n";
    }

    private static final String EWT =
            "# sent_id = 1\n"
                    + "# text = I don't know.\n"
                    + w("1", "I", "PRON", "PRP")
                    + w("2-3", "don't", "_", "_")
                    + w("2", "do", "AUX", "VBP")
                    + w("3", "n't", "PART", "RB")
                    + w("4", "know", "VERB", "VB")
                    + w("4.1", "knows", "VERB", "VB")
                    + w("5", ".", "PUNCT", ".")
                    + "\n\n"
                    + "# sent_id = 2\n"
                    + w("1", "Hi", "INTJ", "UH");

    @Test
    void readsConlluWithMultiWordTokensAndEmptyNodes() throws IOException {
        TaggedCorpus corpus = read(EWT, CONLLU);
        assertEquals(2, corpus.sentences().size());
        TaggedSentence first = corpus.sentences().get(0);
        assertEquals(List.of("I", "do", "n't", "know", "."), first.words());
        assertEquals(List.of("PRON", "AUX", "PART", "VERB", "PUNCT"), first.tags());
        assertEquals(List.of(new MultiWordToken(1, 2, "don't")), first.multiWordTokens());
        assertEquals(3, first.line());
        TaggedSentence last = corpus.sentences().get(1);
        assertEquals(List.of("Hi"), last.words());
        assertEquals(13, last.line());
        assertEquals(6, corpus.tokens());
        assertEquals(List.of("AUX", "INTJ", "PART", "PRON", "PUNCT", "VERB"), corpus.tagSet());
        assertEquals(0, corpus.skipped());
    }

    @Test
    void readsXposOrAColumnNumber() throws IOException {
        TaggedCorpus xpos = read(EWT, CONLLU.withColumn("XPOS"));
        assertEquals(List.of("PRP", "VBP", "RB", "VB", "."), xpos.sentences().get(0).tags());
        TaggedCorpus lemma = read(EWT, CONLLU.withColumn("3"));
        assertEquals(List.of("i", "do", "n't", "know", "."), lemma.sentences().get(0).tags());
    }

    @Test
    void readsGzipFilesByMagicAndRejectsBadUtf8WithTheLine() throws IOException {
        Path gz = dir.resolve("ud.txt");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(EWT.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, TaggedReader.read(gz, CONLLU).sentences().size());
        Path broken = dir.resolve("bad.conll");
        Files.write(broken, new byte[] {'a', '\t', 'O', '\n', 'b', (byte) 0xff, '\t', 'O', '\n'});
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> TaggedReader.read(broken, CONLL));
        assertEquals(broken + ": invalid UTF-8 at byte 5 (line 2)", e.getMessage());
    }

    @Test
    void conlluErrorsNameTheFileAndLine() {
        assertEquals(
                "t.conllu:2: expected 10 tab-separated columns, found 3",
                bad(w("1", "a", "X", "X") + "2\tb\tc\n", CONLLU));
        assertEquals(
                "t.conllu:3: word ID 4 is not consecutive: expected 3",
                bad(w("1", "a", "X", "X") + w("2", "b", "X", "X") + w("4", "c", "X", "X"), CONLLU));
        assertEquals(
                "t.conllu:1: word ID 2 is not consecutive: expected 1",
                bad(w("2", "a", "X", "X"), CONLLU));
        assertEquals("t.conllu:1: bad word ID 'x'", bad(w("x", "a", "X", "X"), CONLLU));
        assertEquals(
                "t.conllu:2: word 2 has no tag in XPOS (column 5): '_'",
                bad(w("1", "a", "X", "X") + w("2", "b", "X", "_"), CONLLU.withColumn("xpos")));
        assertEquals(
                "t.conllu:1: multi-word token 1-2 reaches past the last word ID 1",
                bad(w("1-2", "ab", "_", "_") + w("1", "a", "X", "X") + "\n", CONLLU));
        assertEquals(
                "t.conllu:2: multi-word token 3-4 must start at the next word ID 2",
                bad(w("1", "a", "X", "X") + w("3-4", "ab", "_", "_"), CONLLU));
    }

    @Test
    void emptyInputIsAnError() {
        assertEquals("t.conllu: no sentences (the file is empty)", bad("", CONLLU));
        assertEquals("t.conllu: no sentences (the file is empty)", bad("", CONLL));
        assertEquals(
                "t.conllu: no sentences (only blank and comment lines)",
                bad("# c\n\n\t\n", CONLLU));
    }

    @Test
    void skipBadDropsWholeSentencesAndCountsThem() throws IOException {
        String text =
                w("1", "a", "X", "X")
                        + w("3", "b", "X", "X")
                        + w("4", "c", "X", "X")
                        + "\n"
                        + w("1", "ok", "Y", "Y")
                        + "\n"
                        + w("1", "d", "_", "_");
        TaggedCorpus corpus = read(text, CONLLU.withSkipBad(true));
        assertEquals(1, corpus.sentences().size());
        assertEquals(List.of("ok"), corpus.sentences().get(0).words());
        assertEquals(5, corpus.sentences().get(0).line());
        assertEquals(2, corpus.skipped());
        assertEquals(
                List.of(
                        "t.conllu:2: word ID 3 is not consecutive: expected 2",
                        "t.conllu:7: word 1 has no tag in UPOS (column 4): '_'"),
                corpus.problems());
        assertEquals(
                "t.conllu: no sentences (1 bad sentence skipped)",
                bad(w("1", "d", "_", "_"), CONLLU.withSkipBad(true)));
    }

    @Test
    void columnFilesSplitAtLoneTabLinesAndKeepHashtags() throws IOException {
        String wnut =
                "@paulwalk\tO\nEmpire\tB-location\nState\tI-location\n\t\n"
                        + "#\tO\n#NFL\tB-group\n#fail\tO\n\t\n\t\n"
                        + "# a comment line\nlast\tO";
        TaggedCorpus corpus = read(wnut, CONLL);
        assertEquals(3, corpus.sentences().size());
        assertEquals(List.of("@paulwalk", "Empire", "State"), corpus.sentences().get(0).words());
        assertEquals(List.of("O", "B-location", "I-location"), corpus.sentences().get(0).tags());
        assertEquals(List.of("#", "#NFL", "#fail"), corpus.sentences().get(1).words());
        assertEquals(5, corpus.sentences().get(1).line());
        assertEquals(List.of("last"), corpus.sentences().get(2).words());
        assertEquals(11, corpus.sentences().get(2).line());
        assertTrue(corpus.sentences().get(0).multiWordTokens().isEmpty());
    }

    @Test
    void columnFilesWithSpacesDocstartAndChosenColumns() throws IOException {
        String conll2003 =
                "-DOCSTART- -X- -X- O\n\n"
                        + "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n"
                        + "-DOCSTART- -X- -X- O\n"
                        + "Peter  NNP B-NP B-PER\n";
        TaggedCorpus ner = read(conll2003, CONLL);
        assertEquals(2, ner.sentences().size());
        assertEquals(List.of("B-ORG", "O"), ner.sentences().get(0).tags());
        assertEquals(3, ner.sentences().get(0).line());
        assertEquals(List.of("B-PER"), ner.sentences().get(1).tags());
        TaggedCorpus pos = read(conll2003, CONLL.withColumn("1"));
        assertEquals(List.of("NNP", "VBZ"), pos.sentences().get(0).tags());
        TaggedCorpus reversed = read("O\tx\nB-X\ty\n", CONLL.withTokenColumn(1).withColumn("0"));
        assertEquals(List.of("x", "y"), reversed.sentences().get(0).words());
        assertEquals(List.of("O", "B-X"), reversed.sentences().get(0).tags());
    }

    @Test
    void columnFileErrorsNameTheFileAndLine() {
        assertEquals(
                "t.conllu:2: expected 2 columns as on line 1, found 3",
                bad("a\tO\nb\tO\textra\n", CONLL));
        assertEquals(
                "t.conllu:1: expected 2 columns (token in column 0, tag in the last column,"
                        + " counting from 0), found 1",
                bad("lonely\n", CONLL));
        assertEquals(
                "t.conllu:2: the tag (column 1) is empty",
                bad("a\tNN\tO\nb\t\tO\n", CONLL.withColumn("1")));
        assertEquals("t.conllu:1: the token (column 0) is empty", bad("\tO\n", CONLL));
    }

    @Test
    void optionsParseAndValidate() {
        assertEquals(TaggedFormat.CONLLU, TaggedFormat.parse("CoNLL-U".replace("-", "")));
        assertEquals(TaggedFormat.CONLL, TaggedFormat.parse("conll"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TaggedFormat.parse("iob"));
        assertEquals(
                "Unknown tagged corpus format 'iob': expected one of conllu, conll.",
                e.getMessage());
        assertEquals("upos", CONLLU.column());
        assertEquals("last", CONLL.column());
        assertThrows(IllegalArgumentException.class, () -> CONLLU.withColumn("lemma"));
        assertThrows(IllegalArgumentException.class, () -> CONLLU.withColumn("11"));
        assertThrows(IllegalArgumentException.class, () -> CONLL.withColumn("-1"));
        assertThrows(IllegalArgumentException.class, () -> CONLL.withColumn("0"));
        assertThrows(IllegalArgumentException.class, () -> CONLL.withTokenColumn(-1));
    }

    @Test
    void sentenceChecksItsParts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TaggedSentence(List.of("a", "b"), List.of("O")));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new TaggedSentence(
                                List.of("a", "b"),
                                List.of("O", "O"),
                                List.of(new MultiWordToken(1, 2, "bc")),
                                1));
        assertThrows(IllegalArgumentException.class, () -> new MultiWordToken(1, 1, "x"));
        assertEquals(2, new TaggedSentence(List.of("a", "b"), List.of("O", "O")).size());
    }
}
