package org.seqlab.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Hypotheses and reference streams laid out as sacreBLEU takes them, checked and turned into one
 * list of references per segment.
 *
 * <p>sacreBLEU takes references as streams: {@code references.get(k).get(i)} is the k-th reference
 * of segment {@code i}. A null entry is a missing reference, which lets segments have different
 * numbers of references; the signature then says {@code nrefs:var}.
 *
 * @param perSegment the references of each segment, nulls removed; each list non-empty
 * @param numRefs the number of references of every segment, or -1 if it varies
 */
record ReferenceStreams(List<List<String>> perSegment, int numRefs) {

    /**
     * Checks the streams against the hypotheses and transposes them.
     *
     * @throws IllegalArgumentException if there are no hypotheses or no streams, a hypothesis or
     *     stream is null, a stream's length differs from the number of hypotheses, or a segment has
     *     no reference in any stream
     */
    static ReferenceStreams of(
            String metric, List<String> hypotheses, List<? extends List<String>> references) {
        if (hypotheses == null || hypotheses.isEmpty()) {
            throw new IllegalArgumentException(metric + " needs at least one hypothesis.");
        }
        if (references == null || references.isEmpty()) {
            throw new IllegalArgumentException(metric + " needs at least one reference stream.");
        }
        int segments = hypotheses.size();
        for (int i = 0; i < segments; i++) {
            if (hypotheses.get(i) == null) {
                throw new IllegalArgumentException(
                        "Hypothesis " + i + " is null; " + metric + " needs a string per segment.");
            }
        }
        for (int k = 0; k < references.size(); k++) {
            List<String> stream = references.get(k);
            if (stream == null || stream.size() != segments) {
                throw new IllegalArgumentException(
                        "Reference stream "
                                + k
                                + " has "
                                + (stream == null ? "no list" : stream.size() + " segments")
                                + " but there are "
                                + segments
                                + " hypotheses; each stream needs one reference per hypothesis.");
            }
        }
        List<List<String>> perSegment = new ArrayList<>(segments);
        int numRefs = 0;
        for (int i = 0; i < segments; i++) {
            List<String> refs = new ArrayList<>(references.size());
            for (List<String> stream : references) {
                String ref = stream.get(i);
                if (ref != null) {
                    refs.add(ref);
                }
            }
            if (refs.isEmpty()) {
                throw new IllegalArgumentException(
                        "Segment " + i + " has no reference: every stream holds null there.");
            }
            if (i == 0) {
                numRefs = refs.size();
            } else if (numRefs != refs.size()) {
                numRefs = -1;
            }
            perSegment.add(refs);
        }
        return new ReferenceStreams(perSegment, numRefs);
    }

    /** Returns sacreBLEU's {@code nrefs:} field: the count, or {@code var} if it varies. */
    String nrefsField() {
        return "nrefs:" + (numRefs < 0 ? "var" : Integer.toString(numRefs));
    }
}
