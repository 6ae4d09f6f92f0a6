package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BpeFileTest {

    @TempDir Path dir;

    @Test
    void saveThenLoadGivesIdenticalEncodings() throws IOException {
        BpeTokenizer learned = BpeTokenizer.learn(BpeTokenizerTest.CORPUS, 80);
        Path file = dir.resolve("merges.txt");
        learned.save(file);
        BpeTokenizer loaded = BpeTokenizer.load(file);
        assertEquals(learned.mergeCount(), loaded.mergeCount());
        assertEquals(learned.vocabularySize(), loaded.vocabularySize());
        for (int id = 0; id < learned.vocabularySize(); id++) {
            assertEquals(learned.piece(id), loaded.piece(id));
        }
        SplittableRandom random = new SplittableRandom(7L);
        for (int n = 0; n < 500; n++) {
            String text = BpeTokenizerTest.randomText(random);
            assertArrayEquals(learned.encode(text), loaded.encode(text));
            assertEquals(learned.tokenize(text), loaded.tokenize(text));
        }
        assertArrayEquals(
                learned.encode(BpeTokenizerTest.CORPUS), loaded.encode(BpeTokenizerTest.CORPUS));
    }

    @Test
    void savedFileHasHeaderAndEscapedPieces() throws IOException {
        String corpus = "x \\\\ \\\\ a a\n\n\n\n\t\t\t\t\r\n\r\n";
        BpeTokenizer bpe = BpeTokenizer.learn(corpus, 20);
        Path file = dir.resolve("sub").resolve("escapes.txt");
        bpe.save(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("#seqlab-bpe v1 merges=" + bpe.mergeCount(), lines.get(0));
        assertEquals(bpe.mergeCount() + 1, lines.size());
        for (String expected : List.of("\\s a", "\\s \\\\", "\\n \\n", "\\t \\t", "\\r \\n")) {
            assertTrue(lines.contains(expected), () -> expected + " in " + lines);
        }
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(1, line.chars().filter(c -> c == ' ').count(), line);
        }
        BpeTokenizer loaded = BpeTokenizer.load(file);
        assertArrayEquals(bpe.encode(corpus), loaded.encode(corpus));
        assertEquals(corpus, loaded.decode(loaded.encode(corpus)));
    }

    @Test
    void tokenizerWithoutMergesSavesAndLoads() throws IOException {
        Path file = dir.resolve("empty.txt");
        BpeTokenizer.learn("", 5).save(file);
        assertEquals("#seqlab-bpe v1 merges=0\n", Files.readString(file));
        BpeTokenizer loaded = BpeTokenizer.load(file);
        assertEquals(256, loaded.vocabularySize());
        assertEquals("héllo", loaded.decode(loaded.encode("héllo")));
    }

    @Test
    void handWrittenFileLoads() throws IOException {
        Path file = write("#seqlab-bpe v1 merges=3\n\\s h\n\\sh é\r\n☃ ☃\n");
        BpeTokenizer bpe = BpeTokenizer.load(file);
        assertEquals(3, bpe.mergeCount());
        assertEquals(256 + 2 + 3, bpe.vocabularySize());
        assertEquals(List.of(" hé", "☃☃"), pieces(bpe, bpe.encode(" hé☃☃")));
        assertEquals(List.of("h", "é", "<0xC3>", "<0xB8>"), pieces(bpe, bpe.encode("héø")));
    }

    private static List<String> pieces(BpeTokenizer bpe, int[] ids) {
        return java.util.Arrays.stream(ids).mapToObj(bpe::piece).toList();
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("", 1, "empty file"),
                Arguments.of("#seqlab-vocab v1 merges=0\n", 1, "bad header"),
                Arguments.of("#seqlab-bpe v1 0\n", 1, "bad header"),
                Arguments.of("#seqlab-bpe v2 merges=0\n", 1, "unsupported format version"),
                Arguments.of("#seqlab-bpe v1 merges=-1\n", 1, "bad merge count"),
                Arguments.of("#seqlab-bpe v1 merges=x\n", 1, "bad merge count"),
                Arguments.of("#seqlab-bpe v1 merges=2\na b\nab\n", 3, "malformed merge"),
                Arguments.of("#seqlab-bpe v1 merges=1\na b c\n", 2, "malformed merge"),
                Arguments.of("#seqlab-bpe v1 merges=1\na  b\n", 2, "malformed merge"),
                Arguments.of("#seqlab-bpe v1 merges=2\na b\n\n", 3, "malformed merge"),
                Arguments.of("#seqlab-bpe v1 merges=1\na b \n", 2, "malformed merge"),
                Arguments.of(
                        "#seqlab-bpe v1 merges=1\na \\q\n", 2, "bad escape \"\\q\" at column 3"),
                Arguments.of(
                        "#seqlab-bpe v1 merges=1\na\\ b\n",
                        2,
                        "incomplete escape: backslash at the end of a piece, column 2"),
                Arguments.of("#seqlab-bpe v1 merges=1\na b\\\n", 2, "incomplete escape"),
                Arguments.of("#seqlab-bpe v1 merges=2\na b\nab cd\n", 3, "unknown piece \"cd\""),
                Arguments.of("#seqlab-bpe v1 merges=1\nab c\n", 2, "unknown piece \"ab\""),
                Arguments.of("#seqlab-bpe v1 merges=2\na b\na b\n", 3, "duplicate merge"),
                Arguments.of("#seqlab-bpe v1 merges=3\na b\nab c\n", 4, "declares 3 merges"),
                Arguments.of("#seqlab-bpe v1 merges=1\na b\nab c\n", 3, "more merges"),
                Arguments.of("#seqlab-bpe v1 merges=1\na\rb c\n", 2, "carriage return"));
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void malformedFilesAreRejectedWithFileAndLine(String content, int line, String detail)
            throws IOException {
        Path file = write(content);
        BpeFormatException e =
                assertThrows(BpeFormatException.class, () -> BpeTokenizer.load(file));
        assertEquals(file, e.file());
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void malformedUtf8IsRejectedWithItsLine() throws IOException {
        Path file = dir.resolve("bad-utf8.txt");
        byte[] head = "#seqlab-bpe v1 merges=2\na b\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = 'a';
        bytes[head.length + 1] = ' ';
        bytes[head.length + 2] = (byte) 0xC3;
        bytes[head.length + 3] = '\n';
        Files.write(file, bytes);
        BpeFormatException e =
                assertThrows(BpeFormatException.class, () -> BpeTokenizer.load(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3: malformed UTF-8"), e.getMessage());
    }

    @Test
    void missingFileIsAnIoExceptionButNotAFormatException() {
        IOException e =
                assertThrows(IOException.class, () -> BpeTokenizer.load(dir.resolve("none.txt")));
        assertTrue(!(e instanceof BpeFormatException));
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("merges.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
