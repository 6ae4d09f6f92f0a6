package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    @TempDir Path dir;

    private static final Map<String, Long> COUNTS =
            Map.of("the", 10L, "cat", 3L, "bat", 3L, "sat", 5L, "on", 1L, "mat", 2L);

    @Test
    void specialsHaveFixedIds() {
        Vocabulary v = Vocabulary.of(List.of());
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>"), Vocabulary.SPECIALS);
        assertEquals(Vocabulary.SPECIALS, v.tokens());
        assertEquals(0, v.id(Vocabulary.PAD));
        assertEquals(1, v.id(Vocabulary.UNK));
        assertEquals(2, v.id(Vocabulary.BOS));
        assertEquals(3, v.id(Vocabulary.EOS));
        assertEquals(Vocabulary.PAD_ID, v.id("<pad>"));
        assertEquals(Vocabulary.EOS_ID, v.id("<eos>"));
    }

    @Test
    void extendKeepsEveryIdAndAppendsTheNewTokensByCount() {
        Vocabulary base = Vocabulary.of(List.of("a", "b"));
        Vocabulary grown = base.extend(Map.of("b", 9L, "c", 2L, "d", 5L, "e", 1L, "<unk>", 7L), 2);
        assertEquals(
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "b", "d", "c"), grown.tokens());
        assertSame(base, base.extend(Map.of("a", 3L, "z", 1L), 2));
    }

    @Test
    void buildOrdersByCountThenToken() {
        Vocabulary v = Vocabulary.build(COUNTS, 1, 0);
        assertEquals(
                List.of(
                        "<pad>", "<unk>", "<bos>", "<eos>", "the", "sat", "bat", "cat", "mat",
                        "on"),
                v.tokens());
        assertEquals(10, v.size());
        assertEquals(4, v.id("the"));
        assertEquals("bat", v.token(6));
    }

    @Test
    void buildAppliesMinFrequencyAndMaxSize() {
        assertEquals(
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "sat", "bat", "cat"),
                Vocabulary.build(COUNTS, 3, 0).tokens());
        assertEquals(
                List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "sat", "bat"),
                Vocabulary.build(COUNTS, 1, 7).tokens());
        assertEquals(5, Vocabulary.build(COUNTS, 1, 5).size());
        assertEquals(4, Vocabulary.build(COUNTS, 100, -1).size());
    }

    @Test
    void buildDoesNotDuplicateSpecials() {
        Vocabulary v = Vocabulary.build(Map.of("<unk>", 50L, "<eos>", 9L, "a", 2L), 1, 0);
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a"), v.tokens());
    }

    @Test
    void buildRejectsBadArguments() {
        IllegalArgumentException minFreq =
                assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(COUNTS, 0, 0));
        assertTrue(minFreq.getMessage().contains("0"), minFreq.getMessage());
        IllegalArgumentException maxSize =
                assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(COUNTS, 1, 4));
        assertTrue(maxSize.getMessage().contains("4"), maxSize.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(COUNTS, 1, 1));
    }

    @Test
    void unknownTokensMapToUnk() {
        Vocabulary v = Vocabulary.of(List.of("a", "b"));
        assertEquals(Vocabulary.UNK_ID, v.id("zzz"));
        assertFalse(v.contains("zzz"));
        assertTrue(v.contains("a"));
        assertTrue(v.contains("<bos>"));
        assertArrayEquals(new int[] {4, 1, 5, 3}, v.encode(List.of("a", "?", "b", "<eos>")));
        assertEquals(List.of("a", "<unk>", "b"), v.decode(new int[] {4, 1, 5}));
    }

    @Test
    void tokenAndDecodeRejectIdsOutOfRange() {
        Vocabulary v = Vocabulary.of(List.of("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.token(5));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.token(-1));
        assertThrows(IllegalArgumentException.class, () -> v.decode(new int[] {0, 42}));
    }

    @Test
    void ofRejectsDuplicatesAndSpecials() {
        IllegalArgumentException dup =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Vocabulary.of(List.of("a", "b", "a")));
        assertTrue(dup.getMessage().contains("\"a\""), dup.getMessage());
        IllegalArgumentException special =
                assertThrows(
                        IllegalArgumentException.class, () -> Vocabulary.of(List.of("x", "<pad>")));
        assertTrue(special.getMessage().contains("<pad>"), special.getMessage());
    }

    @Test
    void tokensListIsUnmodifiable() {
        Vocabulary v = Vocabulary.of(List.of("a"));
        assertThrows(UnsupportedOperationException.class, () -> v.tokens().add("b"));
    }

    @Test
    void countsTokensAndStrings() {
        List<Token> tokens = WhitespaceTokenizer.INSTANCE.tokenize("a b a c a b");
        assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L), Vocabulary.count(tokens));
        assertEquals(Map.of("x", 2L, "y", 1L), Vocabulary.countStrings(List.of("x", "y", "x")));
    }

    @Test
    void equalityFollowsTokenList() {
        assertEquals(Vocabulary.of(List.of("a", "b")), Vocabulary.of(List.of("a", "b")));
        assertEquals(
                Vocabulary.of(List.of("a", "b")).hashCode(),
                Vocabulary.of(List.of("a", "b")).hashCode());
        assertNotEquals(Vocabulary.of(List.of("a", "b")), Vocabulary.of(List.of("b", "a")));
    }

    @Test
    void saveLoadRoundTripsAwkwardTokens() throws IOException {
        Vocabulary v =
                Vocabulary.of(
                        List.of("\n", "\t", " ", "\\", "\\n", "é", "😀", "\r", "a b", "#x", ""));
        Path file = dir.resolve("vocab.txt");
        v.save(file);
        Vocabulary loaded = Vocabulary.load(file);
        assertEquals(v, loaded);
        assertEquals(v.tokens(), loaded.tokens());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("#seqlab-vocab v1 15", lines.get(0));
        assertEquals("<pad>", lines.get(1));
        assertEquals("\\n", lines.get(5));
        assertEquals("\\\\n", lines.get(9));
    }

    @Test
    void saveReplacesExistingFileAndLeavesNoTempFiles() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Vocabulary.of(List.of("old")).save(file);
        Vocabulary.of(List.of("new", "tokens")).save(file);
        assertEquals(Vocabulary.of(List.of("new", "tokens")), Vocabulary.load(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private VocabularyFormatException loadFails(String content) throws IOException {
        return loadFails(content.getBytes(StandardCharsets.UTF_8));
    }

    private VocabularyFormatException loadFails(byte[] content) throws IOException {
        Path file = dir.resolve("bad-vocab.txt");
        Files.write(file, content);
        return assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
    }

    private static void assertLocation(VocabularyFormatException e, int line, String problem) {
        String message = e.getMessage();
        assertTrue(message.contains("bad-vocab.txt:" + line + ":"), message);
        assertTrue(message.contains(problem), message);
        assertEquals(line, e.line());
    }

    private static final String SPECIAL_LINES = "<pad>\n<unk>\n<bos>\n<eos>\n";

    @Test
    void loadRejectsEmptyFile() throws IOException {
        assertLocation(loadFails(""), 1, "empty file");
    }

    @Test
    void loadRejectsBadHeader() throws IOException {
        assertLocation(loadFails("<pad>\n<unk>\n<bos>\n<eos>\n"), 1, "bad header");
        assertLocation(loadFails("#seqlab-vocab v2 4\n" + SPECIAL_LINES), 1, "version");
        assertLocation(loadFails("#seqlab-vocab v1 four\n" + SPECIAL_LINES), 1, "bad size");
    }

    @Test
    void loadRejectsDuplicateToken() throws IOException {
        assertLocation(
                loadFails("#seqlab-vocab v1 7\n" + SPECIAL_LINES + "a\nb\na\n"),
                8,
                "duplicate token \"a\"");
    }

    @Test
    void loadRejectsBadEscape() throws IOException {
        assertLocation(
                loadFails("#seqlab-vocab v1 6\n" + SPECIAL_LINES + "ok\nb\\x\n"), 7, "bad escape");
        assertLocation(
                loadFails("#seqlab-vocab v1 5\n" + SPECIAL_LINES + "trailing\\\n"),
                6,
                "incomplete escape");
    }

    @Test
    void loadRejectsInvalidUtf8() throws IOException {
        byte[] head =
                ("#seqlab-vocab v1 6\n" + SPECIAL_LINES + "ok\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 3];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = 'x';
        content[head.length + 1] = (byte) 0xC3; // lead byte without continuation
        content[head.length + 2] = '\n';
        assertLocation(loadFails(content), 7, "malformed UTF-8");
    }

    @Test
    void loadRejectsSizeMismatch() throws IOException {
        assertLocation(loadFails("#seqlab-vocab v1 6\n" + SPECIAL_LINES + "a\n"), 7, "declares 6");
        assertLocation(
                loadFails("#seqlab-vocab v1 5\n" + SPECIAL_LINES + "a\nb\n"), 7, "more tokens");
    }

    @Test
    void loadRejectsWrongSpecials() throws IOException {
        assertLocation(
                loadFails("#seqlab-vocab v1 4\n<pad>\n<bos>\n<unk>\n<eos>\n"),
                3,
                "expected special token \"<unk>\"");
    }

    @Test
    void loadAcceptsCrlfLineEnds() throws IOException {
        Path file = dir.resolve("crlf.txt");
        Files.writeString(file, "#seqlab-vocab v1 5\r\n<pad>\r\n<unk>\r\n<bos>\r\n<eos>\r\nw\r\n");
        assertEquals(Vocabulary.of(List.of("w")), Vocabulary.load(file));
    }
}
