package org.seqlab.corpora;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a token id sequence into parallel streams and windows for truncated backpropagation through
 * time, like {@code batchify} and {@code get_batch} in PyTorch's word_language_model example.
 *
 * <p>The ids are cut into {@link #batchSize()} streams of length {@code L = ids.length / batchSize}
 * (the trailing remainder is dropped); stream {@code b} holds {@code ids[b*L .. (b+1)*L)}. Window
 * {@code k} starts at position {@code i = k * seqLen} of every stream and has length {@code t =
 * min(seqLen, L - 1 - i)}: its inputs are {@code stream[i .. i+t)} and its targets {@code
 * stream[i+1 .. i+1+t)}. Row {@code b} of consecutive windows therefore continues where the
 * previous window's row {@code b} stopped, so a recurrent state can be carried from one window to
 * the next.
 *
 * <p>Instances are immutable and thread-safe; the ids are copied.
 */
public final class StreamBatches {
    private final int[] ids;
    private final int batchSize;
    private final int seqLen;
    private final int streamLength;
    private final int windowCount;

    /**
     * Creates the streams for a corpus.
     *
     * @param ids the corpus; not null
     * @param batchSize the number of parallel streams, at least 1
     * @param seqLen the maximum window length, at least 1
     * @throws IllegalArgumentException as {@link #requireTrainable} describes
     */
    public StreamBatches(int[] ids, int batchSize, int seqLen) {
        Objects.requireNonNull(ids, "ids");
        requireTrainable(ids.length, batchSize, seqLen);
        this.batchSize = batchSize;
        this.seqLen = seqLen;
        this.streamLength = ids.length / batchSize;
        this.ids = Arrays.copyOf(ids, batchSize * streamLength);
        this.windowCount = (streamLength - 2) / seqLen + 1;
    }

    /**
     * Checks that a corpus of {@code tokens} ids gives at least one window.
     *
     * @param tokens the number of ids in the corpus
     * @param batchSize the number of parallel streams
     * @param seqLen the maximum window length
     * @throws IllegalArgumentException if {@code batchSize < 1}, {@code seqLen < 1}, or the corpus
     *     has fewer than {@code 2 * batchSize} ids, so a stream cannot hold an input and its target
     */
    public static void requireTrainable(int tokens, int batchSize, int seqLen) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "The batch size must be at least 1, but it is " + batchSize + ".");
        }
        if (seqLen < 1) {
            throw new IllegalArgumentException(
                    "The sequence length must be at least 1, but it is " + seqLen + ".");
        }
        if (tokens / batchSize < 2) {
            throw new IllegalArgumentException(
                    "The corpus has "
                            + tokens
                            + " tokens, shorter than one window: batch size "
                            + batchSize
                            + " needs at least "
                            + 2L * batchSize
                            + " tokens (two per stream).");
        }
    }

    /** Returns the number of parallel streams, the rows of every window. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the maximum window length; only the last window may be shorter. */
    public int seqLen() {
        return seqLen;
    }

    /** Returns the length {@code L} of each stream, {@code ids.length / batchSize}. */
    public int streamLength() {
        return streamLength;
    }

    /** Returns the number of windows in an epoch, {@code ceil((L - 1) / seqLen)}. */
    public int windowCount() {
        return windowCount;
    }

    /** Returns the number of predicted targets in an epoch, {@code batchSize * (L - 1)}. */
    public long tokensPerEpoch() {
        return (long) batchSize * (streamLength - 1);
    }

    /**
     * Returns window {@code k}: rows are streams, columns positions {@code k*seqLen .. k*seqLen +
     * t}, targets one position ahead of inputs.
     *
     * @param k the window index, in {@code [0, windowCount())}
     * @return a new window with fresh arrays
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public Window window(int k) {
        if (k < 0 || k >= windowCount) {
            throw new IllegalArgumentException(
                    "The window index must be in [0, " + windowCount + "), but it is " + k + ".");
        }
        int start = k * seqLen;
        int length = Math.min(seqLen, streamLength - 1 - start);
        int[] inputs = new int[batchSize * length];
        int[] targets = new int[batchSize * length];
        for (int b = 0; b < batchSize; b++) {
            int from = b * streamLength + start;
            System.arraycopy(ids, from, inputs, b * length, length);
            System.arraycopy(ids, from + 1, targets, b * length, length);
        }
        return new Window(inputs, targets, batchSize, length);
    }

    @Override
    public String toString() {
        return "StreamBatches[batchSize="
                + batchSize
                + ", seqLen="
                + seqLen
                + ", streamLength="
                + streamLength
                + ", windowCount="
                + windowCount
                + "]";
    }

    /**
     * One window of inputs and targets, each a row-major {@code [batch][length]} matrix flattened
     * so that row {@code b}, column {@code j} is at index {@code b * length + j}.
     *
     * <p>The arrays are not copied; callers must not modify them. {@link #equals}, {@link
     * #hashCode} and {@link #toString} look at the arrays' contents.
     *
     * @param inputs the input ids, {@code batch * length} of them
     * @param targets the target ids, each the id after the input at the same index
     * @param batch the number of rows, at least 1
     * @param length the number of columns, at least 1
     */
    public record Window(int[] inputs, int[] targets, int batch, int length) {

        /**
         * Checks the shape.
         *
         * @throws IllegalArgumentException if {@code batch} or {@code length} is below 1 or an
         *     array does not hold {@code batch * length} ids
         */
        public Window {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(targets, "targets");
            if (batch < 1 || length < 1) {
                throw new IllegalArgumentException(
                        "A window needs at least one row and one column, but it has "
                                + batch
                                + " rows and "
                                + length
                                + " columns.");
            }
            if (inputs.length != batch * length || targets.length != batch * length) {
                throw new IllegalArgumentException(
                        "A "
                                + batch
                                + "x"
                                + length
                                + " window needs "
                                + batch * length
                                + " inputs and targets, but it has "
                                + inputs.length
                                + " inputs and "
                                + targets.length
                                + " targets.");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Window other
                    && batch == other.batch
                    && length == other.length
                    && Arrays.equals(inputs, other.inputs)
                    && Arrays.equals(targets, other.targets);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(inputs), Arrays.hashCode(targets), batch, length);
        }

        @Override
        public String toString() {
            return "Window[batch="
                    + batch
                    + ", length="
                    + length
                    + ", inputs="
                    + Arrays.toString(inputs)
                    + ", targets="
                    + Arrays.toString(targets)
                    + "]";
        }
    }
}
