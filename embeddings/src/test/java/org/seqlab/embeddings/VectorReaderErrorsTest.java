package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorReaderErrorsTest {

    @TempDir Path dir;

    private VectorFormatException fails(Path file) {
        return assertThrows(VectorFormatException.class, () -> VectorReader.read(file));
    }

    private VectorFormatException failsText(String name, String content) throws IOException {
        return fails(Fixtures.text(dir, name, content));
    }

    @Test
    void lineWithTooFewValues() throws Exception {
        VectorFormatException e = failsText("few.txt", "a 1 2 3\nb 1 2 3\nc 1 2\n");
        assertEquals(dir.resolve("few.txt") + ":3: expected 3 values, found 2", e.getMessage());
        assertEquals(dir.resolve("few.txt"), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void lineWithTooManyValues() throws Exception {
        VectorFormatException glove = failsText("many.txt", "a 1 2 3\nb 1 2 3 4\n");
        assertEquals(
                dir.resolve("many.txt") + ":2: expected 3 values, found 4", glove.getMessage());
        VectorFormatException w2v = failsText("many.vec", "2 3\na 1 2 3\nb x 1 2 3\n");
        assertEquals(dir.resolve("many.vec") + ":3: expected 3 values, found 4", w2v.getMessage());
    }

    @Test
    void hundredDimensionalLineWithNinetyNineValues() throws Exception {
        String row = " 0.5".repeat(100);
        String content = "the" + row + "\nof" + row + "\nand" + " 0.5".repeat(99) + "\n";
        VectorFormatException e = failsText("glove.100d.txt.gz", content);
        assertEquals(
                dir.resolve("glove.100d.txt.gz") + ":3: expected 100 values, found 99",
                e.getMessage());
    }

    @Test
    void notANumberNamesLineAndCharacterColumn() throws Exception {
        VectorFormatException e = failsText("nan.txt", "a 1 2 3\nb 1 abc 3\n");
        assertEquals(dir.resolve("nan.txt") + ":2:5: not a number: \"abc\"", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        VectorFormatException wide = failsText("wide.txt", "a 1 2 3\nébè 1 2 3,5\n");
        assertEquals(dir.resolve("wide.txt") + ":2:9: not a number: \"3,5\"", wide.getMessage());
        VectorFormatException w2v = failsText("w.txt", "2 2\na 1 2\nb 1e 2\n");
        assertEquals(dir.resolve("w.txt") + ":3:3: not a number: \"1e\"", w2v.getMessage());
    }

    @Test
    void emptyFilesAreErrors() throws Exception {
        for (String name : new String[] {"empty.txt", "empty.txt.gz", "blank.vec"}) {
            String content = name.startsWith("blank") ? "\n  \n\r\n" : "";
            VectorFormatException e = failsText(name, content);
            assertEquals(dir.resolve(name) + ": empty file, no word vectors", e.getMessage());
            assertEquals(0, e.line());
        }
        VectorFormatException bin = fails(Fixtures.bytes(dir, "empty.bin", new byte[0]));
        assertEquals(
                dir.resolve("empty.bin") + ": byte 0: empty file, no word vectors",
                bin.getMessage());
        VectorFormatException zip = failsText("empty.zip", "");
        assertTrue(zip.getMessage().startsWith(dir.resolve("empty.zip") + ": empty file"));
    }

    @Test
    void textHeaderCountMustMatchTheData() throws Exception {
        VectorFormatException more = failsText("more.txt", "3 2\na 1 2\nb 3 4\n");
        assertEquals(
                dir.resolve("more.txt") + ":1: header says 3 words, found 2", more.getMessage());
        VectorFormatException fewer = failsText("fewer.txt", "1 2\na 1 2\nb 3 4\n");
        assertEquals(
                dir.resolve("fewer.txt") + ":3: header says 1 words, but the file has more",
                fewer.getMessage());
        VectorFormatException zero = failsText("zero.txt", "0 300\n");
        assertEquals(
                dir.resolve("zero.txt") + ":1: header declares no word vectors", zero.getMessage());
        VectorFormatException bad = failsText("bad.vec", "30\nx 1\n");
        assertTrue(bad.getMessage().startsWith(dir.resolve("bad.vec") + ":1: expected a header"));
    }

    @Test
    void binaryHeaderCountMustMatchTheData() throws Exception {
        Fixtures.Binary b = new Fixtures.Binary().header(30, 2);
        for (int i = 0; i < 29; i++) {
            b.word("w" + i, i, -i).newline();
        }
        VectorFormatException more = fails(Fixtures.bytes(dir, "more.bin", b.toBytes()));
        assertEquals(
                dir.resolve("more.bin")
                        + ": byte "
                        + b.length()
                        + ": truncated: header says 30 words, found 29",
                more.getMessage());
        Fixtures.Binary extra = new Fixtures.Binary().header(1, 2).word("a", 1, 2).newline();
        int at = extra.length();
        extra.word("b", 3, 4);
        VectorFormatException fewer = fails(Fixtures.bytes(dir, "fewer.bin", extra.toBytes()));
        assertEquals(
                dir.resolve("fewer.bin")
                        + ": byte "
                        + at
                        + ": header says 1 words, but the file has more data",
                fewer.getMessage());
    }

    @Test
    void truncatedBinaryNamesTheByteOffset() throws Exception {
        byte[] whole =
                new Fixtures.Binary()
                        .header(2, 3)
                        .word("a", 1, 2, 3)
                        .newline()
                        .word("b", 4, 5, 6)
                        .toBytes();
        // header "2 3\n" = 4 bytes, "a " = 2, 12 bytes, "\n", "b " -> the vector of b at 21.
        byte[] cut = Arrays.copyOf(whole, 26);
        VectorFormatException e = fails(Fixtures.bytes(dir, "cut.bin.gz", cut));
        assertEquals(
                dir.resolve("cut.bin.gz")
                        + ": byte 21: truncated: the vector of \"b\" needs 12 bytes, found 5",
                e.getMessage());
        assertEquals(21, e.byteOffset());
        assertEquals(0, e.line());
        VectorFormatException inWord =
                fails(Fixtures.bytes(dir, "word.bin", Arrays.copyOf(whole, 20)));
        assertEquals(
                dir.resolve("word.bin") + ": byte 19: truncated: a word without its vector",
                inWord.getMessage());
    }

    @Test
    void nonUtf8WordInBinaryNamesTheByte() throws Exception {
        byte[] bad = {'b', (byte) 0xC3, 'x'};
        byte[] data =
                new Fixtures.Binary().header(2, 1).word("a", 1).newline().word(bad, 2).toBytes();
        // "2 1\n" 4 + "a " 2 + 4 + "\n" 1 = 11: "b" at 11, the bad lead byte at 12.
        VectorFormatException e = fails(Fixtures.bytes(dir, "utf.bin", data));
        assertEquals(
                dir.resolve("utf.bin") + ": byte 12: word is not valid UTF-8 (byte 0xC3)",
                e.getMessage());
        assertEquals(12, e.byteOffset());
    }

    @Test
    void truncatedGzipIsAFormatError() throws Exception {
        Path good = Fixtures.text(dir, "v.txt.gz", "a 1 2\nb 3 4\n".repeat(1000));
        byte[] gz = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.txt.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 10));
        VectorFormatException e = fails(cut);
        assertTrue(e.getMessage().startsWith(cut + ": byte "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt compressed data"));
    }

    @Test
    void zipWithoutTextMemberIsAnError() throws Exception {
        Path zip = dir.resolve("nothing.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("vectors.bin"));
            out.write("x".getBytes(StandardCharsets.US_ASCII));
        }
        VectorFormatException e = fails(zip);
        assertEquals(zip + ": the zip archive has no .txt member", e.getMessage());
        assertThrows(VectorFormatException.class, () -> VectorReader.detect(zip));
    }
}
