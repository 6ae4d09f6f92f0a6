package org.seqlab.tasks.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.seqlab.corpora.TaggedFormat;
import org.seqlab.corpora.TaggedReadOptions;
import org.seqlab.corpora.TaggedReader;
import org.seqlab.tasks.cli.Seqlab;

/**
 * Regenerates the committed tagging reference model {@code tagging-v1} (run by hand when the format
 * version changes; old ones stay so that old models keep loading): {@code java -cp ...
 * org.seqlab.tasks.tagging.TagReferenceModelWriter DIR}. It trains a tiny BIOES CRF entity tagger
 * with a character LSTM on {@link TinyTagged#NER}, and writes beside it {@value #DATA} (the
 * sentences), {@value #TAGS} (the model's tags for them, one sentence a line) and {@value #REPORT}
 * (its evaluation report on them).
 */
final class TagReferenceModelWriter {

    static final String DATA = "eval.conll";
    static final String TAGS = "expected-tags.txt";
    static final String REPORT = "expected-eval.json";

    private TagReferenceModelWriter() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path tmp = Files.createTempDirectory("tagref");
        Path data = TinyTagged.conll(tmp, DATA);
        int code =
                Seqlab.execute(
                        TinyTagged.trainArgs(
                                data,
                                "conll",
                                out,
                                "--crf",
                                "--scheme",
                                "bioes",
                                "--char-encoder",
                                "lstm",
                                "--epochs",
                                "6"));
        if (code != 0) {
            throw new IllegalStateException("training failed: " + code);
        }
        for (String extra :
                List.of("checkpoint", "loss-curve.png", "training-log.jsonl", "run.json")) {
            deleteTree(out.resolve(extra));
        }
        Files.copy(data, out.resolve(DATA));
        try (TagModel m = TagModel.load(out)) {
            List<String> lines = new ArrayList<>();
            for (List<String> tags : m.predict(TinyTagged.words(TinyTagged.NER))) {
                lines.add(String.join(" ", tags));
            }
            Files.write(out.resolve(TAGS), lines, StandardCharsets.UTF_8);
            Files.writeString(
                    out.resolve(REPORT),
                    TagEvaluator.evaluate(
                                            m,
                                            TaggedReader.read(
                                                    out.resolve(DATA),
                                                    TaggedReadOptions.defaults(TaggedFormat.CONLL)),
                                            out.resolve(DATA))
                                    .toJson()
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
