package org.seqlab.corpora;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads chunks out of tag sequences, converts tag sequences between {@link TagScheme}s, and says
 * which tag may follow which, for a tagger that must not predict invalid sequences.
 *
 * <p>A tag is {@code O} or a prefix letter, a hyphen and a non-empty type: {@code B-PER}, {@code
 * I-creative-work}. The prefixes a scheme allows are {@code B} and {@code I}, and for BIOES also
 * {@code E} and {@code S}; any other tag is an {@link IllegalArgumentException} naming it.
 *
 * <p>Sequences that break a scheme's rules are read the usual way, and each breaking tag counts as
 * one repair in {@link ConvertedTags#repairs()}:
 *
 * <ul>
 *   <li>IOB2: {@code I-X} not after {@code B-X} or {@code I-X} starts a chunk, as if it were {@code
 *       B-X}.
 *   <li>IOB1: {@code I-X} not after a token of type X starts a chunk (that is valid IOB1); {@code
 *       B-X} starts a chunk, but counts as a repair when the token before it is not of type X,
 *       because IOB1 uses {@code B} only between two chunks of the same type.
 *   <li>BIOES: a chunk left open by {@code B-X} or {@code I-X} is closed at its last token when
 *       {@code O}, {@code B}, {@code S} or a tag of another type follows or the sequence ends; an
 *       {@code I-X} or {@code E-X} that does not continue an open chunk of type X starts a new one
 *       ({@code E-X} alone makes a one-token chunk).
 * </ul>
 *
 * All methods are static and thread-safe.
 */
public final class TagSchemes {
    /** The outside tag. */
    public static final String OUTSIDE = "O";

    private TagSchemes() {}

    /**
     * Returns the chunks of a tag sequence.
     *
     * @param tags the tags; not null
     * @param scheme the scheme they are in; not null
     * @return the chunks in order, as the class describes the reading of invalid sequences
     * @throws IllegalArgumentException if a tag is not a tag of {@code scheme}
     */
    public static List<TagSpan> spans(List<String> tags, TagScheme scheme) {
        List<TagSpan> spans = new ArrayList<>();
        decode(tags, scheme, spans);
        return List.copyOf(spans);
    }

    /**
     * Converts a tag sequence from one scheme to another, repairing invalid sequences.
     *
     * <p>Converting a sequence to its own scheme returns it unchanged if it is valid and repaired
     * otherwise; converting a valid sequence to another scheme and back returns it unchanged.
     *
     * @param tags the tags; not null
     * @param from the scheme of {@code tags}; not null
     * @param to the scheme wanted; not null
     * @return the same chunks tagged in {@code to}, with the number of repaired tags
     * @throws IllegalArgumentException if a tag is not a tag of {@code from}
     */
    public static ConvertedTags convert(List<String> tags, TagScheme from, TagScheme to) {
        Objects.requireNonNull(to, "to");
        List<TagSpan> spans = new ArrayList<>();
        int repairs = decode(tags, from, spans);
        String[] out = new String[tags.size()];
        Arrays.fill(out, OUTSIDE);
        TagSpan previous = null;
        for (TagSpan span : spans) {
            String type = span.type();
            for (int i = span.start(); i < span.end(); i++) {
                out[i] = "I-" + type;
            }
            switch (to) {
                case IOB1:
                    if (previous != null
                            && previous.end() == span.start()
                            && previous.type().equals(type)) {
                        out[span.start()] = "B-" + type;
                    }
                    break;
                case IOB2:
                    out[span.start()] = "B-" + type;
                    break;
                case BIOES:
                    if (span.end() - span.start() == 1) {
                        out[span.start()] = "S-" + type;
                    } else {
                        out[span.start()] = "B-" + type;
                        out[span.end() - 1] = "E-" + type;
                    }
                    break;
            }
            previous = span;
        }
        return new ConvertedTags(Arrays.asList(out), repairs);
    }

    /**
     * Returns whether {@code to} may follow {@code from} in a valid sequence of {@code scheme}.
     *
     * <p>IOB2: {@code I-X} only after {@code B-X} or {@code I-X}, everything else anywhere. IOB1:
     * {@code B-X} only after {@code B-X} or {@code I-X}, everything else anywhere. BIOES: after
     * {@code B-X} or {@code I-X} only {@code I-X} or {@code E-X}; after the start, {@code O},
     * {@code E-*} or {@code S-*} only {@code O}, {@code B-*}, {@code S-*} or the end.
     *
     * @param from the earlier tag, or null for the start of the sentence
     * @param to the later tag, or null for the end of the sentence
     * @param scheme the scheme; not null
     * @return whether the move is valid
     * @throws IllegalArgumentException if a tag is not a tag of {@code scheme}
     */
    public static boolean allowedTransition(String from, String to, TagScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        char fromPrefix = from == null ? 'O' : prefix(from, scheme);
        char toPrefix = to == null ? 'O' : prefix(to, scheme);
        boolean sameType =
                fromPrefix != 'O' && toPrefix != 'O' && from.substring(2).equals(to.substring(2));
        switch (scheme) {
            case IOB2:
                return toPrefix != 'I' || (fromPrefix == 'B' || fromPrefix == 'I') && sameType;
            case IOB1:
                return toPrefix != 'B' || (fromPrefix == 'B' || fromPrefix == 'I') && sameType;
            default:
                if (fromPrefix == 'B' || fromPrefix == 'I') {
                    return (toPrefix == 'I' || toPrefix == 'E') && sameType;
                }
                return toPrefix != 'I' && toPrefix != 'E';
        }
    }

    /**
     * Guesses whether a tag set marks chunks (as NER tags do) rather than classes of single words
     * (as part-of-speech tags do), to decide whether chunk scores apply.
     *
     * @param tags the distinct tags of a corpus; not null, without null elements
     * @return true if every tag is {@code O} or a {@code B-}, {@code I-}, {@code E-} or {@code S-}
     *     prefix followed by a non-empty type, and at least one tag is not {@code O}
     */
    public static boolean isEntityTagSet(Collection<String> tags) {
        boolean chunk = false;
        for (String tag : tags) {
            if (tag.equals(OUTSIDE)) {
                continue;
            }
            if (tag.length() < 3 || tag.charAt(1) != '-' || "BIES".indexOf(tag.charAt(0)) < 0) {
                return false;
            }
            chunk = true;
        }
        return chunk;
    }

    /** Adds the chunks of {@code tags} to {@code spans} and returns the number of repairs. */
    private static int decode(List<String> tags, TagScheme scheme, List<TagSpan> spans) {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(scheme, "scheme");
        boolean bioes = scheme == TagScheme.BIOES;
        int repairs = 0;
        int start = -1; // start of the chunk in progress, -1 outside
        String type = null; // its type
        for (int i = 0; i < tags.size(); i++) {
            String tag = Objects.requireNonNull(tags.get(i), "tag");
            char prefix = prefix(tag, scheme);
            if (prefix == 'O') {
                if (start >= 0) {
                    repairs += bioes ? 1 : 0;
                    spans.add(new TagSpan(start, i, type));
                    start = -1;
                }
                continue;
            }
            String t = tag.substring(2);
            boolean continues = start >= 0 && type.equals(t);
            boolean valid;
            boolean startsNew = true;
            switch (prefix) {
                case 'I':
                    valid = continues || scheme == TagScheme.IOB1;
                    startsNew = !continues;
                    break;
                case 'B':
                    valid = scheme == TagScheme.IOB2 || (bioes ? start < 0 : continues);
                    break;
                case 'E':
                    valid = continues;
                    startsNew = !continues;
                    break;
                default: // 'S'
                    valid = start < 0;
                    break;
            }
            if (!valid) {
                repairs++;
            }
            if (startsNew) {
                if (start >= 0) {
                    spans.add(new TagSpan(start, i, type));
                }
                start = i;
                type = t;
            }
            if (bioes && (prefix == 'E' || prefix == 'S')) {
                spans.add(new TagSpan(start, i + 1, type));
                start = -1;
            }
        }
        if (start >= 0) {
            repairs += bioes ? 1 : 0;
            spans.add(new TagSpan(start, tags.size(), type));
        }
        return repairs;
    }

    /**
     * Returns the prefix letter of a tag, {@code 'O'} for {@code O}, checking it for the scheme.
     */
    private static char prefix(String tag, TagScheme scheme) {
        if (tag.equals(OUTSIDE)) {
            return 'O';
        }
        if (tag.length() < 3 || tag.charAt(1) != '-' || !scheme.allows(tag.charAt(0))) {
            throw new IllegalArgumentException(
                    "The tag '"
                            + tag
                            + "' is not a "
                            + scheme
                            + " tag: expected O or "
                            + (scheme == TagScheme.BIOES ? "B-, I-, E- or S-" : "B- or I-")
                            + " followed by a type.");
        }
        return tag.charAt(0);
    }
}
