package org.seqlab.tasks.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seqlab.corpora.TextReader;
import org.seqlab.tokenizers.BpeTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab bpe learn}: learns byte-pair-encoding merges for {@code --tokenizer bpe:FILE}. */
@Command(
        name = "bpe",
        mixinStandardHelpOptions = true,
        description = "Byte-pair encoding.",
        subcommands = {BpeCommand.Learn.class})
public final class BpeCommand {

    private BpeCommand() {}

    /** {@code seqlab bpe learn}. */
    @Command(
            name = "learn",
            mixinStandardHelpOptions = true,
            description = "Learn merges from a UTF-8 text file and write a merges file.")
    static final class Learn implements Callable<Integer> {
        @Option(names = "--corpus", required = true)
        Path corpus;

        @Option(names = "--merges", defaultValue = "8000", description = "Merge rules to learn.")
        int merges;

        @Option(names = "--out", required = true, description = "Merges file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (merges < 0) {
                throw new IllegalArgumentException("--merges must be >= 0; got " + merges + ".");
            }
            BpeTokenizer bpe = BpeTokenizer.learn(TextReader.read(corpus), merges);
            bpe.save(out);
            System.out.printf(
                    "%s: %d merges, %d pieces; use --tokenizer bpe:%s%n",
                    out, bpe.mergeCount(), bpe.vocabularySize(), out);
            return 0;
        }
    }
}
