package org.seqlab.tasks.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.seqlab.seq2seq.AttentionType;
import org.seqlab.seq2seq.CellType;
import org.seqlab.seq2seq.TrainingConfig;

/** A few English-French pairs and tiny translator settings for tests. */
final class TinyPairs {

    static final List<String> LINES =
            List.of(
                    "Go.\tVa !",
                    "Hi.\tSalut !",
                    "Run!\tCours !",
                    "I see.\tJe vois.",
                    "I won.\tJ'ai gagné.",
                    "He ran.\tIl a couru.",
                    "I'm OK.\tJe vais bien.",
                    "Help me.\tAidez-moi.",
                    "We lost.\tNous avons perdu.",
                    "Who is it?\tQui est-ce ?",
                    "I like cats.\tJ'aime les chats.",
                    "The man is tall.\tL'homme est grand.");

    private TinyPairs() {}

    /** Writes the pairs as a two-column TSV into {@code dir} and returns its path. */
    static Path write(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** The command line that trains a tiny translator on {@code data} into {@code out}. */
    static String[] trainArgs(Path data, Path out) {
        return new String[] {
            "translate",
            "train",
            "--train",
            data.toString(),
            "--dev",
            data.toString(),
            "--bpe-merges",
            "60",
            "--embedding",
            "8",
            "--encoder-hidden",
            "4",
            "--hidden",
            "8",
            "--batch",
            "4",
            "--epochs",
            "2",
            "--seed",
            "3",
            "--out",
            out.toString()
        };
    }

    static TranslateConfig config(
            CellType cell, AttentionType attention, boolean feed, int epochs) {
        return new TranslateConfig(
                60,
                true,
                cell,
                attention,
                8,
                4,
                1,
                8,
                1,
                feed,
                true,
                0.1f,
                0.1f,
                40,
                4,
                "bleu",
                new TrainingConfig(epochs, 5e-3f, 5, 0, 0.5f, 0, 0, null, 100, 3, 0, 0));
    }
}
