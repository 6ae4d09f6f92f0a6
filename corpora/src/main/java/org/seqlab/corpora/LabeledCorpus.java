package org.seqlab.corpora;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * An immutable list of labeled texts together with the set of labels.
 *
 * <p>The label set contains every label of the examples and, for the parts of a {@link #dev(double,
 * long)} split, every label of the corpus that was split, so that both parts index labels the same
 * way. Instances are immutable and thread-safe.
 */
public final class LabeledCorpus {
    private final List<LabeledText> examples;
    private final List<String> labels;
    private final int skipped;

    private LabeledCorpus(List<LabeledText> examples, List<String> labels, int skipped) {
        this.examples = examples;
        this.labels = labels;
        this.skipped = skipped;
    }

    /**
     * Creates a corpus of the given examples, whose label set is the labels they use.
     *
     * @param examples the examples in order; not null, without null elements, may be empty
     * @return the corpus, with {@link #skipped()} 0
     */
    public static LabeledCorpus of(List<LabeledText> examples) {
        return of(examples, 0);
    }

    static LabeledCorpus of(List<LabeledText> examples, int skipped) {
        List<LabeledText> copy = List.copyOf(examples);
        TreeSet<String> labels = new TreeSet<>();
        for (LabeledText example : copy) {
            labels.add(example.label());
        }
        return new LabeledCorpus(copy, List.copyOf(labels), skipped);
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
        for (int i = 0; i < held.length; i++) {
            (held[i] ? dev : train).add(examples.get(i));
        }
        return new DevSplit(
                new LabeledCorpus(List.copyOf(train), labels, 0),
                new LabeledCorpus(List.copyOf(dev), labels, 0));
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

    /** Two corpora are equal when they have equal examples in the same order and equal labels. */
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
