package org.seqlab.eval;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Chunk (span) precision, recall and F1 and token accuracy of tag sequences, computed exactly as
 * the CoNLL-2000 {@code conlleval} Perl script (version 2004-01-26, Erik Tjong Kim Sang) computes
 * them.
 *
 * <p>A tag is split at its first hyphen into a chunk tag and a type: {@code B-PER} is {@code B} and
 * {@code PER}, {@code I-creative-work} is {@code I} and {@code creative-work}, and a tag without a
 * hyphen ({@code O}, {@code NN}) is itself with the empty type. A type {@code "0"} counts as empty,
 * as Perl's truth test in the script makes it. Chunks start and end by conlleval's {@code
 * startOfChunk} and {@code endOfChunk} rules, which read IOB1, IOB2 and IOE1/2: a chunk starts at
 * {@code B}, at {@code I} or {@code E} after {@code O}, at {@code I} or {@code E} after {@code E},
 * at {@code [} or {@code ]}, and wherever the type changes on a tag other than {@code O} or {@code
 * .}; it ends correspondingly. So {@code I-X} after {@code O} or after {@code I-Y} starts a chunk,
 * and {@code B-X} right after {@code I-X} starts another. Gold and predicted tags are chunked
 * independently; a predicted chunk is correct when a gold chunk has the same type, start and end.
 *
 * <p>conlleval knows no {@code S} tag: to it {@code S-PER S-PER} is one chunk, as {@code I-PER
 * I-PER} would be, and {@code B-X E-X S-X} is one too. Convert BIOES tags to IOB2 first (with
 * {@code org.seqlab.corpora.TagSchemes#convert}) to get the numbers everyone reports.
 *
 * <p>Each sentence given to {@link #add(List, List)} is followed by a sentence break, as conlleval
 * reads a blank line after every sentence: no chunk runs across sentences. Token accuracy counts a
 * token correct when the chunk tags and types of the gold and predicted tags are equal, which is
 * when the tags are equal. For part-of-speech tags the chunk scores mean little and {@link
 * SpanScores#accuracy()} is the measure.
 *
 * <p>Use it as an accumulator (create, {@link #add} each sentence, {@link #scores()}) or call
 * {@link #score(List, List)} once. Instances are not thread-safe.
 */
public final class SpanF1 {
    private static final String BOUNDARY_TAG = "O";

    private long tokens;
    private long correctTags;
    private long goldChunks;
    private long predictedChunks;
    private long correctChunks;
    private final TreeMap<String, long[]> counts = new TreeMap<>(); // gold, predicted, correct

    // conlleval's state between lines
    private String lastGold = "O";
    private String lastGoldType = "";
    private String lastPredicted = "O";
    private String lastPredictedType = "";
    private boolean inCorrect;

    /** Creates an accumulator with nothing counted yet. */
    public SpanF1() {}

    /**
     * Scores a whole corpus at once.
     *
     * @param gold the gold tags of each sentence; not null
     * @param predicted the predicted tags of each sentence, as many as {@code gold}; not null
     * @return the scores
     * @throws IllegalArgumentException if the numbers of sentences differ or a sentence's gold and
     *     predicted tags differ in number
     * @throws NullPointerException if a list or a tag is null
     */
    public static SpanScores score(
            List<? extends List<String>> gold, List<? extends List<String>> predicted) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "Gold and predicted tags need the same number of sentences, but there are "
                            + gold.size()
                            + " and "
                            + predicted.size()
                            + ".");
        }
        SpanF1 f1 = new SpanF1();
        for (int i = 0; i < gold.size(); i++) {
            f1.add(gold.get(i), predicted.get(i));
        }
        return f1.scores();
    }

    /**
     * Adds one sentence, followed by a sentence break.
     *
     * @param gold the gold tags; not null, without null elements
     * @param predicted the predicted tags, one for each gold tag; not null, without null elements
     * @throws IllegalArgumentException if the lists differ in size; nothing is counted then
     * @throws NullPointerException if a list or a tag is null; nothing is counted then
     */
    public void add(List<String> gold, List<String> predicted) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "A sentence needs one predicted tag for each gold tag, but it has "
                            + gold.size()
                            + " gold and "
                            + predicted.size()
                            + " predicted tags.");
        }
        for (int i = 0; i < gold.size(); i++) {
            Objects.requireNonNull(gold.get(i), "gold tag");
            Objects.requireNonNull(predicted.get(i), "predicted tag");
        }
        for (int i = 0; i < gold.size(); i++) {
            line(gold.get(i), predicted.get(i), false);
        }
        line(BOUNDARY_TAG, BOUNDARY_TAG, true);
    }

    /**
     * Returns the scores of everything added so far.
     *
     * @return the scores; all zero when nothing was added
     */
    public SpanScores scores() {
        long correct = correctChunks;
        TreeMap<String, long[]> perTypeCounts = new TreeMap<>();
        counts.forEach((type, c) -> perTypeCounts.put(type, c.clone()));
        if (inCorrect) { // only reachable with tags conlleval never ends a chunk on
            correct++;
            perTypeCounts.computeIfAbsent(lastGoldType, k -> new long[3])[2]++;
        }
        SortedMap<String, TypeScores> perType = new TreeMap<>();
        perTypeCounts.forEach((type, c) -> perType.put(type, TypeScores.of(c[0], c[1], c[2])));
        TypeScores overall = TypeScores.of(goldChunks, predictedChunks, correct);
        return new SpanScores(
                tokens,
                TypeScores.ratio(correctTags, tokens),
                goldChunks,
                predictedChunks,
                correct,
                overall.precision(),
                overall.recall(),
                overall.f1(),
                perType);
    }

    /** Processes one line of conlleval's input: a token, or a sentence break. */
    private void line(String goldTag, String predictedTag, boolean boundary) {
        String gold = chunkTag(goldTag);
        String goldType = type(goldTag);
        String predicted = boundary ? "O" : chunkTag(predictedTag);
        String predictedType = type(predictedTag);

        boolean goldEnd = endOfChunk(lastGold, gold, lastGoldType, goldType);
        boolean predictedEnd =
                endOfChunk(lastPredicted, predicted, lastPredictedType, predictedType);
        if (inCorrect) {
            if (goldEnd && predictedEnd && lastPredictedType.equals(lastGoldType)) {
                inCorrect = false;
                correctChunks++;
                counts(lastGoldType)[2]++;
            } else if (goldEnd != predictedEnd || !predictedType.equals(goldType)) {
                inCorrect = false;
            }
        }
        boolean goldStart = startOfChunk(lastGold, gold, lastGoldType, goldType);
        boolean predictedStart =
                startOfChunk(lastPredicted, predicted, lastPredictedType, predictedType);
        if (goldStart && predictedStart && predictedType.equals(goldType)) {
            inCorrect = true;
        }
        if (goldStart) {
            goldChunks++;
            counts(goldType)[0]++;
        }
        if (predictedStart) {
            predictedChunks++;
            counts(predictedType)[1]++;
        }
        if (!boundary) {
            if (gold.equals(predicted) && predictedType.equals(goldType)) {
                correctTags++;
            }
            tokens++;
        }
        lastGold = gold;
        lastGoldType = goldType;
        lastPredicted = predicted;
        lastPredictedType = predictedType;
    }

    private long[] counts(String type) {
        return counts.computeIfAbsent(type, k -> new long[3]);
    }

    /** The part of a tag before its first hyphen, or the whole tag. */
    private static String chunkTag(String tag) {
        int hyphen = tag.indexOf('-');
        return hyphen < 0 ? tag : tag.substring(0, hyphen);
    }

    /** The part of a tag after its first hyphen, or empty; {@code "0"} is empty, as in Perl. */
    private static String type(String tag) {
        int hyphen = tag.indexOf('-');
        String type = hyphen < 0 ? "" : tag.substring(hyphen + 1);
        return type.equals("0") ? "" : type;
    }

    /** conlleval's {@code endOfChunk}: whether a chunk ended between the previous and this tag. */
    static boolean endOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean end =
                prevTag.equals("B") && (tag.equals("B") || tag.equals("O"))
                        || prevTag.equals("I") && (tag.equals("B") || tag.equals("O"))
                        || prevTag.equals("E")
                                && (tag.equals("E") || tag.equals("I") || tag.equals("O"));
        if (!prevTag.equals("O") && !prevTag.equals(".") && !prevType.equals(type)) {
            end = true;
        }
        return end || prevTag.equals("]") || prevTag.equals("[");
    }

    /**
     * conlleval's {@code startOfChunk}: whether a chunk started between the previous and this tag.
     */
    static boolean startOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean start =
                tag.equals("B")
                                && (prevTag.equals("B")
                                        || prevTag.equals("I")
                                        || prevTag.equals("O"))
                        || prevTag.equals("O") && (tag.equals("I") || tag.equals("E"))
                        || prevTag.equals("E") && (tag.equals("E") || tag.equals("I"));
        if (!tag.equals("O") && !tag.equals(".") && !prevType.equals(type)) {
            start = true;
        }
        return start || tag.equals("[") || tag.equals("]");
    }
}
