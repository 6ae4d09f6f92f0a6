package org.seqlab.embeddings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real data files are: {@code $SEQLAB_DATA} when set, else the first existing of {@code
 * ../shared/data} and {@code ../../shared/data} (relative to the module directory, where tests run;
 * the second is the checkout's sibling {@code shared/data}).
 */
final class RealData {

    private RealData() {}

    static Path root() {
        String env = System.getenv("SEQLAB_DATA");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        Path near = Path.of("..", "shared", "data");
        Path far = Path.of("..", "..", "shared", "data");
        return Files.isDirectory(near) || !Files.isDirectory(far) ? near : far;
    }

    static Path glove() {
        return root().resolve("glove/glove.6B.100d.top100k.txt.gz");
    }

    static Path googleNewsBinary() {
        return root().resolve("fixtures/word2vec/google_news_30.bin.gz");
    }

    static Path googleNewsText() {
        return root().resolve("fixtures/word2vec/google_news_30.txt");
    }
}
