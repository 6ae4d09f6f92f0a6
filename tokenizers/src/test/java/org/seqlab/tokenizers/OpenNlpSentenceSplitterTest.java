package org.seqlab.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenNlpSentenceSplitterTest {

    private final OpenNlpSentenceSplitter splitter = OpenNlpSentenceSplitter.instance();

    @Test
    void splitsTwoSentencesWithOffsets() {
        assertEquals(
                List.of(new Token("The film was great!", 2, 21), new Token("I loved it.", 23, 34)),
                splitter.split("  The film was great!  I loved it.\n"));
    }

    @Test
    void abbreviationDoesNotEndASentence() {
        String text = "Mr. Smith isn't here. He left early.";
        assertEquals(
                List.of(
                        new Token("Mr. Smith isn't here.", 0, 21),
                        new Token("He left early.", 22, 36)),
                splitter.split(text));
    }

    @Test
    void sentenceTextIsTheSpannedSubstring() {
        String text = "One. Two!\n\nThree? Four";
        List<Token> sentences = splitter.split(text);
        assertEquals(
                List.of("One.", "Two!", "Three?", "Four"),
                sentences.stream().map(Token::text).toList());
        for (Token s : sentences) {
            assertEquals(text.substring(s.start(), s.end()), s.text());
        }
    }

    @Test
    void emptyOrBlankTextGivesNoSentences() {
        assertEquals(List.of(), splitter.split(""));
        assertEquals(List.of(), splitter.split(" \n\t "));
    }

    @Test
    void textWithoutFinalPunctuationIsOneSentence() {
        assertEquals(List.of(new Token("no end", 0, 6)), splitter.split("no end"));
    }

    @Test
    void nullTextIsRejected() {
        assertThrows(NullPointerException.class, () -> splitter.split(null));
    }

    @Test
    void instanceIsShared() {
        assertSame(splitter, OpenNlpSentenceSplitter.instance());
    }

    @Test
    void concurrentCallsMatchSerialResults() throws Exception {
        ConcurrencyCheck.assertSameResultsAcrossThreads(
                splitter::split,
                List.of(
                        "Mr. Smith isn't here. He left early.",
                        "The film was great! I loved it. Ten out of ten.",
                        "One sentence only",
                        "Dr. Who? Yes. At 5 p.m. on Monday."));
    }
}
