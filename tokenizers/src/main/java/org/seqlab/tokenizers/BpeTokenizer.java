package org.seqlab.tokenizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * A byte-pair-encoding tokenizer with byte fallback, learned from a corpus or loaded from a merges
 * file.
 *
 * <p>Text is first cut into pre-tokens the way GPT-2 does (a word, number or run of symbols with an
 * optional leading space, or a run of whitespace; see {@link #learn}); merges never cross a
 * pre-token boundary. Within a pre-token, the merge rules are applied lowest rank first, leftmost
 * first among equal ranks, starting from single code points.
 *
 * <p>Ids: 0..255 are byte tokens, and the ASCII bytes 0..127 double as the ASCII characters. Then
 * come the non-ASCII code points that occur in the merges, in code point order, then the pieces the
 * merges make, in merge order (two merges that make the same string share its id). A code point
 * with no id of its own (one that never appears in a merge) is encoded as its UTF-8 bytes; an
 * unpaired surrogate as the three bytes of its UTF-16 code unit. Hence {@code
 * decode(encode(s)).equals(s)} for every string, and the vocabulary is defined by the merges alone,
 * which is all {@link #save} stores.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BpeTokenizer implements Tokenizer {

    private static final int BYTES = 256;
    private static final int UNKNOWN = -1;
    private static final int GONE = -2;

    private final List<BpeMerge> merges;
    private final String[] pieces;
    private final Map<Integer, Integer> codePointIds;
    private final Map<Long, Integer> ranks;
    private final int[] mergeResults;

    private BpeTokenizer(List<BpeMerge> merges) {
        this.merges = List.copyOf(merges);
        TreeSet<Integer> alphabet = new TreeSet<>();
        for (BpeMerge merge : merges) {
            merge.merged().codePoints().filter(c -> c >= 0x80).forEach(alphabet::add);
        }
        List<String> table = new ArrayList<>(BYTES + alphabet.size() + merges.size());
        Map<String, Integer> ids = new HashMap<>();
        for (int b = 0; b < BYTES; b++) {
            table.add(b < 0x80 ? String.valueOf((char) b) : String.format("<0x%02X>", b));
            if (b < 0x80) {
                ids.put(table.get(b), b);
            }
        }
        Map<Integer, Integer> codePoints = new HashMap<>();
        for (int codePoint : alphabet) {
            codePoints.put(codePoint, table.size());
            ids.put(new String(Character.toChars(codePoint)), table.size());
            table.add(new String(Character.toChars(codePoint)));
        }
        this.ranks = new HashMap<>();
        this.mergeResults = new int[merges.size()];
        for (int rank = 0; rank < merges.size(); rank++) {
            BpeMerge merge = merges.get(rank);
            String merged = merge.merged();
            Integer id = ids.get(merged);
            if (id == null) {
                id = table.size();
                ids.put(merged, id);
                table.add(merged);
            }
            ranks.putIfAbsent(pair(ids.get(merge.left()), ids.get(merge.right())), rank);
            mergeResults[rank] = id;
        }
        this.pieces = table.toArray(new String[0]);
        this.codePointIds = codePoints;
    }

    /**
     * Learns a tokenizer with up to {@code merges} merge rules from {@code corpus}.
     *
     * <p>The corpus is cut into pre-tokens: an English contraction suffix ({@code 's 't 're 've 'm
     * 'll 'd}); else a run of letters, of numbers, or of other symbols, each with an optional
     * single leading space; else a run of whitespace, which leaves its last character to the next
     * pre-token when more text follows. Merges are learned over code-point sequences within
     * pre-tokens: each step merges the most frequent adjacent pair (ties go to the pair whose
     * pieces were made first, base code points in code point order). Learning stops early when no
     * pair occurs twice. The same corpus and count always give the same tokenizer.
     *
     * @param corpus the training text; must not be null
     * @param merges the most merge rules to learn; at least 0 (0 gives a character-level tokenizer)
     * @return the learned tokenizer
     * @throws NullPointerException if {@code corpus} is null
     * @throws IllegalArgumentException if {@code merges} is negative
     */
    public static BpeTokenizer learn(String corpus, int merges) {
        Objects.requireNonNull(corpus, "The training corpus must not be null.");
        if (merges < 0) {
            throw new IllegalArgumentException(
                    "The number of merges must be at least 0, but was " + merges + ".");
        }
        return new BpeTokenizer(BpeTrainer.learn(corpus, merges));
    }

    /**
     * Loads a tokenizer saved by {@link #save}.
     *
     * @param file the merges file
     * @return a tokenizer that encodes every text exactly as the saved one did
     * @throws BpeFormatException if the file is not a valid merges file (bad header, malformed
     *     line, bad escape, unknown piece, duplicate merge, wrong count, bad UTF-8); the message
     *     starts with {@code file:line:}
     * @throws IOException if the file cannot be read
     */
    public static BpeTokenizer load(Path file) throws IOException {
        Objects.requireNonNull(file, "The file to load must not be null.");
        return new BpeTokenizer(BpeFile.read(file));
    }

    /**
     * Saves the merge rules to {@code file}, atomically, as UTF-8 text: a header line {@code
     * #seqlab-bpe v1 merges=N}, then one merge per line in order, its two pieces escaped ({@code \\
     * \s \n \t \r}) and separated by one space.
     *
     * @param file the file to write; its directory is created if needed
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "The file to save to must not be null.");
        BpeFile.write(file, merges);
    }

    /**
     * Encodes {@code text} as token ids.
     *
     * @param text the text to encode; must not be null
     * @return the ids, each in {@code [0, vocabularySize())}; {@link #decode} gives {@code text}
     *     back
     * @throws NullPointerException if {@code text} is null
     */
    public int[] encode(String text) {
        Objects.requireNonNull(text, "The text to encode must not be null.");
        Segments segments = segment(text);
        int[] ids = new int[segments.size * 4];
        int count = 0;
        for (int k = 0; k < segments.size; k++) {
            int id = segments.ids[k];
            if (id == UNKNOWN) {
                count += ByteFallback.encode(text.codePointAt(segments.starts[k]), ids, count);
            } else {
                ids[count++] = id;
            }
        }
        return Arrays.copyOf(ids, count);
    }

    /**
     * Decodes token ids back to text.
     *
     * <p>For ids from {@link #encode}, gives exactly the encoded text. Runs of byte ids that are
     * not well-formed UTF-8 (possible only for ids made up by hand) give U+FFFD per bad byte.
     *
     * @param ids the ids; must not be null
     * @return the text
     * @throws NullPointerException if {@code ids} is null
     * @throws IllegalArgumentException if an id is outside {@code [0, vocabularySize())}
     */
    public String decode(int[] ids) {
        Objects.requireNonNull(ids, "The ids to decode must not be null.");
        StringBuilder text = new StringBuilder(ids.length * 2);
        int[] bytes = new int[ids.length];
        int pending = 0;
        for (int id : ids) {
            checkId(id);
            if (id < BYTES) {
                bytes[pending++] = id;
                continue;
            }
            ByteFallback.decode(bytes, pending, text);
            pending = 0;
            text.append(pieces[id]);
        }
        ByteFallback.decode(bytes, pending, text);
        return text.toString();
    }

    /**
     * Splits {@code text} into the same pieces as {@link #encode}, with their offsets.
     *
     * <p>Each token is one vocabulary piece, except that the byte ids of a code point with no id of
     * its own make one token covering that code point (one or two chars). Tokens cover the whole
     * text, so concatenating their texts gives {@code text}.
     *
     * @param text the text to split; must not be null
     * @return the tokens in text order, covering the text
     * @throws NullPointerException if {@code text} is null
     */
    @Override
    public List<Token> tokenize(String text) {
        Objects.requireNonNull(text, "The text to tokenize must not be null.");
        Segments segments = segment(text);
        List<Token> tokens = new ArrayList<>(segments.size);
        for (int k = 0; k < segments.size; k++) {
            int start = segments.starts[k];
            int end = segments.starts[k + 1];
            tokens.add(new Token(text.substring(start, end), start, end));
        }
        return Collections.unmodifiableList(tokens);
    }

    /**
     * Returns the number of ids: 256 byte ids, the non-ASCII code points in the merges, and the
     * distinct pieces the merges make.
     *
     * @return the vocabulary size; at least 256
     */
    public int vocabularySize() {
        return pieces.length;
    }

    /**
     * Returns a readable form of the piece with id {@code id}.
     *
     * @param id an id in {@code [0, vocabularySize())}
     * @return the piece's text; for ids 0..127 the ASCII character, for the byte ids 128..255 the
     *     form {@code <0xNN>} with two upper-case hex digits
     * @throws IllegalArgumentException if {@code id} is out of range
     */
    public String piece(int id) {
        checkId(id);
        return pieces[id];
    }

    /**
     * Returns the number of merge rules.
     *
     * @return the merge count; at least 0
     */
    public int mergeCount() {
        return merges.size();
    }

    @Override
    public String toString() {
        return "BpeTokenizer[merges=" + merges.size() + ", vocabularySize=" + pieces.length + "]";
    }

    private void checkId(int id) {
        if (id < 0 || id >= pieces.length) {
            throw new IllegalArgumentException(
                    "Token id must be in [0, " + pieces.length + "), but was " + id + ".");
        }
    }

    /** The pieces of a text: ids (UNKNOWN for byte fallback) and start offsets, plus the end. */
    private static final class Segments {
        int[] ids;
        int[] starts;
        int size;

        Segments(int capacity) {
            ids = new int[capacity];
            starts = new int[capacity + 1];
        }

        void add(int id, int start) {
            ids[size] = id;
            starts[size++] = start;
        }
    }

    private Segments segment(String text) {
        Segments segments = new Segments(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = BpePreTokenizer.end(text, start);
            mergeWithin(text, start, end, segments);
            start = end;
        }
        segments.starts[segments.size] = text.length();
        return segments;
    }

    /** Applies the merges to the pre-token {@code text[from, to)}, adding its pieces. */
    private void mergeWithin(String text, int from, int to, Segments out) {
        int n = text.codePointCount(from, to);
        int[] ids = new int[n];
        int[] starts = new int[n];
        int[] next = new int[n];
        int[] previous = new int[n];
        for (int k = 0, i = from; k < n; k++) {
            int codePoint = text.codePointAt(i);
            ids[k] = idOf(codePoint);
            starts[k] = i;
            next[k] = k + 1;
            previous[k] = k - 1;
            i += Character.charCount(codePoint);
        }
        if (n > 1 && !ranks.isEmpty()) {
            // Entries are (rank << 32 | position): lowest rank first, then leftmost.
            PriorityQueue<Long> queue = new PriorityQueue<>();
            for (int k = 0; k + 1 < n; k++) {
                offer(queue, ids, next, k);
            }
            while (!queue.isEmpty()) {
                long entry = queue.poll();
                int rank = (int) (entry >>> 32);
                int k = (int) entry;
                if (ids[k] == GONE || next[k] == n || rankOf(ids[k], ids[next[k]]) != rank) {
                    continue;
                }
                int gone = next[k];
                ids[k] = mergeResults[rank];
                ids[gone] = GONE;
                next[k] = next[gone];
                if (next[k] < n) {
                    previous[next[k]] = k;
                }
                if (previous[k] >= 0) {
                    offer(queue, ids, next, previous[k]);
                }
                offer(queue, ids, next, k);
            }
        }
        for (int k = 0; k < n; k = next[k]) {
            out.add(ids[k], starts[k]);
        }
    }

    private void offer(PriorityQueue<Long> queue, int[] ids, int[] next, int k) {
        if (next[k] < ids.length) {
            int rank = rankOf(ids[k], ids[next[k]]);
            if (rank >= 0) {
                queue.add(((long) rank << 32) | k);
            }
        }
    }

    private int rankOf(int left, int right) {
        if (left < 0 || right < 0) {
            return -1;
        }
        Integer rank = ranks.get(pair(left, right));
        return rank == null ? -1 : rank;
    }

    private int idOf(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint;
        }
        Integer id = codePointIds.get(codePoint);
        return id == null ? UNKNOWN : id;
    }

    private static long pair(int left, int right) {
        return ((long) left << 32) | right;
    }
}
