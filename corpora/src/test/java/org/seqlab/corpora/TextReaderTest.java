package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {
    private static final String MULTIBYTE = "héllo wörld\nnaïve € 日本語 😀\n";

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path writeGzip(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsMultibyteUtf8() throws IOException {
        assertEquals(MULTIBYTE, TextReader.read(write("a.txt", utf8(MULTIBYTE))));
    }

    @Test
    void readsMultibyteCharactersAcrossChunkBoundaries() throws IOException {
        String text = "aé€😀\n".repeat(50_000); // ~550 KB, many 64 KiB chunk boundaries
        assertEquals(text, TextReader.read(write("big.txt", utf8(text))));
    }

    @Test
    void gunzipsGzFiles() throws IOException {
        assertEquals(MULTIBYTE, TextReader.read(writeGzip("a.txt.gz", utf8(MULTIBYTE))));
    }

    @Test
    void skipsByteOrderMark() throws IOException {
        byte[] body = utf8("abc\n");
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertEquals("abc\n", TextReader.read(write("bom.txt", bytes)));
    }

    @Test
    void reportsOffsetAndLineOfInvalidUtf8() throws IOException {
        Path file = write("bad.txt", new byte[] {0x61, 0x0A, 0x62, (byte) 0xFF, 0x63});
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> TextReader.read(file));
        assertEquals(file + ": invalid UTF-8 at byte 3 (line 2)", e.getMessage());
        assertTrue(e.getMessage().contains("bad.txt"));
        assertEquals(file, e.file());
    }

    @Test
    void reportsOffsetOfInvalidUtf8PastFirstChunk() throws IOException {
        byte[] bytes = utf8("x\n".repeat(100_000) + "y");
        bytes[150_001] = (byte) 0xC3; // a lead byte followed by '\n' is malformed
        Path file = write("late.txt", bytes);
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> TextReader.read(file));
        assertTrue(
                e.getMessage().endsWith("invalid UTF-8 at byte 150001 (line 75001)"),
                e.getMessage());
    }

    @Test
    void reportsTruncatedSequenceAtEnd() throws IOException {
        Path file = write("cut.txt", new byte[] {0x61, (byte) 0xE2, (byte) 0x82});
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> TextReader.read(file));
        assertTrue(e.getMessage().endsWith("invalid UTF-8 at byte 1 (line 1)"), e.getMessage());
    }

    @Test
    void rejectsEmptyAndBlankFiles() throws IOException {
        for (Path file :
                new Path[] {
                    write("empty.txt", new byte[0]),
                    write("blank.txt", utf8(" \n\t\r\n")),
                    write("bomonly.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                    writeGzip("empty.txt.gz", new byte[0])
                }) {
            CorpusFormatException e =
                    assertThrows(CorpusFormatException.class, () -> TextReader.read(file));
            assertEquals(file + ": the file is empty", e.getMessage());
        }
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        Path file = write("corrupt.txt.gz", new byte[] {0x1f, (byte) 0x8b, 'x', 'y', 'z'});
        assertThrows(CorpusFormatException.class, () -> TextReader.read(file));
    }

    @Test
    void gzipIsRecognizedByItsContentNotItsName() throws IOException {
        assertEquals("plain text", TextReader.read(write("plain.txt.gz", utf8("plain text"))));
        assertEquals(MULTIBYTE, TextReader.read(writeGzip("packed.txt", utf8(MULTIBYTE))));
    }

    @Test
    void missingFileThrowsNoSuchFile() {
        Path file = dir.resolve("missing.txt");
        assertThrows(NoSuchFileException.class, () -> TextReader.read(file));
        assertThrows(NoSuchFileException.class, () -> TextReader.sha256(file));
    }

    @Test
    void sha256OfFileMatchesKnownDigest() throws IOException {
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                TextReader.sha256(write("abc.txt", utf8("abc"))));
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                TextReader.sha256(write("empty.bin", new byte[0])));
    }

    @Test
    void sha256OfIdsHashesBigEndianInts() throws IOException {
        // 0x61626364 is "abcd" in big-endian bytes.
        Path abcd = write("abcd.bin", utf8("abcd"));
        assertEquals(TextReader.sha256(abcd), TextReader.sha256(new int[] {0x61626364}));
        int[] many = new int[40_000]; // spans several internal chunks
        byte[] bytes = new byte[many.length * 4];
        for (int i = 0; i < many.length; i++) {
            many[i] = i * -1_640_531_535; // both signs, all byte values
            bytes[4 * i] = (byte) (many[i] >>> 24);
            bytes[4 * i + 1] = (byte) (many[i] >>> 16);
            bytes[4 * i + 2] = (byte) (many[i] >>> 8);
            bytes[4 * i + 3] = (byte) many[i];
        }
        assertEquals(TextReader.sha256(write("many.bin", bytes)), TextReader.sha256(many));
        assertNotEquals(TextReader.sha256(new int[] {1, 2}), TextReader.sha256(new int[] {2, 1}));
    }
}
