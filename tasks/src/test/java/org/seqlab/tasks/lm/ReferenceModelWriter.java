package org.seqlab.tasks.lm;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import org.seqlab.tasks.cli.Seqlab;

/**
 * Regenerates the committed reference model of the current format version (run by hand when the
 * format version changes; old ones stay so that old models keep loading): {@code java -cp ...
 * org.seqlab.tasks.lm.ReferenceModelWriter DIR}.
 */
final class ReferenceModelWriter {

    private ReferenceModelWriter() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path tmp = Files.createTempDirectory("refmodel");
        Path corpus = TinyCorpus.write(tmp, "tiny.txt", 200);
        int code =
                Seqlab.execute(
                        TinyCorpus.tinyTrainArgs(corpus, out, "--hidden", "8", "--embedding", "4"));
        if (code != 0) {
            throw new IllegalStateException("training failed: " + code);
        }
        try (LmModel m = LmModel.load(out);
                NDManager s = NDManager.newBaseManager()) {
            long[] ids = LmTrainer.toLongs(m.encode("ROMEO:"));
            float[] logits =
                    m.network()
                            .forward(s.create(ids, new Shape(1, ids.length)), null, false)
                            .logits()
                            .toFloatArray();
            StringJoiner j = new StringJoiner(" ");
            for (float f : logits) {
                j.add(String.format(Locale.ROOT, "%.7g", f));
            }
            Files.writeString(out.resolve("expected-logits.txt"), j + "\n");
        }
    }
}
