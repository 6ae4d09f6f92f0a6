package org.seqlab.tasks.translate;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.SentencePair;
import org.seqlab.eval.Bleu;
import org.seqlab.io.DataDigest;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.seq2seq.TrainingRun;
import org.seqlab.tokenizers.BpeTokenizer;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Trains a {@link TranslateModel}: byte-pair merges learned from the training pairs, one vocabulary
 * of pieces per side, pairs longer than {@code max_tokens} pieces left out, and the best model by
 * dev BLEU (greedy) or dev loss kept in the output directory.
 */
public final class TranslateTrainer {

    private final TranslateConfig config;
    private final TrainingListener listener;

    private final FineTune source;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public TranslateTrainer(TranslateConfig config, TrainingListener listener) {
        this(config, listener, null);
    }

    private TranslateTrainer(TranslateConfig config, TrainingListener listener, FineTune source) {
        this.config = config;
        this.listener = listener;
        this.source = source;
    }

    /**
     * Returns a trainer that starts from {@code source}'s weights, BPE merges and vocabularies
     * (null: from fresh weights); {@code config} must already hold the source's architecture
     * ({@link FineTune#adopt}).
     */
    public TranslateTrainer initFrom(FineTune source) {
        return new TranslateTrainer(config, listener, source);
    }

    /** What a run produced. */
    public record Result(
            TrainingLoop.Result loop, int sourceVocabulary, int targetVocabulary, int pairs) {}

    /**
     * Trains on {@code train}, choosing by {@code dev}; or resumes the run in {@code out} with its
     * recorded configuration (only this trainer's time budget applies) after checking that the data
     * is the same.
     *
     * @param command the command line recorded in the manifest
     * @throws IllegalArgumentException when the training data has no pairs
     */
    public Result train(
            ParallelCorpus train, ParallelCorpus dev, Path out, boolean resume, String command)
            throws IOException {
        if (train.pairs().isEmpty() || dev.pairs().isEmpty()) {
            throw new IllegalArgumentException(
                    "Training needs at least one training pair and one dev pair; got "
                            + train.pairs().size()
                            + " and "
                            + dev.pairs().size()
                            + ".");
        }
        String dataSha = sha256(train, dev);
        TranslateConfig cfg = config;
        TrainingRun.Recorded run = null;
        FineTune from = source;
        if (resume) {
            run = TrainingRun.resume(out, TranslateModel.TASK, dataSha);
            from = run.source();
            TranslateConfig saved = TranslateConfig.fromJson(run.config());
            cfg = saved.with(saved.training().withMaxTime(config.training().maxTime()));
        } else {
            TrainingRun.requireFresh(out);
        }
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        BpeTokenizer sourceBpe;
        BpeTokenizer targetBpe;
        TranslateModel start = from == null ? null : TranslateModel.load(from.dir());
        if (start != null) {
            sourceBpe = start.sourceBpe();
            targetBpe = start.targetBpe();
        } else if (cfg.jointBpe()) {
            sourceBpe = BpeTokenizer.learn(join(train.sources(), train.targets()), cfg.bpeMerges());
            targetBpe = sourceBpe;
        } else {
            sourceBpe = BpeTokenizer.learn(join(train.sources(), List.of()), cfg.bpeMerges());
            targetBpe = BpeTokenizer.learn(join(train.targets(), List.of()), cfg.bpeMerges());
        }
        List<List<String>> srcPieces = pieces(sourceBpe, train.sources());
        List<List<String>> tgtPieces = pieces(targetBpe, train.targets());
        Map<String, Long> srcCounts = new HashMap<>();
        Map<String, Long> tgtCounts = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < srcPieces.size(); i++) {
            if (srcPieces.get(i).size() <= cfg.maxTokens()
                    && tgtPieces.get(i).size() <= cfg.maxTokens()) {
                kept.add(i);
                srcPieces.get(i).forEach(p -> srcCounts.merge(p, 1L, Long::sum));
                tgtPieces.get(i).forEach(p -> tgtCounts.merge(p, 1L, Long::sum));
            }
        }
        Vocabulary sourceVocab =
                start == null
                        ? Vocabulary.build(srcCounts, 1, 0)
                        : from.vocabulary(start.sourceVocabulary(), srcCounts, 1);
        Vocabulary targetVocab =
                start == null
                        ? Vocabulary.build(tgtCounts, 1, 0)
                        : from.vocabulary(start.targetVocabulary(), tgtCounts, 1);
        if (!resume) {
            run =
                    new TrainingRun.Recorded(
                            TranslateModel.TASK, cfg.toJson(), dataSha, command, from);
            TrainingRun.begin(out, run);
        }
        try (TranslateModel model =
                TranslateModel.create(cfg, sourceBpe, sourceVocab, targetBpe, targetVocab)) {
            if (start != null) {
                try (start) {
                    Map<Long, Long> grown = new HashMap<>();
                    grown.put((long) start.sourceVocabulary().size(), (long) sourceVocab.size());
                    grown.put((long) start.targetVocabulary().size(), (long) targetVocab.size());
                    from.copyWeights(start.parameters(), model.parameters(), grown);
                }
            }
            int[][] sources = new int[kept.size()][];
            int[][] targets = new int[kept.size()][];
            for (int k = 0; k < kept.size(); k++) {
                sources[k] = sourceVocab.encode(srcPieces.get(kept.get(k)));
                targets[k] = targetVocab.encode(tgtPieces.get(kept.get(k)));
            }
            int[][] devSources = new int[dev.pairs().size()][];
            int[][] devTargets = new int[dev.pairs().size()][];
            List<String> references = new ArrayList<>();
            for (int i = 0; i < devSources.length; i++) {
                SentencePair p = dev.pairs().get(i);
                devSources[i] = model.sourceIds(p.source());
                devTargets[i] = model.targetIds(p.target());
                references.add(p.target());
            }
            JsonObject data = new JsonObject();
            data.addProperty("data_sha256", dataSha);
            data.addProperty("train_pairs", train.pairs().size());
            data.addProperty("train_pairs_used", kept.size());
            data.addProperty("dev_pairs", dev.pairs().size());
            data.addProperty("source_vocabulary", sourceVocab.size());
            data.addProperty("target_vocabulary", targetVocab.size());
            if (from != null) {
                data.add("init_from", from.toJson());
            }
            TranslateConfig saved = cfg;
            String recorded = run.command();
            TranslateTrainingTask task =
                    new TranslateTrainingTask(
                            model,
                            sources,
                            targets,
                            devSources,
                            devTargets,
                            hyps -> {
                                List<String> text = new ArrayList<>(hyps.length);
                                for (int[] h : hyps) {
                                    text.add(model.targetText(h));
                                }
                                return Bleu.corpusBleu(text, List.of(references)).score();
                            },
                            out,
                            metrics ->
                                    ModelManifest.create(
                                            TranslateModel.TASK,
                                            saved.toJson(),
                                            saved.seed(),
                                            data,
                                            metrics,
                                            recorded));
            TrainingLoop.Result r =
                    TrainingRun.train(task, cfg.training(), out, listener, resume, from);
            return new Result(r, sourceVocab.size(), targetVocab.size(), kept.size());
        }
    }

    private static String join(List<String> a, List<String> b) {
        StringBuilder sb = new StringBuilder();
        for (List<String> side : List.of(a, b)) {
            for (String s : side) {
                sb.append(s).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<List<String>> pieces(BpeTokenizer bpe, List<String> texts) {
        List<List<String>> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(TranslateModel.pieces(bpe, t));
        }
        return out;
    }

    /** Returns the SHA-256 of the pairs in order (train, a zero byte, dev, a zero byte). */
    static String sha256(ParallelCorpus train, ParallelCorpus dev) {
        DataDigest d = new DataDigest();
        for (ParallelCorpus c : List.of(train, dev)) {
            for (SentencePair p : c.pairs()) {
                d.add(p.source() + "\t" + p.target() + "\n");
            }
            d.endPart();
        }
        return d.hex();
    }
}
