package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.corpora.TagScheme.BIOES;
import static org.seqlab.corpora.TagScheme.IOB1;
import static org.seqlab.corpora.TagScheme.IOB2;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagSchemesTest {

    private static List<String> tags(String spaced) {
        return List.of(spaced.split(" "));
    }

    private static void assertConverts(
            String input, TagScheme from, TagScheme to, String expected, int repairs) {
        ConvertedTags converted = TagSchemes.convert(tags(input), from, to);
        assertEquals(tags(expected), converted.tags(), input);
        assertEquals(repairs, converted.repairs(), input);
    }

    @Test
    void parsesSchemeNames() {
        assertEquals(IOB1, TagScheme.parse("IOB1"));
        assertEquals(IOB2, TagScheme.parse("iob2"));
        assertEquals(IOB2, TagScheme.parse("bio"));
        assertEquals(BIOES, TagScheme.parse("bioes"));
        assertEquals(BIOES, TagScheme.parse("iobes"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TagScheme.parse("ioe"));
        assertEquals(
                "Unknown tag scheme 'ioe': expected one of iob1, iob2 (or bio), bioes (or iobes).",
                e.getMessage());
    }

    @Test
    void iob2AndBioesRoundTripOnValidSequences() {
        String[] valid = {
            "O",
            "B-PER",
            "B-PER I-PER O B-LOC",
            "B-PER B-PER I-PER I-PER B-ORG O O B-creative-work I-creative-work",
            "O B-X I-X I-X B-X B-Y I-Y",
        };
        for (String iob2 : valid) {
            ConvertedTags bioes = TagSchemes.convert(tags(iob2), IOB2, BIOES);
            assertEquals(0, bioes.repairs());
            ConvertedTags back = TagSchemes.convert(bioes.tags(), BIOES, IOB2);
            assertEquals(tags(iob2), back.tags());
            assertEquals(0, back.repairs());
            ConvertedTags iob1 = TagSchemes.convert(tags(iob2), IOB2, IOB1);
            assertEquals(tags(iob2), TagSchemes.convert(iob1.tags(), IOB1, IOB2).tags());
            assertEquals(0, TagSchemes.convert(iob1.tags(), IOB1, IOB1).repairs());
        }
        assertConverts(
                "B-PER I-PER O B-LOC B-X I-X I-X",
                IOB2,
                BIOES,
                "B-PER E-PER O S-LOC B-X I-X E-X",
                0);
    }

    @Test
    void iob1StartsChunksWithIAndUsesBOnlyBetweenSameTypeChunks() {
        // CoNLL-2003 English as released: "I-PER I-PER B-PER" is two people side by side
        assertConverts("I-PER I-PER B-PER O I-LOC", IOB1, IOB2, "B-PER I-PER B-PER O B-LOC", 0);
        // I-X after I-Y starts a new chunk; that is valid IOB1
        assertConverts("I-ORG I-LOC I-LOC", IOB1, IOB2, "B-ORG B-LOC I-LOC", 0);
        // B-X after O or after another type is not IOB1, but still starts a chunk
        assertConverts("O B-PER I-PER", IOB1, IOB2, "O B-PER I-PER", 1);
        assertConverts("I-LOC B-PER", IOB1, IOB1, "I-LOC I-PER", 1);
        // IOB2 to IOB1 puts B only where two chunks of one type touch
        assertConverts(
                "B-PER B-PER I-PER B-LOC O B-LOC",
                IOB2,
                IOB1,
                "I-PER B-PER I-PER I-LOC O I-LOC",
                0);
        assertConverts("B-PER I-PER B-PER", IOB2, BIOES, "B-PER E-PER S-PER", 0);
        assertConverts("I-PER B-PER", IOB1, BIOES, "S-PER S-PER", 0);
    }

    @Test
    void iob2RepairsIWithoutAStart() {
        assertConverts("O I-X I-X", IOB2, IOB2, "O B-X I-X", 1);
        assertConverts("I-X", IOB2, IOB2, "B-X", 1);
        assertConverts("B-Y I-X I-Y", IOB2, IOB2, "B-Y B-X B-Y", 2);
        assertConverts("B-Y I-Y I-X", IOB2, BIOES, "B-Y E-Y S-X", 1);
    }

    @Test
    void bioesRepairsUnclosedAndOrphanedTags() {
        assertConverts("B-X I-X O", BIOES, BIOES, "B-X E-X O", 1);
        assertConverts("B-X I-X", BIOES, BIOES, "B-X E-X", 1);
        assertConverts("B-X B-X E-X", BIOES, BIOES, "S-X B-X E-X", 1);
        assertConverts("B-X S-Y", BIOES, BIOES, "S-X S-Y", 1);
        assertConverts("O E-X", BIOES, BIOES, "O S-X", 1);
        assertConverts("O I-X E-X", BIOES, IOB2, "O B-X I-X", 1);
        assertConverts("B-X I-Y E-Y", BIOES, IOB2, "B-X B-Y I-Y", 1);
        assertConverts("S-X E-X", BIOES, IOB2, "B-X B-X", 1);
    }

    @Test
    void spansAreHalfOpenRanges() {
        assertEquals(
                List.of(new TagSpan(0, 2, "PER"), new TagSpan(3, 4, "LOC")),
                TagSchemes.spans(tags("B-PER I-PER O S-LOC"), BIOES));
        assertEquals(List.of(), TagSchemes.spans(tags("O O"), IOB2));
        assertEquals(List.of(), TagSchemes.spans(List.of(), IOB2));
    }

    @Test
    void rejectsTagsOfAnotherScheme() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TagSchemes.convert(tags("B-X E-X"), IOB2, BIOES));
        assertEquals(
                "The tag 'E-X' is not a IOB2 tag: expected O or B- or I- followed by a type.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TagSchemes.spans(tags("NN VB"), IOB2));
        assertThrows(IllegalArgumentException.class, () -> TagSchemes.spans(tags("B-"), IOB2));
    }

    @Test
    void transitionsOfIob2() {
        assertTrue(TagSchemes.allowedTransition(null, "B-X", IOB2));
        assertTrue(TagSchemes.allowedTransition(null, "O", IOB2));
        assertFalse(TagSchemes.allowedTransition(null, "I-X", IOB2));
        assertFalse(TagSchemes.allowedTransition("O", "I-X", IOB2));
        assertTrue(TagSchemes.allowedTransition("B-X", "I-X", IOB2));
        assertTrue(TagSchemes.allowedTransition("I-X", "I-X", IOB2));
        assertFalse(TagSchemes.allowedTransition("B-Y", "I-X", IOB2));
        assertTrue(TagSchemes.allowedTransition("I-Y", "B-X", IOB2));
        assertTrue(TagSchemes.allowedTransition("I-Y", null, IOB2));
        assertTrue(TagSchemes.allowedTransition(null, null, IOB2));
    }

    @Test
    void transitionsOfBioes() {
        assertTrue(TagSchemes.allowedTransition(null, "S-X", BIOES));
        assertTrue(TagSchemes.allowedTransition(null, "B-X", BIOES));
        assertFalse(TagSchemes.allowedTransition(null, "I-X", BIOES));
        assertFalse(TagSchemes.allowedTransition(null, "E-X", BIOES));
        assertTrue(TagSchemes.allowedTransition("B-X", "I-X", BIOES));
        assertTrue(TagSchemes.allowedTransition("B-X", "E-X", BIOES));
        assertFalse(TagSchemes.allowedTransition("B-X", "E-Y", BIOES));
        assertFalse(TagSchemes.allowedTransition("B-X", "O", BIOES));
        assertFalse(TagSchemes.allowedTransition("I-X", null, BIOES));
        assertTrue(TagSchemes.allowedTransition("E-X", null, BIOES));
        assertTrue(TagSchemes.allowedTransition("S-X", "B-Y", BIOES));
        assertFalse(TagSchemes.allowedTransition("S-X", "I-X", BIOES));
        assertTrue(TagSchemes.allowedTransition("O", "S-X", BIOES));
        assertFalse(TagSchemes.allowedTransition("E-X", "E-X", BIOES));
    }

    @Test
    void transitionsOfIob1() {
        assertTrue(TagSchemes.allowedTransition(null, "I-X", IOB1));
        assertFalse(TagSchemes.allowedTransition(null, "B-X", IOB1));
        assertFalse(TagSchemes.allowedTransition("O", "B-X", IOB1));
        assertTrue(TagSchemes.allowedTransition("I-X", "B-X", IOB1));
        assertFalse(TagSchemes.allowedTransition("I-Y", "B-X", IOB1));
    }

    @Test
    void allowedTransitionsAgreeWithRepairs() {
        String[] all = {null, "O", "B-X", "I-X", "E-X", "S-X", "B-Y", "I-Y", "E-Y", "S-Y"};
        for (TagScheme scheme : TagScheme.values()) {
            for (String a : all) {
                for (String b : all) {
                    if (!usable(a, scheme) || !usable(b, scheme)) {
                        continue;
                    }
                    List<String> seq = new java.util.ArrayList<>();
                    if (a != null) {
                        seq.add(a);
                    }
                    if (b != null) {
                        seq.add(b);
                    }
                    // a sequence whose only move is a->b (plus a valid start before a for IOB1)
                    boolean startOk = a == null || TagSchemes.allowedTransition(null, a, scheme);
                    boolean endOk = b == null || TagSchemes.allowedTransition(b, null, scheme);
                    if (!startOk || !endOk) {
                        continue;
                    }
                    int repairs = TagSchemes.convert(seq, scheme, scheme).repairs();
                    assertEquals(
                            TagSchemes.allowedTransition(a, b, scheme),
                            repairs == 0,
                            scheme + " " + a + " -> " + b);
                }
            }
        }
    }

    private static boolean usable(String tag, TagScheme scheme) {
        return tag == null || tag.equals("O") || scheme.allows(tag.charAt(0));
    }

    @Test
    void recognizesEntityTagSets() {
        assertTrue(TagSchemes.isEntityTagSet(List.of("O", "B-PER", "I-PER", "E-LOC", "S-LOC")));
        assertTrue(TagSchemes.isEntityTagSet(List.of("B-creative-work", "O")));
        assertFalse(TagSchemes.isEntityTagSet(List.of("NOUN", "VERB", "O")));
        assertFalse(TagSchemes.isEntityTagSet(List.of("O", "B-PER", "PER")));
        assertFalse(TagSchemes.isEntityTagSet(List.of("O")));
        assertFalse(TagSchemes.isEntityTagSet(List.of()));
        assertFalse(TagSchemes.isEntityTagSet(List.of("B-")));
    }
}
