package org.seqlab.tasks.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.seqlab.seq2seq.ModelManifest;
import org.seqlab.seq2seq.TrainingDivergedException;
import org.seqlab.tasks.bench.BenchCommand;
import org.seqlab.tasks.embeddings.EmbeddingsCommand;
import org.seqlab.tasks.lm.LmCommand;
import org.seqlab.tasks.sentiment.SentimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code seqlab} entry point; maps every exception to a message and an exit code. */
@Command(
        name = "seqlab",
        mixinStandardHelpOptions = true,
        versionProvider = Seqlab.Version.class,
        description = "Recurrent sequence models for NLP on the JVM.",
        subcommands = {
            LmCommand.class,
            SentimentCommand.class,
            org.seqlab.tasks.translate.TranslateCommand.class,
            org.seqlab.tasks.tagging.TagCommand.class,
            org.seqlab.tasks.forecast.ForecastCommand.class,
            EmbeddingsCommand.class,
            TokenizeCommand.class,
            BpeCommand.class,
            DataCommand.class,
            BenchCommand.class,
            CurvesCommand.class,
            org.seqlab.tasks.experiment.ExperimentCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Seqlab implements Runnable {

    /** Exit code of a run that failed for a reason other than the user's input. */
    public static final int FAILURE = 1;

    /** Exit code of bad input or usage. */
    public static final int BAD_INPUT = 2;

    @Option(
            names = "--verbose",
            description = "Print stack traces of errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLines.remember(args);
        CommandLine cl = new CommandLine(new Seqlab());
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExecutionExceptionHandler(Seqlab::handle);
        cl.setParameterExceptionHandler(
                (ex, a) -> {
                    PrintWriter err = ex.getCommandLine().getErr();
                    if (ex.getCause() instanceof CommandLine.TypeConversionException t
                            && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
                        err.println("seqlab: " + o.longestName() + ": " + t.getMessage());
                        err.flush();
                        return BAD_INPUT;
                    }
                    err.println("seqlab: " + ex.getMessage());
                    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                        err.println(
                                "Try '"
                                        + ex.getCommandLine().getCommandSpec().qualifiedName()
                                        + " --help' for more information.");
                    }
                    err.flush();
                    return BAD_INPUT;
                });
        return cl.execute(args);
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        PrintWriter err = cl.getErr();
        boolean verbose =
                parsed.hasMatchedOption("--verbose")
                        || (parsed.subcommand() != null && anyVerbose(parsed));
        int code = exitCode(e);
        err.println("seqlab: " + ErrorMessages.of(e));
        if (verbose) {
            e.printStackTrace(err);
        } else if (code == FAILURE) {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return code;
    }

    private static boolean anyVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Returns 2 for the user's mistakes (bad files, arguments, order of calls), else 1. */
    static int exitCode(Throwable e) {
        if (e instanceof TrainingDivergedException) {
            return FAILURE;
        }
        if (e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof IOException) {
            return BAD_INPUT;
        }
        return FAILURE;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"seqlab " + ModelManifest.SEQLAB_VERSION};
        }
    }
}
