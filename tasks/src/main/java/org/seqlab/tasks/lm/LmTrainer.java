package org.seqlab.tasks.lm;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.Split;
import org.seqlab.corpora.StreamBatches;
import org.seqlab.corpora.TextReader;
import org.seqlab.io.AtomicFiles;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.tokenizers.TokenizerSpec;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Trains a language model on a text file into a model directory.
 *
 * <p>The text is split by position (the last {@code validFraction} is validation), the vocabulary
 * is built from the training part, and the {@link TrainingLoop} keeps the best model by validation
 * loss in the output directory, with its log, loss curve and checkpoint beside it. A run is
 * resumable: {@code run.json} in the output directory records the configuration and the corpus
 * fingerprint, and a resumed run refuses a corpus that changed.
 */
public final class LmTrainer {

    static final String RUN = "run.json";

    private final LmConfig config;
    private final TrainingListener listener;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public LmTrainer(LmConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
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
     * Trains from scratch, or resumes the run in {@code out}.
     *
     * @param command the command line recorded in the manifest
     */
    public Result train(Path corpus, Path out, boolean resume, String command) throws IOException {
        LmConfig cfg = config;
        String corpusSha = TextReader.sha256(corpus);
        if (resume) {
            cfg = resumedConfig(out, corpusSha);
        }
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        if (!resume) {
            cfg = withBpeInside(cfg, out);
        }
        String text = TextReader.read(corpus);
        List<String> tokens = cfg.level().tokens(text, LmModel.tokenizer(cfg.tokenizer(), out));
        int cut = tokens.size() - (int) Math.round(tokens.size() * cfg.validFraction());
        Vocabulary vocab =
                Vocabulary.build(
                        Vocabulary.countStrings(tokens.subList(0, cut)),
                        cfg.minCount(),
                        cfg.maxVocab());
        requireTokensBeyondSpecials(vocab, corpus, cfg.minCount());
        int[] ids = vocab.encode(tokens);
        Split split;
        try {
            split = Split.byPosition(ids, cfg.validFraction());
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(corpus, e.getMessage());
        }
        StreamBatches train;
        try {
            train = new StreamBatches(split.train(), cfg.batch(), cfg.seqLen());
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(corpus, e.getMessage());
        }
        if (!resume) {
            writeRun(out, cfg, corpusSha, command);
        }
        JsonObject data = new JsonObject();
        data.addProperty("corpus", corpus.toString());
        data.addProperty("corpus_sha256", corpusSha);
        data.addProperty("tokens", ids.length);
        data.addProperty("train_tokens", split.train().length);
        data.addProperty("valid_tokens", split.valid().length);
        data.addProperty("train_sha256", TextReader.sha256(split.train()));
        data.addProperty("valid_sha256", TextReader.sha256(split.valid()));
        String recorded = resume ? readRun(out).get("command").getAsString() : command;
        try (LmModel model = LmModel.create(cfg, vocab, out)) {
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
                    new TrainingLoop(task, cfg.training(), out, listener).run(resume);
            return new Result(r, vocab.size(), model.network().parameters().count());
        }
    }

    private static void writeRun(Path out, LmConfig cfg, String corpusSha, String command)
            throws IOException {
        if (TrainingLoop.hasCheckpoint(out)) {
            throw new IllegalStateException(
                    out
                            + " already holds a training run; pass --resume"
                            + " to continue it or choose another --out.");
        }
        JsonObject run = new JsonObject();
        run.add("config", cfg.toJson());
        run.addProperty("corpus_sha256", corpusSha);
        run.addProperty("command", command);
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(RUN), run + "\n");
    }

    private static JsonObject readRun(Path out) throws IOException {
        Path file = out.resolve(RUN);
        if (!Files.isRegularFile(file) || !TrainingLoop.hasCheckpoint(out)) {
            throw new IllegalStateException(
                    "Cannot resume: " + out + " holds no checkpoint of an" + " lm training run.");
        }
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    private LmConfig resumedConfig(Path out, String corpusSha) throws IOException {
        JsonObject run = readRun(out);
        if (!corpusSha.equals(run.get("corpus_sha256").getAsString())) {
            throw new IllegalArgumentException(
                    "Cannot resume: the corpus differs from the one"
                            + " the run in "
                            + out
                            + " started with (SHA-256 mismatch).");
        }
        LmConfig saved = LmConfig.fromJson(run.getAsJsonObject("config"));
        var t = saved.training();
        var budget = config.training().maxTime();
        var training =
                new org.seqlab.seq2seq.TrainingConfig(
                        t.epochs(),
                        t.learningRate(),
                        t.clipNorm(),
                        t.weightDecay(),
                        t.lrDecay(),
                        t.patience(),
                        t.minLearningRate(),
                        budget,
                        t.checkpointEvery(),
                        t.seed());
        return new LmConfig(
                saved.level(),
                saved.cell(),
                saved.layers(),
                saved.hidden(),
                saved.embedding(),
                saved.dropout(),
                saved.seqLen(),
                saved.batch(),
                saved.validFraction(),
                saved.minCount(),
                saved.maxVocab(),
                training,
                saved.tokenizer());
    }

    /** Copies a BPE merges file into the model directory and points the config at the copy. */
    private static LmConfig withBpeInside(LmConfig cfg, Path out) throws IOException {
        TokenizerSpec spec = cfg.tokenizer();
        if (spec.bpeFile() == null) {
            return cfg;
        }
        Path source = Path.of(spec.bpeFile());
        Files.createDirectories(out);
        byte[] merges = Files.readAllBytes(source);
        AtomicFiles.write(out.resolve(LmModel.BPE), o -> o.write(merges));
        return new LmConfig(
                cfg.level(),
                cfg.cell(),
                cfg.layers(),
                cfg.hidden(),
                cfg.embedding(),
                cfg.dropout(),
                cfg.seqLen(),
                cfg.batch(),
                cfg.validFraction(),
                cfg.minCount(),
                cfg.maxVocab(),
                cfg.training(),
                new TokenizerSpec(spec.name(), spec.options(), LmModel.BPE));
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
