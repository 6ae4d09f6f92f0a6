package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BpePreTokenizerTest {

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("Hello world", List.of("Hello", " world")),
                Arguments.of("Hello,  world!!", List.of("Hello", ",", " ", " world", "!!")),
                Arguments.of(
                        "I'm here, it's they're",
                        List.of("I", "'m", " here", ",", " it", "'s", " they", "'re")),
                Arguments.of("don't 'tis", List.of("don", "'t", " '", "tis")),
                Arguments.of("abc123 456x", List.of("abc", "123", " 456", "x")),
                Arguments.of("a\nb", List.of("a", "\n", "b")),
                Arguments.of("a \n\n b", List.of("a", " \n\n", " b")),
                Arguments.of("a\t\tb", List.of("a", "\t", "\t", "b")),
                Arguments.of("end   ", List.of("end", "   ")),
                Arguments.of("x\u00a0\u00a0y", List.of("x", "\u00a0", "\u00a0", "y")),
                Arguments.of("naïve 日本語", List.of("naïve", " 日本語")),
                Arguments.of("e\u0301", List.of("e", "\u0301")),
                Arguments.of("½ Ⅻ 😀😀", List.of("½", " Ⅻ", " 😀😀")),
                Arguments.of("a\ud83d\ude00\ud800b", List.of("a", "\ud83d\ude00\ud800", "b")));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsLikeGpt2(String text, List<String> expected) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = BpePreTokenizer.end(text, start);
            pieces.add(text.substring(start, end));
            start = end;
        }
        assertEquals(expected, pieces);
    }
}
