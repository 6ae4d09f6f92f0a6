package org.seqlab.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * An immutable list of labeled texts together with the set of labels.
 *
 * <p>The label set contains every label of the examples and, for the parts of a {@link #dev(double,
 * long)} split, every label of the corpus that was split, so that both parts index labels the same
 * way. A corpus read by {@link LabeledReader} also remembers where each example was read, so that
 * {@link #requireLabels(Collection, String)} can name the file and line of an unexpected label.
 * Instances are immutable and thread-safe.
 */
public final class LabeledCorpus {
    private final List<LabeledText> examples;
    private final List<String> labels;
    private final int skipped;
    private final List<Origin> origins; // one per example, or empty when not read from files

    /**
     * Where an example was read.
     *
     * @param file the file, or an archive entry written {@code archive!/entry}
     * @param line the one-based line in a line-oriented file, or 0 for a whole file
     */
    record Origin(Path file, long line) {}

    private LabeledCorpus(
            List<LabeledText> examples, List<String> labels, int skipped, List<Origin> origins) {
        this.examples = examples;
        this.labels = labels;
        this.skipped = skipped;
        this.origins = origins;
    }

    /**
     * Creates a corpus of the given examples, whose label set is the labels they use.
     *
     * @param examples the examples in order; not null, without null elements, may be empty
     * @return the corpus, with {@link #skipped()} 0
     */
    public static LabeledCorpus of(List<LabeledText> examples) {
        return of(examples, List.of(), 0);
    }

    /** Creates a corpus whose examples were read from {@code origins} (empty when unknown). */
    static LabeledCorpus of(List<LabeledText> examples, List<Origin> origins, int skipped) {
        List<LabeledText> copy = List.copyOf(examples);
        if (!origins.isEmpty() && origins.size() != copy.size()) {
            throw new IllegalArgumentException(
                    origins.size() + " origins for " + copy.size() + " examples");
        }
        TreeSet<String> labels = new TreeSet<>();
        for (LabeledText example : copy) {
            labels.add(example.label());
        }
        return new LabeledCorpus(copy, List.copyOf(labels), skipped, List.copyOf(origins));
    }

    /**
     * Returns the examples in the order they were read.
     *
     * @return an unmodifiable list
     */
    public List<LabeledText> examples() {
        return examples;
    }

    /**
     * Returns the label set, sorted by {@link String#compareTo}.
     *
     * @return an unmodifiable list without duplicates
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the number of examples.
     *
     * @return {@code examples().size()}
     */
    public int size() {
        return examples.size();
    }

    /**
     * Returns how many examples have each label.
     *
     * @return an unmodifiable map with one entry for each of {@link #labels()}, in that order; a
     *     label without examples (possible in a split part) maps to 0
     */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            counts.put(label, 0);
        }
        for (LabeledText example : examples) {
            counts.merge(example.label(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Returns how many malformed lines the reader skipped because it was asked to.
     *
     * @return the number of skipped lines; 0 for a corpus not read from a file
     */
    public int skipped() {
        return skipped;
    }

    /**
     * Checks that every example has one of the {@code allowed} labels, such as the labels a model
     * was trained with or those of the training data when this corpus is development data.
     *
     * <p>The first example in corpus order with another label fails the check, named by where it
     * was read: {@code "<file>:<line>: label 'meh' is not one of <whose> labels [neg, pos]"}, for
     * example {@code "dev.jsonl:7: label 'meh' is not one of the model's labels [neg, pos]"}; an
     * aclImdb review is named by its file alone, an archive entry as {@code archive!/entry}. The
     * allowed labels are listed in their iteration order. The parts of a {@link #dev(double, long)}
     * or {@link #devTail(double)} split keep where their examples were read.
     *
     * @param allowed the labels that are allowed; not null, without null elements
     * @param whose whose labels they are, for the message, such as {@code "the model's"} or {@code
     *     "the training data's"}; not null
     * @throws CorpusFormatException for a corpus read by {@link LabeledReader} with an example
     *     whose label is not allowed
     * @throws IllegalArgumentException for a corpus made with {@link #of(List)} with such an
     *     example; the message is {@code "example N: label ..."} with the example's one-based
     *     position
     */
    public void requireLabels(Collection<String> allowed, String whose)
            throws CorpusFormatException {
        Objects.requireNonNull(whose, "whose");
        List<String> listed = List.copyOf(allowed);
        Set<String> known = Set.copyOf(listed);
        if (known.containsAll(labels)) {
            return;
        }
        for (int i = 0; i < examples.size(); i++) {
            String label = examples.get(i).label();
            if (known.contains(label)) {
                continue;
            }
            String detail = "label '" + label + "' is not one of " + whose + " labels " + listed;
            if (origins.isEmpty()) {
                throw new IllegalArgumentException("example " + (i + 1) + ": " + detail);
            }
            Origin origin = origins.get(i);
            throw origin.line() > 0
                    ? new CorpusFormatException(origin.file(), origin.line(), detail)
                    : new CorpusFormatException(origin.file(), detail);
        }
    }

    /**
     * Divides the corpus into a training part and a development part, stratified by label.
     *
     * <p>For each label in {@link #labels()} order, the positions of its examples are shuffled with
     * one {@link SplittableRandom} seeded with {@code seed}, and the first {@code round(n *
     * fraction)} of them go to the development part, where {@code n} is the label's count. Both
     * parts keep the corpus order of their examples and the corpus's label set, and have {@link
     * #skipped()} 0. The same corpus, fraction and seed always give the same split. A label with
     * very few examples may end up entirely in one part.
     *
     * @param fraction the share of each label's examples to hold out, in [0, 1)
     * @param seed the shuffling seed
     * @return the two parts, which are disjoint and together hold every example
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 1) or NaN
     */
    public DevSplit dev(double fraction, long seed) {
        checkFraction(fraction);
        boolean[] held = new boolean[examples.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (String label : labels) {
            int[] positions = positionsOf(label);
            shuffle(positions, random);
            int devSize = (int) Math.round(positions.length * fraction);
            for (int i = 0; i < devSize; i++) {
                held[positions[i]] = true;
            }
        }
        return split(held);
    }

    /**
     * Divides the corpus like {@link #dev(double, long)}, but holds out the last {@code round(n *
     * fraction)} examples of each label in corpus order instead of random ones. Where examples
     * about one subject are stored together (aclImdb numbers the reviews of one movie
     * consecutively), the development part then shares almost no subject with the training part and
     * estimates accuracy on unseen subjects, as a test set of other movies does.
     *
     * @param fraction the share of each label's examples to hold out, in [0, 1)
     * @return the two parts, which are disjoint and together hold every example
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 1) or NaN
     */
    public DevSplit devTail(double fraction) {
        checkFraction(fraction);
        boolean[] held = new boolean[examples.size()];
        for (String label : labels) {
            int[] positions = positionsOf(label);
            int devSize = (int) Math.round(positions.length * fraction);
            for (int i = positions.length - devSize; i < positions.length; i++) {
                held[positions[i]] = true;
            }
        }
        return split(held);
    }

    private static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "The development fraction must be in [0, 1), but it is " + fraction + ".");
        }
    }

    private DevSplit split(boolean[] held) {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> dev = new ArrayList<>();
        List<Origin> trainOrigins = new ArrayList<>();
        List<Origin> devOrigins = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            (held[i] ? dev : train).add(examples.get(i));
            if (!origins.isEmpty()) {
                (held[i] ? devOrigins : trainOrigins).add(origins.get(i));
            }
        }
        return new DevSplit(
                new LabeledCorpus(List.copyOf(train), labels, 0, List.copyOf(trainOrigins)),
                new LabeledCorpus(List.copyOf(dev), labels, 0, List.copyOf(devOrigins)));
    }

    private int[] positionsOf(String label) {
        return IntStream.range(0, examples.size())
                .filter(i -> examples.get(i).label().equals(label))
                .toArray();
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * Two corpora are equal when they have equal examples in the same order and equal labels; where
     * the examples were read does not matter.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledCorpus other
                && examples.equals(other.examples)
                && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(examples, labels);
    }

    /**
     * Returns the size and label counts, for example {@code LabeledCorpus[3 examples, {neg=1,
     * pos=2}]}.
     */
    @Override
    public String toString() {
        return "LabeledCorpus[" + size() + " examples, " + labelCounts() + "]";
    }

    /**
     * A corpus divided into a part to train on and a part to tune and validate on.
     *
     * @param train the training part; not null
     * @param dev the development part; not null, may be empty
     */
    public record DevSplit(LabeledCorpus train, LabeledCorpus dev) {

        /** Checks that both parts are present. */
        public DevSplit {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(dev, "dev");
        }
    }
}
