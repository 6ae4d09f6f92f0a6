package org.seqlab.tasks.lm;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.Split;
import org.seqlab.corpora.StreamBatches;
import org.seqlab.corpora.TextReader;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.ModelDirectory;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.seq2seq.TrainingRun;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Trains a language model on a text file into a model directory.
 *
 * <p>The text is split by position (the last {@code validFraction} is validation), the vocabulary
 * is built from the training part, and the {@link TrainingLoop} keeps the best model by validation
 * loss in the output directory, with its log, loss curve and checkpoint beside it. A run is
 * resumable through {@link TrainingRun}: {@code run.json} in the output directory records the
 * configuration and the corpus fingerprint, and a resumed run refuses a corpus that changed.
 */
public final class LmTrainer {

    private final LmConfig config;
    private final TrainingListener listener;
    private final FineTune source;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public LmTrainer(LmConfig config, TrainingListener listener) {
        this(config, listener, null);
    }

    private LmTrainer(LmConfig config, TrainingListener listener, FineTune source) {
        this.config = config;
        this.listener = listener;
        this.source = source;
    }

    /**
     * Returns a trainer that starts from {@code source}'s weights and vocabulary (null: from fresh
     * weights); {@code config} must already hold the source's architecture ({@link
     * FineTune#adopt}).
     */
    public LmTrainer initFrom(FineTune source) {
        return new LmTrainer(config, listener, source);
    }

    /**
     * The outcome of a run.
     *
     * @param loop what the training loop reported
     * @param vocabularySize number of vocabulary entries
     * @param parameters number of trained weights
     */
    public record Result(TrainingLoop.Result loop, int vocabularySize, long parameters) {}

    /**
     * Trains from scratch, or resumes the run in {@code out} (with its recorded configuration; only
     * the time budget of this trainer's configuration applies).
     *
     * @param command the command line recorded in the manifest
     */
    public Result train(Path corpus, Path out, boolean resume, String command) throws IOException {
        LmConfig cfg = config;
        String corpusSha = TextReader.sha256(corpus);
        TrainingRun.Recorded run;
        FineTune from = source;
        if (resume) {
            run = TrainingRun.resume(out, LmModel.TASK, corpusSha);
            cfg = resumed(run, config);
            from = run.source();
        } else {
            TrainingRun.requireFresh(out);
            if (from != null) {
                from.copyTokenizerFiles(out);
            }
            cfg = cfg.with(cfg.training(), ModelDirectory.copyTokenizerFiles(cfg.tokenizer(), out));
            run = new TrainingRun.Recorded(LmModel.TASK, cfg.toJson(), corpusSha, command, from);
        }
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        String text = TextReader.read(corpus);
        List<String> tokens = cfg.level().tokens(text, LmModel.tokenizer(cfg.tokenizer(), out));
        int cut = tokens.size() - (int) Math.round(tokens.size() * cfg.validFraction());
        Map<String, Long> counts = Vocabulary.countStrings(tokens.subList(0, cut));
        LmModel start = from == null ? null : LmModel.load(from.dir());
        Vocabulary vocab =
                start == null
                        ? Vocabulary.build(counts, cfg.minCount(), cfg.maxVocab())
                        : from.vocabulary(start.vocabulary(), counts, cfg.minCount());
        requireTokensBeyondSpecials(vocab, corpus, cfg.minCount());
        int[] ids = vocab.encode(tokens);
        Split split;
        StreamBatches train;
        try {
            split = Split.byPosition(ids, cfg.validFraction());
            train = new StreamBatches(split.train(), cfg.batch(), cfg.seqLen());
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(corpus, e.getMessage());
        }
        if (!resume) {
            TrainingRun.begin(out, run);
        }
        JsonObject data = new JsonObject();
        data.addProperty("corpus", corpus.toString());
        data.addProperty("corpus_sha256", corpusSha);
        data.addProperty("tokens", ids.length);
        data.addProperty("train_tokens", split.train().length);
        data.addProperty("valid_tokens", split.valid().length);
        data.addProperty("train_sha256", TextReader.sha256(split.train()));
        data.addProperty("valid_sha256", TextReader.sha256(split.valid()));
        if (from != null) {
            data.add("init_from", from.toJson());
        }
        String recorded = run.command();
        try (LmModel model = LmModel.create(cfg, vocab, out)) {
            if (start != null) {
                try (start) {
                    from.copyWeights(
                            start.network().parameters(),
                            model.network().parameters(),
                            start.vocabulary().size(),
                            vocab.size());
                }
            }
            LmTrainingTask task =
                    new LmTrainingTask(
                            model,
                            train,
                            split.valid(),
                            out,
                            base ->
                                    ModelManifest.create(
                                            LmModel.TASK,
                                            base.toJson(),
                                            base.seed(),
                                            data,
                                            new JsonObject(),
                                            recorded));
            TrainingLoop.Result r =
                    TrainingRun.train(task, cfg.training(), out, listener, resume, from);
            return new Result(r, vocab.size(), model.network().parameters().count());
        }
    }

    /** The recorded configuration of a resumed run, with this run's time budget. */
    private static LmConfig resumed(TrainingRun.Recorded run, LmConfig now) {
        LmConfig saved = LmConfig.fromJson(run.config());
        return saved.with(
                saved.training().withMaxTime(now.training().maxTime()), saved.tokenizer());
    }

    static long[] toLongs(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    /**
     * Rejects a vocabulary of only the special tokens, with which every token would be {@code
     * <unk>} and the loss meaningless.
     *
     * @throws CorpusFormatException naming {@code corpus} and {@code --min-count}
     */
    static void requireTokensBeyondSpecials(Vocabulary vocab, Path corpus, int minCount)
            throws CorpusFormatException {
        if (vocab.size() > Vocabulary.SPECIALS.size()) {
            return;
        }
        String only = "the vocabulary would hold only " + String.join(" ", Vocabulary.SPECIALS);
        throw new CorpusFormatException(
                corpus,
                minCount > 1
                        ? "no token occurs at least "
                                + minCount
                                + " times in the training part: "
                                + only
                                + "; lower --min-count"
                        : "the training part holds no token: " + only);
    }
}
