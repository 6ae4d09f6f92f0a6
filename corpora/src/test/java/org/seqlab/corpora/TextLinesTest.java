package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {

    @TempDir Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<String> stdin(byte[] bytes) throws IOException {
        try (TextLines lines = TextLines.of(new ByteArrayInputStream(bytes), TextLines.STDIN)) {
            return lines.rest();
        }
    }

    @Test
    void splitsLinesDropsCarriageReturnsBeforeNewlinesAndTheByteOrderMark() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("é\r\n"));
        bytes = concat(bytes, utf8("b\n\n 😀 c\rd\n"), utf8("last"));
        assertEquals(
                List.of("é", "b", "", " 😀 c\rd", "last"), TextLines.readAll(write("a", bytes)));
        assertEquals(List.of("a", ""), stdin(utf8("a\n\n")));
        assertEquals(List.of(), TextLines.readAll(write("empty.txt", new byte[0])));
        assertEquals(List.of(), stdin(new byte[0]));
    }

    @Test
    void decodesMultibyteCharactersAcrossChunkBoundaries() throws IOException {
        String line = "aé€😀";
        String text = (line + "\n").repeat(50_000); // ~550 KB, many 64 KiB chunks
        List<String> lines = TextLines.readAll(write("big.txt", utf8(text)));
        assertEquals(50_000, lines.size());
        assertTrue(lines.stream().allMatch(line::equals));
        String longLine = "é😀".repeat(100_000);
        assertEquals(
                List.of(longLine, "x"),
                TextLines.readAll(write("long.txt", utf8(longLine + "\r\nx"))));
    }

    @Test
    void gunzipsByTheMagicBytesWhateverTheName() throws IOException {
        byte[] packed = gzip(utf8("héllo\nwörld\n"));
        assertEquals(List.of("héllo", "wörld"), TextLines.readAll(write("plain.txt", packed)));
        assertEquals(List.of("héllo", "wörld"), stdin(packed));
        assertEquals(List.of("plain"), TextLines.readAll(write("named.gz", utf8("plain\n"))));
    }

    @Test
    void invalidUtf8NamesTheFileTheByteAndTheLine() throws IOException {
        byte[] bytes = concat(utf8("ok\nbad "), new byte[] {(byte) 0xFF}, utf8(" here\n"));
        Path file = write("bad.txt", bytes);
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> TextLines.readAll(file));
        assertEquals(file + ": invalid UTF-8 at byte 7 (line 2)", e.getMessage());
        CorpusFormatException s = assertThrows(CorpusFormatException.class, () -> stdin(bytes));
        assertEquals("<stdin>: invalid UTF-8 at byte 7 (line 2)", s.getMessage());
        CorpusFormatException z =
                assertThrows(CorpusFormatException.class, () -> stdin(gzip(bytes)));
        assertEquals("<stdin>: invalid UTF-8 at byte 7 (line 2)", z.getMessage());
        try (TextLines lines = TextLines.open(file)) {
            assertEquals("ok", lines.next());
            assertThrows(CorpusFormatException.class, lines::next);
        }
    }

    @Test
    void badBytesFarIntoTheInputAndATruncatedLastCharacterAreLocated() throws IOException {
        String lines = "abcdefghi\n".repeat(10_000); // 100,000 bytes, over one chunk
        byte[] far = concat(utf8(lines), utf8("x"), new byte[] {(byte) 0xC3, 'y'});
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> stdin(far));
        assertEquals("<stdin>: invalid UTF-8 at byte 100001 (line 10001)", e.getMessage());
        byte[] truncated = concat(utf8("ab\ncd"), new byte[] {(byte) 0xE2, (byte) 0x82});
        CorpusFormatException t = assertThrows(CorpusFormatException.class, () -> stdin(truncated));
        assertEquals("<stdin>: invalid UTF-8 at byte 5 (line 2)", t.getMessage());
    }

    @Test
    void brokenGzipDataIsAFormatError() throws IOException {
        byte[] packed = gzip(utf8("some text\n".repeat(100)));
        byte[] cut = Arrays.copyOf(packed, packed.length / 2);
        CorpusFormatException e =
                assertThrows(
                        CorpusFormatException.class,
                        () -> TextLines.readAll(write("cut.txt", cut)));
        assertTrue(e.getMessage().startsWith(dir.resolve("cut.txt") + ": truncated gzip data"));
        byte[] header = {0x1f, (byte) 0x8b, 99};
        CorpusFormatException h = assertThrows(CorpusFormatException.class, () -> stdin(header));
        assertTrue(h.getMessage().startsWith("<stdin>: "), h.getMessage());
    }

    @Test
    void aLineIsReturnedBeforeTheRestOfTheInputArrives() throws IOException {
        InputStream pipe =
                new InputStream() {
                    private final InputStream first = new ByteArrayInputStream(utf8("one\n"));

                    @Override
                    public int read() throws IOException {
                        throw new AssertionError("single bytes are not read");
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = first.read(b, off, len);
                        if (n < 0) {
                            throw new IOException("the writer has not written more yet");
                        }
                        return n;
                    }
                };
        TextLines lines = TextLines.of(pipe, "pipe");
        assertEquals("one", lines.next());
        assertEquals(1, lines.lineNumber());
        assertThrows(IOException.class, lines::next);
    }

    @Test
    void closingAReaderOfAStreamLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        InputStream in =
                new ByteArrayInputStream(utf8("x")) {
                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                };
        try (TextLines lines = TextLines.of(in, "s")) {
            assertEquals("x", lines.next());
            assertNull(lines.next());
        }
        assertFalse(closed[0]);
    }

    @Test
    void aMissingFileOrADirectoryIsReported() {
        assertThrows(NoSuchFileException.class, () -> TextLines.open(dir.resolve("none.txt")));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> TextLines.open(dir));
        assertEquals(dir + ": is a directory, expected a file", e.getMessage());
    }
}
