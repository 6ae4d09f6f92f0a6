package org.seqlab.tasks.sentiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Writes small seeded JSONL review sets whose label follows from their words. */
final class TinyReviews {

    private static final String[] GOOD = {"great", "wonderful", "loved", "superb", "moving"};
    private static final String[] BAD = {"awful", "boring", "hated", "terrible", "dull"};
    private static final String[] FILL = {"the", "film", "plot", "actors", "was", "and", "it"};

    private TinyReviews() {}

    static List<String> lines(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean pos = i % 2 == 0;
            StringBuilder sb = new StringBuilder();
            int len = 4 + r.nextInt(20);
            for (int w = 0; w < len; w++) {
                String[] pool = r.nextInt(3) == 0 ? (pos ? GOOD : BAD) : FILL;
                sb.append(pool[r.nextInt(pool.length)]).append(' ');
            }
            sb.append(pos ? GOOD[0] : BAD[0]).append(".<br />");
            JsonObject o = new JsonObject();
            o.addProperty("label", pos ? "pos" : "neg");
            o.addProperty("text", sb.toString());
            out.add(o.toString());
        }
        return out;
    }

    static Path write(Path dir, String name, int n, long seed) throws IOException {
        return Files.write(dir.resolve(name), lines(n, seed));
    }

    static String[] trainArgs(Path data, Path out, String... extra) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "sentiment",
                                "train",
                                "--train",
                                data.toString(),
                                "--out",
                                out.toString(),
                                "--hidden",
                                "8",
                                "--embedding",
                                "6",
                                "--batch",
                                "8",
                                "--epochs",
                                "2",
                                "--min-count",
                                "1",
                                "--seed",
                                "3",
                                "--tokenizer",
                                "standard-html"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }
}
