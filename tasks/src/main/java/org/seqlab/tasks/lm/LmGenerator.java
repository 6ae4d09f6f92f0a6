package org.seqlab.tasks.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.seqlab.io.SettingException;
import org.seqlab.seq2seq.GreedySearch;
import org.seqlab.seq2seq.RecurrentLanguageModel;
import org.seqlab.seq2seq.Sampler;
import org.seqlab.seq2seq.SearchOptions;
import org.seqlab.seq2seq.StepOutput;
import org.seqlab.tokenizers.Vocabulary;

/**
 * Generates text from a language model, one token at a time, carrying the recurrent state forward
 * (the prefix is read once, never re-run). The same model, prime, sampler and seed give the same
 * text.
 */
public final class LmGenerator {

    private final LmModel model;

    /** Creates a generator over {@code model}. */
    public LmGenerator(LmModel model) {
        this.model = model;
    }

    /**
     * Streams {@code length} generated tokens' text to {@code sink}, after reading {@code prime}.
     *
     * @throws IllegalArgumentException naming the tokens of the prime the model never saw
     */
    public void generate(
            String prime, int length, Sampler sampler, long seed, Consumer<String> sink) {
        if (length < 0) {
            throw new SettingException("length", "must be >= 0; got " + length + ".");
        }
        List<String> unknown = model.unknownTokens(prime);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "The prime contains "
                            + describe(unknown)
                            + " that the model never saw in training.");
        }
        Vocabulary vocab = model.vocabulary();
        Level level = model.config().level();
        int[] ids = model.encode(prime);
        if (ids.length == 0) {
            String start = level == Level.CHAR ? "\n" : Vocabulary.EOS;
            ids = new int[] {vocab.contains(start) ? vocab.id(start) : Vocabulary.SPECIALS.size()};
        }
        if (length == 0) {
            return;
        }
        RecurrentLanguageModel net = model.network();
        SearchOptions options =
                SearchOptions.builder()
                        .optMaxLength(0, length)
                        .optBanned(Vocabulary.PAD_ID, Vocabulary.UNK_ID, Vocabulary.BOS_ID)
                        .build();
        GreedySearch search = GreedySearch.sampling(options, sampler, new SplittableRandom(seed));
        boolean[] atLineStart = {prime.isEmpty() || prime.endsWith("\n")};
        GreedySearch.TokenListener listener =
                (sentence, id) -> {
                    String token = vocab.token(id);
                    sink.accept(
                            level.render(
                                    token,
                                    level == Level.WORD && atLineStart[0],
                                    model.piecesCarrySpaces()));
                    atLineStart[0] = Vocabulary.EOS.equals(token);
                };
        try (NDManager m = model.manager().newSubManager();
                RecurrentLanguageModel.Stepper stepper = net.stepper(m, false);
                NDManager prefix = m.newSubManager()) {
            // The fused kernel reads the prime at once; the search takes over its state from there.
            NDArray x = prefix.create(LmTrainer.toLongs(ids), new Shape(1, ids.length));
            RecurrentLanguageModel.Output o = net.forward(x, null, false);
            NDArray last = o.logits().get(new NDIndex().addAllDim().addIndices(ids.length - 1));
            search.continueFrom(
                    stepper, new StepOutput<>(last, o.state(), null), new int[] {0}, m, listener);
        }
    }

    private static String describe(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(t).append('\'');
            if (t.codePointCount(0, t.length()) == 1) {
                sb.append(String.format(Locale.ROOT, " (U+%04X)", t.codePointAt(0)));
            }
        }
        return (tokens.size() == 1 ? "a token " : tokens.size() + " tokens ") + sb;
    }
}
