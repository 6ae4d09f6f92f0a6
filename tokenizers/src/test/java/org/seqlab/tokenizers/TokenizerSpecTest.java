package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerSpecTest {

    private static final TokenizerOptions SOME = new TokenizerOptions(true, false, true, 128);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "char",
                "whitespace",
                "standard",
                "english",
                "standard-html",
                "english-html",
                "opennlp"
            })
    void parsesPlainNames(String name) {
        assertEquals(
                new TokenizerSpec(name, TokenizerOptions.none(), null), TokenizerSpec.parse(name));
    }

    @Test
    void parsesBpeWithFile() {
        TokenizerSpec spec = TokenizerSpec.parse("bpe:models/lm/merges.txt");
        assertEquals("bpe", spec.name());
        assertEquals("models/lm/merges.txt", spec.bpeFile());
        assertEquals(TokenizerOptions.none(), spec.options());
        assertEquals("a:b", TokenizerSpec.parse("bpe:a:b").bpeFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bpe", "bpe:", "bpe: ", "Standard", "html", "char:x", "opennlp "})
    void rejectsInvalidCliForms(String cli) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse(cli));
        assertTrue(e.getMessage().contains("bpe"), e.getMessage());
    }

    @Test
    void unknownNameMessageListsTheValidNames() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenizerSpec.parse("porter"));
        String message = e.getMessage();
        assertTrue(message.contains("\"porter\""), message);
        for (String name :
                List.of(
                        "char",
                        "whitespace",
                        "standard-html",
                        "english-html",
                        "opennlp",
                        "bpe:FILE")) {
            assertTrue(message.contains(name), message);
        }
    }

    @Test
    void constructorChecksBpeFile() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TokenizerSpec("bpe", TokenizerOptions.none(), null));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TokenizerSpec("char", TokenizerOptions.none(), "merges.txt"));
        assertTrue(e.getMessage().contains("merges.txt"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new TokenizerSpec("char", null, null));
    }

    @Test
    void buildsTheNamedTokenizers() {
        assertSame(CharTokenizer.INSTANCE, TokenizerSpec.parse("char").build());
        assertSame(WhitespaceTokenizer.INSTANCE, TokenizerSpec.parse("whitespace").build());
        assertSame(OpenNlpTokenizer.instance(), TokenizerSpec.parse("opennlp").build());
        String html = "Loved it.<br />Cats' RUNNING";
        assertEquals(List.of("loved", "it", "br", "cats", "running"), texts("standard", html));
        assertEquals(List.of("loved", "it", "cats", "running"), texts("standard-html", html));
        assertEquals(List.of("love", "it", "br", "cat", "run"), texts("english", html));
        assertEquals(List.of("love", "it", "cat", "run"), texts("english-html", html));
    }

    private static List<String> texts(String cli, String text) {
        return TokenizerSpec.parse(cli).build().tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void buildWrapsInNormalizingTokenizerOnlyWithOptions() {
        Tokenizer plain = TokenizerSpec.parse("whitespace").build();
        Tokenizer wrapped = TokenizerSpec.parse("whitespace").withOptions(SOME).build();
        NormalizingTokenizer normalizing = assertInstanceOf(NormalizingTokenizer.class, wrapped);
        assertSame(WhitespaceTokenizer.INSTANCE, normalizing.inner());
        assertEquals(SOME, normalizing.options());
        assertEquals(
                List.of(new Token("Hi", 0, 2), new Token("42", 3, 5)), plain.tokenize("Hi 42"));
        assertEquals(
                List.of(new Token("hi", 0, 2), new Token("<num>", 3, 5)),
                wrapped.tokenize("Hi 42"));
    }

    @Test
    void buildOfMissingBpeFileFails() {
        TokenizerSpec spec = TokenizerSpec.parse("bpe:/nonexistent/seqlab/merges.txt");
        assertThrows(RuntimeException.class, spec::build);
    }

    static Stream<TokenizerSpec> specs() {
        return Stream.of(
                TokenizerSpec.parse("char"),
                TokenizerSpec.parse("english-html"),
                TokenizerSpec.parse("opennlp").withOptions(SOME),
                new TokenizerSpec("standard", new TokenizerOptions(false, true, false, 0), null),
                new TokenizerSpec(
                        "bpe", new TokenizerOptions(true, true, true, 1), "dir/merges.txt"));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void mapRoundTrips(TokenizerSpec spec) {
        Map<String, String> map = spec.toMap();
        assertEquals(spec, TokenizerSpec.fromMap(map));
        assertEquals(spec, TokenizerSpec.fromMap(new HashMap<>(map)));
    }

    @Test
    void toMapWritesDocumentedKeysInOrder() {
        TokenizerSpec spec = new TokenizerSpec("bpe", SOME, "m.txt");
        assertEquals(
                List.of("name", "lowercase", "nfkc", "fold_numbers", "max_length", "bpe_file"),
                List.copyOf(spec.toMap().keySet()));
        assertEquals(
                Map.of(
                        "name", "bpe",
                        "lowercase", "true",
                        "nfkc", "false",
                        "fold_numbers", "true",
                        "max_length", "128",
                        "bpe_file", "m.txt"),
                spec.toMap());
        assertNull(TokenizerSpec.parse("char").toMap().get("bpe_file"));
        assertThrows(UnsupportedOperationException.class, () -> spec.toMap().put("x", "y"));
    }

    @Test
    void fromMapDefaultsMissingOptions() {
        assertEquals(
                TokenizerSpec.parse("english"), TokenizerSpec.fromMap(Map.of("name", "english")));
    }

    @Test
    void fromMapRejectsBadEntries() {
        assertMessage(Map.of("lowercase", "true"), "\"name\"");
        assertMessage(Map.of("name", "standard", "lowercse", "true"), "\"lowercse\"");
        assertMessage(Map.of("name", "standard", "nfkc", "yes"), "\"yes\"");
        assertMessage(Map.of("name", "standard", "max_length", "ten"), "\"ten\"");
        assertMessage(Map.of("name", "standard", "max_length", "-1"), "-1");
        assertMessage(Map.of("name", "gpt"), "\"gpt\"");
        assertMessage(Map.of("name", "bpe"), "bpe");
        assertMessage(Map.of("name", "char", "bpe_file", "m.txt"), "m.txt");
    }

    private static void assertMessage(Map<String, String> map, String expected) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TokenizerSpec.fromMap(new LinkedHashMap<>(map)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
