package org.seqlab.tasks.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.FineTune;
import org.seqlab.seq2seq.FrozenParts;
import org.seqlab.seq2seq.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The training flags every task's {@code train} command shares, as one picocli mixin: the same
 * names, help text and defaults everywhere. A task may change the defaults of the flags that depend
 * on its model ({@code --epochs --lr --batch --min-lr --cell}) through a {@link Defaults} provider
 * on its command, declared in one place and shown by {@code --help}; every other default is common.
 */
public final class TrainingOptions {

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(
            names = "--epochs",
            defaultValue = "10",
            description = "The most epochs to run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--max-time",
            converter = DurationConverter.class,
            description =
                    "Wall-clock budget, e.g. 45m or 1h30m; stops cleanly, validating and"
                            + " checkpointing what was trained.")
    Duration maxTime;

    @Option(
            names = "--lr",
            defaultValue = "1e-3",
            description = "Adam's initial learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(
            names = "--clip",
            defaultValue = "5",
            description = "Global gradient-norm limit; 0 disables (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(
            names = "--weight-decay",
            defaultValue = "0",
            description = "Decoupled weight decay (AdamW) (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(
            names = "--lr-decay",
            defaultValue = "0.5",
            description =
                    "Factor applied to the learning rate when validation stops improving"
                            + " (default: ${DEFAULT-VALUE}).")
    float lrDecay;

    @Option(
            names = "--patience",
            defaultValue = "0",
            description =
                    "Validations without improvement tolerated before the learning rate decays"
                            + " (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(
            names = "--min-lr",
            defaultValue = "1e-5",
            description =
                    "Stop once the learning rate decays below this (default: ${DEFAULT-VALUE}).")
    float minLr;

    @Option(
            names = "--stop-after",
            defaultValue = "0",
            description =
                    "Stop after this many validations in a row without improvement; 0 never"
                            + " (default: ${DEFAULT-VALUE}).")
    int stopAfter;

    @Option(
            names = "--batch",
            defaultValue = "64",
            description = "Examples (or streams) per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--checkpoint-every",
            defaultValue = "200",
            description =
                    "Updates between checkpoints; one is also written every epoch"
                            + " (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(
            names = "--valid-every",
            defaultValue = "0",
            paramLabel = "UPDATES",
            description =
                    "Also validate every this many updates inside an epoch (a finer loss curve"
                            + " for long epochs); 0: at epoch ends only (default).")
    int validEvery;

    @Option(
            names = "--diagnostics",
            arity = "0..1",
            fallbackValue = "50",
            defaultValue = "0",
            paramLabel = "UPDATES",
            description =
                    "Record gradient diagnostics every UPDATES updates (50 when the flag has no"
                            + " value): the gradient norm before and after clipping, per-layer norms,"
                            + " the fraction of updates clipped, and |dL/dh_t| for each step t of the"
                            + " window, in diagnostics.jsonl and diagnostics-*.png beside the model.")
    int diagnostics;

    @Option(
            names = "--average",
            defaultValue = "0",
            description =
                    "Validate and keep an exponential moving average of the weights with this"
                            + " decay per update (e.g. 0.998); 0 keeps the trained weights.")
    float average;

    @Option(
            names = "--cell",
            defaultValue = "lstm",
            converter = CellConverter.class,
            description = "Recurrent cell: " + CellType.NAMES + " (default: ${DEFAULT-VALUE}).")
    CellType cell;

    @Option(
            names = "--init-from",
            paramLabel = "MODEL",
            description =
                    "Start from this trained model of the same task (fine-tuning): its"
                            + " architecture, vocabulary and weights; fresh optimizer state.")
    Path initFrom;

    @Option(
            names = "--extend-vocab",
            description =
                    "With --init-from: append the new data's words the model lacks (new rows"
                            + " initialized as for a new model) instead of mapping them to <unk>.")
    boolean extendVocab;

    @Option(
            names = "--freeze",
            paramLabel = "PART[:EPOCHS],...",
            description =
                    "With --init-from: leave parts out of training, for the whole run or the first"
                            + " EPOCHS epochs, e.g. embedding:2 or embedding,rnn.l0. A part is a"
                            + " dotted run of parameter-name components; an unknown one lists"
                            + " them.")
    String freeze;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--resume",
            description = "Continue the run in --out from its checkpoint (exactly).")
    boolean resume;

    /**
     * Returns the output directory.
     *
     * @throws IllegalArgumentException when {@code --out} names something that is not a directory
     */
    public Path out() {
        OutputPaths.requireDirectoryOrAbsent("--out", out);
        return out;
    }

    /** Returns whether to resume the run in {@link #out()}. */
    public boolean resume() {
        return resume;
    }

    /** Returns the recurrent cell. */
    public CellType cell() {
        return cell;
    }

    /**
     * Opens the model named by {@code --init-from} for a run of {@code task}, or returns null when
     * the run starts from fresh weights.
     *
     * @throws IllegalArgumentException when {@code --extend-vocab} or {@code --freeze} is given
     *     without {@code --init-from}, or {@code --freeze} is malformed
     * @throws java.io.IOException when the model cannot be read or is of another task
     */
    public FineTune fineTune(String task) throws java.io.IOException {
        FrozenParts parts = FrozenParts.parse(freeze);
        if (initFrom == null) {
            if (extendVocab || !parts.isEmpty()) {
                throw new IllegalArgumentException(
                        (extendVocab ? "--extend-vocab" : "--freeze")
                                + " needs --init-from MODEL.");
            }
            return null;
        }
        if (resume) {
            throw new IllegalArgumentException(
                    "--init-from starts a new run; --resume continues one (the run in --out"
                            + " remembers the model it started from).");
        }
        return FineTune.open(initFrom, task, extendVocab, parts);
    }

    /**
     * Returns {@code config} with the architecture {@code keys} taken from {@code source} (a flag
     * given on the command line must agree), or {@code config} itself when {@code source} is null.
     */
    public <C> C adopt(
            FineTune source,
            C config,
            Function<C, JsonObject> toJson,
            Function<JsonObject, C> fromJson,
            Collection<String> keys) {
        if (source == null) {
            return config;
        }
        return fromJson.apply(source.adopt(toJson.apply(config), keys, explicitKeys()));
    }

    /**
     * Returns the configuration keys of the options given on the command line: {@code --seq-len}
     * gives {@code seq_len}.
     */
    Set<String> explicitKeys() {
        Set<String> keys = new HashSet<>();
        if (command == null || command.commandLine() == null) {
            return keys;
        }
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        if (parsed == null) {
            return keys;
        }
        for (OptionSpec o : parsed.matchedOptions()) {
            keys.add(o.longestName().replaceFirst("^-+", "").replace('-', '_'));
        }
        return keys;
    }

    /** Returns the batch size. */
    public int batch() {
        return batch;
    }

    /** Returns the training loop's settings. */
    public TrainingConfig config() {
        return new TrainingConfig(
                epochs,
                lr,
                clip,
                weightDecay,
                lrDecay,
                patience,
                minLr,
                maxTime,
                checkpointEvery,
                seed,
                average,
                stopAfter,
                validEvery,
                diagnostics);
    }

    /**
     * A task's defaults for the model-dependent training flags, as a picocli default provider:
     * subclass it with a public no-argument constructor and name it in the command's {@code
     * defaultValueProvider}.
     */
    public abstract static class Defaults implements CommandLine.IDefaultValueProvider {
        private final Map<String, String> values;

        /**
         * Creates the provider.
         *
         * @param epochs default of {@code --epochs}
         * @param lr default of {@code --lr}
         * @param batch default of {@code --batch}
         * @param minLr default of {@code --min-lr}
         */
        protected Defaults(String epochs, String lr, String batch, String minLr) {
            this(epochs, lr, batch, minLr, CellType.LSTM);
        }

        /**
         * Creates the provider for a task whose default cell is not the LSTM.
         *
         * @param cell default of {@code --cell}
         */
        protected Defaults(String epochs, String lr, String batch, String minLr, CellType cell) {
            values =
                    Map.of(
                            "--epochs", epochs,
                            "--lr", lr,
                            "--batch", batch,
                            "--min-lr", minLr,
                            "--cell", cell.id());
        }

        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o ? values.get(o.longestName()) : null;
        }
    }
}
