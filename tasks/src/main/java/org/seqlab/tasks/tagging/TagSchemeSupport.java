package org.seqlab.tasks.tagging;

import java.util.List;
import org.seqlab.corpora.ConvertedTags;
import org.seqlab.corpora.TagScheme;
import org.seqlab.corpora.TagSchemes;
import org.seqlab.seq2seq.CrfConstraints;

/**
 * The tagger's view of entity tag schemes: files and output are IOB2; the model may predict in
 * BIOES. The scheme is named as in {@link TagConfig#scheme()}: {@code none}, {@code iob2} or {@code
 * bioes}.
 */
final class TagSchemeSupport {

    private TagSchemeSupport() {}

    /**
     * Converts a file's IOB2 tags to the model's scheme, repairing invalid moves (counted); {@code
     * none} keeps the tags as they are.
     */
    static ConvertedTags fromIob2(List<String> tags, String scheme) {
        if (scheme.equals("none")) {
            return new ConvertedTags(tags, 0);
        }
        return TagSchemes.convert(tags, TagScheme.IOB2, TagScheme.parse(scheme));
    }

    /** Converts tags predicted in the model's scheme to IOB2. */
    static List<String> toIob2(List<String> tags, String scheme) {
        if (scheme.equals("none") || scheme.equals("iob2")) {
            return tags;
        }
        return TagSchemes.convert(tags, TagScheme.parse(scheme), TagScheme.IOB2).tags();
    }

    /**
     * Returns the CRF constraints of {@code scheme} over {@code tags}: the moves, starts and ends
     * that {@link TagSchemes#allowedTransition} allows.
     */
    static CrfConstraints constraints(List<String> tags, String scheme) {
        TagScheme s = TagScheme.parse(scheme);
        int k = tags.size();
        boolean[][] allowed = new boolean[k][k];
        boolean[] start = new boolean[k];
        boolean[] end = new boolean[k];
        for (int i = 0; i < k; i++) {
            start[i] = TagSchemes.allowedTransition(null, tags.get(i), s);
            end[i] = TagSchemes.allowedTransition(tags.get(i), null, s);
            for (int j = 0; j < k; j++) {
                allowed[i][j] = TagSchemes.allowedTransition(tags.get(i), tags.get(j), s);
            }
        }
        return new CrfConstraints(allowed, start, end);
    }
}
