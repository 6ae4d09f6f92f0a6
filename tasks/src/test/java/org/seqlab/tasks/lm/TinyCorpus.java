package org.seqlab.tasks.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Writes small deterministic play-like texts for tests (a few KB, ~40 distinct characters). */
final class TinyCorpus {

    private static final String[] LINES = {
        "ROMEO:",
        "JULIET:",
        "But soft, what light through yonder window breaks?",
        "It is the east, and Juliet is the sun.",
        "O Romeo, Romeo, wherefore art thou Romeo?",
        "A rose by any other name would smell as sweet.",
        "Good night, good night!",
        "Parting is such sweet sorrow.",
        "I take thee at thy word.",
        "",
    };

    private TinyCorpus() {}

    static String text(int lines, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(LINES[r.nextInt(LINES.length)]).append('\n');
        }
        return sb.toString();
    }

    static Path write(Path dir, String name, int lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text(lines, 11), StandardCharsets.UTF_8);
        return file;
    }

    /** Tiny-model training arguments shared by the CLI tests. */
    static String[] tinyTrainArgs(Path corpus, Path out, String... extra) {
        String[] base = {
            "lm",
            "train",
            "--corpus",
            corpus.toString(),
            "--out",
            out.toString(),
            "--hidden",
            "24",
            "--embedding",
            "8",
            "--layers",
            "2",
            "--batch",
            "4",
            "--seq-len",
            "16",
            "--epochs",
            "1",
            "--seed",
            "5",
            "--checkpoint-every",
            "3"
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
