package org.seqlab.tasks.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlab.corpora.TextLines;
import org.seqlab.tokenizers.OpenNlpSentenceSplitter;
import org.seqlab.tokenizers.Token;
import org.seqlab.tokenizers.Tokenizer;
import org.seqlab.tokenizers.TokenizerOptions;
import org.seqlab.tokenizers.TokenizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqlab tokenize}: tokenizes stdin, one tokenized sentence (or line) per output line. Stdin
 * is read as strict UTF-8 (gzip is unpacked); a bad byte stops it with {@code <stdin>: invalid
 * UTF-8 at byte N (line L)}, without {@code --sentences} after printing the lines before.
 */
@Command(
        name = "tokenize",
        mixinStandardHelpOptions = true,
        description =
                "Tokenize UTF-8 text (or gzip) from stdin; prints one tokenized sentence per line.")
public final class TokenizeCommand implements Callable<Integer> {

    @Option(
            names = "--tokenizer",
            defaultValue = "standard",
            description =
                    "standard, english, standard-html, english-html, opennlp, whitespace, char"
                            + " or bpe:FILE.")
    String tokenizer;

    @Option(
            names = "--sentences",
            description = "Split into sentences (OpenNLP) first; otherwise one output per line.")
    boolean sentences;

    @Option(names = "--lowercase")
    boolean lowercase;

    @Option(names = "--nfkc", description = "Unicode NFKC normalization.")
    boolean nfkc;

    @Option(names = "--fold-numbers", description = "Numbers become <num>.")
    boolean foldNumbers;

    @Option(names = "--max-length", defaultValue = "0", description = "Keep the first N tokens.")
    int maxLength;

    @Override
    public Integer call() throws Exception {
        TokenizerSpec parsed = TokenizerSpec.parse(tokenizer);
        TokenizerSpec spec =
                new TokenizerSpec(
                        parsed.name(),
                        new TokenizerOptions(lowercase, nfkc, foldNumbers, maxLength),
                        parsed.bpeFile());
        Tokenizer t = spec.build();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (TextLines in = TextLines.stdin()) {
            if (sentences) {
                StringBuilder all = new StringBuilder();
                for (String line; (line = in.next()) != null; ) {
                    all.append(line).append('\n');
                }
                for (Token s : OpenNlpSentenceSplitter.instance().split(all.toString())) {
                    out.println(join(t.tokenize(s.text())));
                }
            } else {
                for (String line; (line = in.next()) != null; ) {
                    out.println(join(t.tokenize(line)));
                }
            }
        } finally {
            out.flush();
        }
        return 0;
    }

    private static String join(List<Token> tokens) {
        List<String> texts = new ArrayList<>(tokens.size());
        for (Token tok : tokens) {
            texts.add(tok.text());
        }
        return String.join(" ", texts);
    }
}
