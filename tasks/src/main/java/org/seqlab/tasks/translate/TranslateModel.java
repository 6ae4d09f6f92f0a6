package org.seqlab.tasks.translate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.seq2seq.AttentionDecoder;
import org.seqlab.seq2seq.Losses;
import org.seqlab.seq2seq.Masks;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelFormatException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.NamedParameters;
import org.seqlab.seq2seq.SequenceEncoder;
import org.seqlab.tokenizers.BpeTokenizer;
import org.seqlab.tokenizers.Vocabulary;

/**
 * An attention encoder-decoder translator: subword units from byte-pair encoding (joint or one set
 * of merges per side), a bidirectional recurrent encoder, and an {@link AttentionDecoder}.
 *
 * <p>Tokens are the BPE pieces of each side; each side's vocabulary holds the pieces its training
 * text used (a piece never seen, e.g. the bytes of an unseen character, reads as {@code <unk>} on
 * the source side). Decoded pieces are joined by the BPE tokenizer itself, which restores the text
 * exactly as the training data spaced it (byte-level pieces carry their spaces). The model
 * directory holds {@code vocab.txt} (source), {@code target-vocab.txt}, {@code bpe-merges.txt} (the
 * source side's, or the joint merges) and {@code target-bpe-merges.txt} when the sides differ.
 */
public final class TranslateModel implements AutoCloseable {

    /** The task name in manifests. */
    public static final String TASK = "translate";

    static final String TARGET_VOCAB = "target-vocab.txt";
    static final String TARGET_BPE = "target-bpe-merges.txt";

    private final TranslateConfig config;
    private final Side source;
    private final Side target;
    private final NDManager manager;
    private final NamedParameters params;
    private final SequenceEncoder encoder;
    private final AttentionDecoder decoder;
    private final ModelManifest manifest;

    /** One language side: its merges, its vocabulary of pieces, and piece lookups. */
    record Side(BpeTokenizer bpe, Vocabulary vocabulary, Map<String, Integer> pieceIds) {

        static Side of(BpeTokenizer bpe, Vocabulary vocabulary) {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < bpe.vocabularySize(); i++) {
                ids.putIfAbsent(bpe.piece(i), i);
            }
            return new Side(bpe, vocabulary, ids);
        }

        /** The piece strings of {@code text}. */
        List<String> pieces(String text) {
            return TranslateModel.pieces(bpe, text);
        }

        int[] ids(String text, int max) {
            List<String> p = pieces(text);
            int n = Math.min(max, p.size());
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = vocabulary.id(p.get(i));
            }
            return out;
        }

        String text(int[] ids) {
            int[] bpeIds = new int[ids.length];
            int n = 0;
            for (int id : ids) {
                Integer b = pieceIds.get(vocabulary.token(id));
                if (id >= Vocabulary.SPECIALS.size() && b != null) {
                    bpeIds[n++] = b;
                }
            }
            return bpe.decode(java.util.Arrays.copyOf(bpeIds, n));
        }
    }

    private TranslateModel(
            NDManager manager, TranslateConfig config, Side source, Side target, ModelManifest m) {
        this.manager = manager;
        this.config = config;
        this.source = source;
        this.target = target;
        this.manifest = m;
        // A model with a manifest is being loaded: its weights come from the file.
        this.params =
                m != null
                        ? NamedParameters.forLoading(manager)
                        : new NamedParameters(manager, config.seed());
        this.encoder =
                new SequenceEncoder(
                        params,
                        "encoder",
                        config.cell(),
                        source.vocabulary().size(),
                        config.embedding(),
                        config.encoderHidden(),
                        config.encoderLayers(),
                        true,
                        config.dropout());
        this.decoder =
                new AttentionDecoder(
                        params,
                        "decoder",
                        new AttentionDecoder.Spec(
                                config.cell(),
                                target.vocabulary().size(),
                                config.embedding(),
                                config.hidden(),
                                config.decoderLayers(),
                                2 * config.encoderHidden(),
                                config.attention(),
                                config.inputFeeding(),
                                config.tied(),
                                config.dropout()));
    }

    /** Creates an untrained model (seeded by the config) over the given merges and vocabularies. */
    public static TranslateModel create(
            TranslateConfig config,
            BpeTokenizer sourceBpe,
            Vocabulary sourceVocab,
            BpeTokenizer targetBpe,
            Vocabulary targetVocab) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        NDManager m = NDManager.newBaseManager(Engine.getInstance().defaultDevice());
        try {
            return new TranslateModel(
                    m,
                    config,
                    Side.of(sourceBpe, sourceVocab),
                    Side.of(targetBpe, targetVocab),
                    null);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws ModelFormatException naming the file and what is wrong
     */
    public static TranslateModel load(Path dir) throws IOException {
        ModelDirectory md =
                ModelDirectory.open(
                        dir,
                        TASK,
                        ModelDirectory.VOCAB,
                        TARGET_VOCAB,
                        ModelDirectory.BPE,
                        ModelDirectory.PARAMS);
        TranslateConfig config = md.config(TranslateConfig::fromJson);
        Vocabulary sv = md.vocabulary();
        Vocabulary tv = Vocabulary.load(md.file(TARGET_VOCAB));
        BpeTokenizer sb = BpeTokenizer.load(md.file(ModelDirectory.BPE));
        BpeTokenizer tb = config.jointBpe() ? sb : BpeTokenizer.load(md.file(TARGET_BPE));
        return md.build(
                NDManager.newBaseManager(Engine.getInstance().defaultDevice()),
                m -> {
                    TranslateModel model =
                            new TranslateModel(
                                    m, config, Side.of(sb, sv), Side.of(tb, tv), md.manifest());
                    md.loadParameters(model.params);
                    return model;
                });
    }

    /** Writes weights, vocabularies and merges, each atomically, then the manifest. */
    public void save(Path dir, ModelManifest newManifest) throws IOException {
        ModelDirectory.save(
                dir,
                newManifest,
                source.vocabulary(),
                params,
                d -> {
                    target.vocabulary().save(d.resolve(TARGET_VOCAB));
                    source.bpe().save(d.resolve(ModelDirectory.BPE));
                    if (!config.jointBpe()) {
                        target.bpe().save(d.resolve(TARGET_BPE));
                    }
                });
    }

    /** Returns the source ids the model reads for {@code text}, cut to {@code max_tokens}. */
    public int[] sourceIds(String text) {
        return source.ids(text, config.maxTokens());
    }

    /** Returns the target ids of {@code text} (not cut), without BOS or EOS. */
    public int[] targetIds(String text) {
        return target.ids(text, Integer.MAX_VALUE);
    }

    /** Returns the text of target ids (specials skipped). */
    public String targetText(int[] ids) {
        return target.text(ids);
    }

    /** Returns the piece strings {@code bpe} cuts {@code text} into: a side's tokens. */
    static List<String> pieces(BpeTokenizer bpe, String text) {
        int[] ids = bpe.encode(text);
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(bpe.piece(id));
        }
        return out;
    }

    /** Returns all source piece strings of {@code text}, not cut. */
    List<String> allSourcePieces(String text) {
        return source.pieces(text);
    }

    /** Returns a padded int64 {@code (B, T)} batch and its lengths; empty rows read as one unk. */
    static NDArray[] padded(NDManager m, List<int[]> rows, int prefix, int suffix, int pad) {
        int t = 1;
        for (int[] r : rows) {
            t = Math.max(t, Math.max(1, r.length) + prefix + suffix);
        }
        long[] flat = new long[rows.size() * t];
        java.util.Arrays.fill(flat, pad);
        long[] lengths = new long[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            int[] r =
                    rows.get(b).length == 0 && prefix + suffix == 0
                            ? new int[] {Vocabulary.UNK_ID}
                            : rows.get(b);
            int k = b * t;
            if (prefix == 1) {
                flat[k++] = Vocabulary.BOS_ID;
            }
            for (int id : r) {
                flat[k++] = id;
            }
            if (suffix == 1) {
                flat[k++] = Vocabulary.EOS_ID;
            }
            lengths[b] = k - b * t;
        }
        return new NDArray[] {m.create(flat, new Shape(rows.size(), t)), m.create(lengths)};
    }

    /** Encodes a batch of source id rows and returns the decoder's start state. */
    AttentionDecoder.State start(NDManager m, List<int[]> sources, boolean training) {
        NDArray[] s = padded(m, sources, 0, 0, Vocabulary.PAD_ID);
        return decoder.start(encoder.encodeSequence(s[0], s[1], training));
    }

    /**
     * Returns the masked cross-entropy of the targets (each followed by EOS) given the sources,
     * with teacher forcing: its sum over target tokens and their count.
     */
    Losses.SequenceLoss loss(
            NDManager m, List<int[]> sources, List<int[]> targets, boolean training) {
        AttentionDecoder.State start = start(m, sources, training);
        NDArray[] in = padded(m, targets, 1, 0, Vocabulary.PAD_ID);
        NDArray[] out = padded(m, targets, 0, 1, Vocabulary.PAD_ID);
        NDArray logits = decoder.logits(start, in[0], training);
        NDArray mask = Masks.lengthMask(m, out[1], out[0].getShape().get(1));
        return Losses.sequenceCrossEntropy(
                logits, out[0], mask, training ? config.labelSmoothing() : 0f);
    }

    /** Returns the configuration. */
    public TranslateConfig config() {
        return config;
    }

    /** Returns the manifest it was loaded with, or null for an unsaved model. */
    public ModelManifest manifest() {
        return manifest;
    }

    AttentionDecoder decoder() {
        return decoder;
    }

    BpeTokenizer sourceBpe() {
        return source.bpe();
    }

    BpeTokenizer targetBpe() {
        return target.bpe();
    }

    Vocabulary sourceVocabulary() {
        return source.vocabulary();
    }

    Vocabulary targetVocabulary() {
        return target.vocabulary();
    }

    NamedParameters parameters() {
        return params;
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        params.close();
        manager.close();
    }
}
