package org.seqlab.tasks.sentiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.seqlab.corpora.LabeledReader;
import org.seqlab.tasks.cli.Seqlab;

/**
 * Regenerates the committed sentiment reference model {@code sentiment-v1} (run by hand when the
 * format version changes; old ones stay so that old models keep loading): {@code java -cp ...
 * org.seqlab.tasks.sentiment.ReferenceModelWriter DIR}. Besides the model it writes {@value #EVAL},
 * a fixed tiny labeled file (two of its reviews labeled against their words), {@value #SCORES}, the
 * model's probabilities for {@link #TEXTS}, and {@value #REPORT}, its evaluation report on {@value
 * #EVAL}.
 */
final class ReferenceModelWriter {

    /** The fixed labeled file. */
    static final String EVAL = "eval.jsonl";

    /** One JSON object a line: {@code text} and each label's probability. */
    static final String SCORES = "expected-scores.jsonl";

    /** The JSON evaluation report on {@value #EVAL}. */
    static final String REPORT = "expected-eval.json";

    /** The texts whose scores are recorded. */
    static final List<String> TEXTS =
            List.of(
                    "great film",
                    "awful boring",
                    "the actors were wonderful but the plot was dull",
                    "😀 loved it",
                    "");

    private ReferenceModelWriter() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path tmp = Files.createTempDirectory("refmodel");
        Path train = TinyReviews.write(tmp, "train.jsonl", 120, 1);
        int code =
                Seqlab.execute(
                        TinyReviews.trainArgs(
                                train,
                                out,
                                "--hidden",
                                "4",
                                "--embedding",
                                "4",
                                "--epochs",
                                "8",
                                "--lr",
                                "1e-2"));
        if (code != 0) {
            throw new IllegalStateException("training failed: " + code);
        }
        for (String extra : List.of("checkpoint", "loss-curve.png", "training-log.jsonl")) {
            deleteTree(out.resolve(extra));
        }
        List<String> eval = new ArrayList<>(TinyReviews.lines(8, 9));
        eval.add("{\"text\":\"great great film\",\"label\":\"neg\"}");
        eval.add("{\"text\":\"awful and dull\",\"label\":\"pos\"}");
        Files.write(out.resolve(EVAL), eval);
        try (SentimentModel m = SentimentModel.load(out)) {
            List<String> scores = new ArrayList<>();
            List<SentimentModel.Prediction> ps = m.predict(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                JsonObject o = new JsonObject();
                o.addProperty("text", TEXTS.get(i));
                ps.get(i).scores().forEach(o::addProperty);
                scores.add(o.toString());
            }
            Files.write(out.resolve(SCORES), scores);
            Files.writeString(
                    out.resolve(REPORT),
                    SentimentEvaluator.evaluate(m, LabeledReader.read(out.resolve(EVAL))).toJson()
                            + "\n");
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
