package org.seqlab.tasks.tagging;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.seqlab.corpora.ConvertedTags;
import org.seqlab.corpora.TaggedCorpus;
import org.seqlab.corpora.TaggedSentence;
import org.seqlab.embeddings.Aligned;
import org.seqlab.embeddings.UnknownInit;
import org.seqlab.embeddings.VectorAlignment;
import org.seqlab.embeddings.VectorReader;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.io.DataDigest;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.PretrainedEmbedding;
import org.seqlab.seq2seq.TrainingListener;
import org.seqlab.seq2seq.TrainingLoop;
import org.seqlab.seq2seq.TrainingRun;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Trains a {@link TagModel}: word and character vocabularies from the training sentences (plus the
 * most frequent words of the pretrained vectors), embeddings initialized from the vectors, entity
 * tags converted to the model's scheme, batches bucketed by length and visited in a seeded order
 * per epoch, and the best model by dev accuracy or span F1 kept in the output directory.
 */
public final class TagTrainer {

    private final TagConfig config;
    private final TrainingListener listener;
    private final FineTune source;

    /** Creates a trainer with the given settings and progress listener (may be null). */
    public TagTrainer(TagConfig config, TrainingListener listener) {
        this(config, listener, null);
    }

    private TagTrainer(TagConfig config, TrainingListener listener, FineTune source) {
        this.config = config;
        this.listener = listener;
        this.source = source;
    }

    /**
     * Returns a trainer that starts from {@code source}'s weights, vocabularies and tags (null:
     * from fresh weights); {@code config} must already hold the source's architecture ({@link
     * FineTune#adopt}). Pretrained vectors cannot be combined with it.
     */
    public TagTrainer initFrom(FineTune source) {
        return new TagTrainer(config, listener, source);
    }

    /** What a run produced. */
    public record Result(
            TrainingLoop.Result loop, int vocabularySize, int tags, int repairs, String coverage) {}

    /**
     * Trains on {@code train}, choosing by {@code dev}, with optional pretrained {@code vectors};
     * or resumes the run in {@code out} with its recorded configuration (only this trainer's time
     * budget applies) after checking that the data is the same.
     *
     * @param command the command line recorded in the manifest
     * @throws IllegalArgumentException when the data has no sentences
     */
    public Result train(
            TaggedCorpus train,
            TaggedCorpus dev,
            Path vectors,
            Path out,
            boolean resume,
            String command)
            throws IOException {
        if (train.sentences().isEmpty() || dev.sentences().isEmpty()) {
            throw new IllegalArgumentException(
                    "Training needs at least one training sentence and one dev sentence.");
        }
        String dataSha = sha256(train, dev);
        TagConfig cfg = config;
        TrainingRun.Recorded run = null;
        FineTune from = source;
        if (resume) {
            run = TrainingRun.resume(out, TagModel.TASK, dataSha);
            from = run.source();
            TagConfig saved = TagConfig.fromJson(run.config());
            cfg =
                    saved.with(
                            saved.embedding(),
                            saved.training().withMaxTime(config.training().maxTime()));
        } else {
            TrainingRun.requireFresh(out);
        }
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        List<List<String>> words = new ArrayList<>(train.sentences().size());
        List<List<String>> tagSeqs = new ArrayList<>(train.sentences().size());
        int repairs = 0;
        Map<String, Long> wordCounts = new HashMap<>();
        Map<String, Long> charCounts = new HashMap<>();
        TreeSet<String> tagSet = new TreeSet<>();
        for (TaggedSentence s : train.sentences()) {
            words.add(s.words());
            ConvertedTags c = TagSchemeSupport.fromIob2(s.tags(), cfg.scheme());
            repairs += c.repairs();
            tagSeqs.add(c.tags());
            tagSet.addAll(c.tags());
            for (String w : s.words()) {
                wordCounts.merge(cfg.lowercase() ? w.toLowerCase(Locale.ROOT) : w, 1L, Long::sum);
                w.codePoints()
                        .forEach(
                                cp ->
                                        charCounts.merge(
                                                new String(Character.toChars(cp)), 1L, Long::sum));
            }
        }
        if (from != null && vectors != null) {
            throw new IllegalArgumentException(
                    "--vectors and --init-from do not go together: a fine-tuned model keeps its"
                            + " embeddings (new words of --extend-vocab start at random).");
        }
        WordVectors wv = null;
        if (vectors != null) {
            int[] seen = {0};
            int limit = cfg.vectorWords();
            wv =
                    VectorReader.read(
                            vectors,
                            w ->
                                    wordCounts.containsKey(w)
                                            || wordCounts.containsKey(w.toLowerCase(Locale.ROOT))
                                            || seen[0]++ < limit);
            if (wv.dim() != cfg.embedding()) {
                cfg = cfg.with(wv.dim(), cfg.training());
            }
        }
        Map<String, Long> vocabCounts = new HashMap<>(wordCounts);
        if (wv != null) {
            for (String w : wv.words()) {
                vocabCounts.putIfAbsent(w, 0L);
            }
        }
        TagModel start = from == null ? null : TagModel.load(from.dir());
        Vocabulary vocab;
        Vocabulary chars;
        List<String> tags;
        if (start == null) {
            vocab = buildVocabulary(vocabCounts);
            chars = Vocabulary.build(charCounts, 1, 0);
            tags = new ArrayList<>(tagSet);
        } else {
            vocab = from.vocabulary(start.words(), wordCounts, 1);
            chars = from.vocabulary(start.chars(), charCounts, 1);
            tags = start.tags();
            if (!tags.containsAll(tagSet)) {
                TreeSet<String> extra = new TreeSet<>(tagSet);
                extra.removeAll(tags);
                start.close();
                throw new IllegalArgumentException(
                        "--init-from "
                                + from.dir()
                                + ": the training data has tags the model lacks: "
                                + extra
                                + " (it has "
                                + tags
                                + ").");
            }
        }
        if (!resume) {
            run = new TrainingRun.Recorded(TagModel.TASK, cfg.toJson(), dataSha, command, from);
            TrainingRun.begin(out, run);
        }
        try (TagModel model = TagModel.create(cfg, vocab, chars, tags)) {
            if (start != null) {
                try (start) {
                    Map<Long, Long> grown = new HashMap<>();
                    grown.put((long) start.words().size(), (long) vocab.size());
                    grown.put((long) start.chars().size(), (long) chars.size());
                    from.copyWeights(start.parameters(), model.parameters(), grown);
                }
            }
            String coverage = "";
            if (wv != null) {
                Aligned aligned =
                        VectorAlignment.align(wv, vocab, UnknownInit.RANDOM, cfg.seed(), true);
                PretrainedEmbedding.copyInto(model.embeddingWeight(), aligned.weights());
                coverage = aligned.coverage().toString();
            }
            if (cfg.freezeEpochs() == -1) {
                model.freezeEmbedding();
            }
            int[][] tagIds = new int[tagSeqs.size()][];
            for (int i = 0; i < tagIds.length; i++) {
                tagIds[i] = model.tagIds(tagSeqs.get(i));
            }
            List<List<String>> devWords = new ArrayList<>();
            List<List<String>> devGold = new ArrayList<>();
            for (TaggedSentence s : dev.sentences()) {
                devWords.add(s.words());
                devGold.add(s.tags());
            }
            JsonObject data = new JsonObject();
            data.addProperty("data_sha256", dataSha);
            data.addProperty("train_sentences", train.sentences().size());
            data.addProperty("train_tokens", train.tokens());
            data.addProperty("dev_sentences", dev.sentences().size());
            data.addProperty("vocabulary", vocab.size());
            data.addProperty("vectors", vectors == null ? "" : vectors.toString());
            data.addProperty("coverage", coverage);
            data.addProperty("scheme_repairs", repairs);
            if (from != null) {
                data.add("init_from", from.toJson());
            }
            TagConfig saved = cfg;
            String recorded = run.command();
            boolean f1 = cfg.validMetric().equals("f1");
            TagTrainingTask task =
                    new TagTrainingTask(
                            model,
                            words,
                            tagIds,
                            devWords,
                            predicted -> {
                                TagReport r =
                                        TagEvaluator.score(devGold, predicted, saved.entities());
                                return f1 ? r.f1() : r.accuracy();
                            },
                            out,
                            metrics ->
                                    ModelManifest.create(
                                            TagModel.TASK,
                                            saved.toJson(),
                                            saved.seed(),
                                            data,
                                            metrics,
                                            recorded));
            TrainingLoop.Result r =
                    TrainingRun.train(task, cfg.training(), out, listener, resume, from);
            return new Result(r, vocab.size(), tags.size(), repairs, coverage);
        }
    }

    /** Training words by frequency, then the vectors' other words (count 0) in name order. */
    private static Vocabulary buildVocabulary(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(
                Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
        List<String> tokens = new ArrayList<>(entries.size());
        for (Map.Entry<String, Long> e : entries) {
            if (!Vocabulary.SPECIALS.contains(e.getKey())) {
                tokens.add(e.getKey());
            }
        }
        return Vocabulary.of(tokens);
    }

    /** Returns the SHA-256 of the sentences' words and tags in order, train then dev. */
    static String sha256(TaggedCorpus train, TaggedCorpus dev) {
        DataDigest d = new DataDigest();
        for (TaggedCorpus c : List.of(train, dev)) {
            for (TaggedSentence s : c.sentences()) {
                for (int i = 0; i < s.size(); i++) {
                    d.add(s.words().get(i) + "\t" + s.tags().get(i) + "\n");
                }
                d.add("\n");
            }
            d.endPart();
        }
        return d.hex();
    }
}
