package org.seqlab.tasks.embeddings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.VectorReader;
import org.seqlab.embeddings.VectorSearch;
import org.seqlab.embeddings.VectorWriter;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.tokenizers.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab embeddings}: info, nearest neighbours, analogies and format conversion. */
@Command(
        name = "embeddings",
        mixinStandardHelpOptions = true,
        description = "Inspect, query and convert GloVe, word2vec and fastText vector files.",
        subcommands = {
            EmbeddingsCommand.Info.class,
            EmbeddingsCommand.Neighbors.class,
            EmbeddingsCommand.Analogy.class,
            EmbeddingsCommand.Convert.class
        })
public final class EmbeddingsCommand {

    private EmbeddingsCommand() {}

    static WordVectors load(Path file) throws IOException {
        WordVectors v = VectorReader.read(file);
        if (v.duplicatesSkipped() > 0) {
            System.err.printf(
                    "note: %s: %d duplicate words skipped (the first occurrence is kept)%n",
                    file, v.duplicatesSkipped());
        }
        return v;
    }

    static JsonArray toJson(List<Neighbor> neighbors) {
        JsonArray a = new JsonArray();
        for (Neighbor n : neighbors) {
            JsonObject o = new JsonObject();
            o.addProperty("word", n.word());
            o.addProperty("similarity", n.similarity());
            a.add(o);
        }
        return a;
    }

    static String toText(List<Neighbor> neighbors) {
        StringBuilder sb = new StringBuilder();
        for (Neighbor n : neighbors) {
            sb.append(String.format(Locale.ROOT, "  %-20s %.4f%n", n.word(), n.similarity()));
        }
        return sb.toString();
    }

    /** {@code seqlab embeddings info}. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Size and format.")
    static final class Info implements Callable<Integer> {
        @Option(names = "--vectors", required = true)
        Path vectors;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            WordVectors v = load(vectors);
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("words", v.size());
                o.addProperty("dim", v.dim());
                o.addProperty("format", v.format().id());
                System.out.println(o);
            } else {
                System.out.printf(
                        "%s: %d words x %d dimensions, %s format%n",
                        vectors, v.size(), v.dim(), v.format().id());
            }
            return 0;
        }
    }

    /** {@code seqlab embeddings neighbors}. */
    @Command(
            name = "neighbors",
            mixinStandardHelpOptions = true,
            description = "Nearest neighbours by cosine similarity (the query excluded).")
    static final class Neighbors implements Callable<Integer> {
        @Option(names = "--vectors", required = true)
        Path vectors;

        @Parameters(arity = "1..*", paramLabel = "WORD")
        List<String> words;

        @Option(names = "-k", defaultValue = "10")
        int k;

        @Option(names = "--json", description = "One JSON object per word.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (k < 1) {
                throw new IllegalArgumentException("-k must be at least 1; got " + k + ".");
            }
            VectorSearch search = new VectorSearch(load(vectors));
            for (String w : words) {
                List<Neighbor> n = search.nearest(w, k);
                if (json) {
                    JsonObject o = new JsonObject();
                    o.addProperty("word", w);
                    o.add("neighbors", toJson(n));
                    System.out.println(o);
                } else {
                    System.out.print(w + ":\n" + toText(n));
                }
            }
            return 0;
        }
    }

    /** {@code seqlab embeddings analogy}. */
    @Command(
            name = "analogy",
            mixinStandardHelpOptions = true,
            description = "A is to B as C is to ? (3CosAdd by default, or 3CosMul).")
    static final class Analogy implements Callable<Integer> {
        @Option(names = "--vectors", required = true)
        Path vectors;

        @Parameters(index = "0", paramLabel = "A")
        String a;

        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Parameters(index = "2", paramLabel = "C")
        String c;

        @Option(names = "-k", defaultValue = "5")
        int k;

        @Option(names = "--method", defaultValue = "add", description = "add or mul.")
        String method;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            AnalogyMethod m =
                    switch (method.toLowerCase(Locale.ROOT)) {
                        case "add" -> AnalogyMethod.ADD;
                        case "mul" -> AnalogyMethod.MUL;
                        default ->
                                throw new IllegalArgumentException(
                                        "--method must be add or mul; got '" + method + "'.");
                    };
            if (k < 1) {
                throw new IllegalArgumentException("-k must be at least 1; got " + k + ".");
            }
            List<Neighbor> n = new VectorSearch(load(vectors)).analogy(a, b, c, k, m);
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("query", a + " : " + b + " :: " + c + " : ?");
                o.add("answers", toJson(n));
                System.out.println(o);
            } else {
                System.out.print(a + " is to " + b + " as " + c + " is to:\n" + toText(n));
            }
            return 0;
        }
    }

    /** {@code seqlab embeddings convert}. */
    @Command(
            name = "convert",
            mixinStandardHelpOptions = true,
            description = "Rewrite vectors as GloVe text or word2vec binary.")
    static final class Convert implements Callable<Integer> {
        @Option(names = "--vectors", required = true)
        Path vectors;

        @Option(names = "--to", required = true, description = "glove or word2vec-bin.")
        String to;

        @Option(names = "--out", required = true, description = "Output file (.gz to compress).")
        Path out;

        @Option(
                names = "--keep-vocab",
                description =
                        "Keep only these words: a seqlab vocab.txt or one word per line;"
                                + " streams, so memory follows the words kept.")
        Path keepVocab;

        @Override
        public Integer call() throws Exception {
            if (!to.equals("glove") && !to.equals("word2vec-bin")) {
                throw new IllegalArgumentException(
                        "--to must be glove or word2vec-bin; got '" + to + "'.");
            }
            WordVectors v;
            if (keepVocab != null) {
                Set<String> keep = readWords(keepVocab);
                v = VectorReader.read(vectors, keep::contains);
            } else {
                v = load(vectors);
            }
            if (to.equals("glove")) {
                VectorWriter.writeGlove(v, out);
            } else {
                VectorWriter.writeWord2VecBinary(v, out);
            }
            System.out.printf("%s: %d words x %d dimensions written%n", out, v.size(), v.dim());
            return 0;
        }

        private static Set<String> readWords(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).startsWith("#seqlab-vocab")) {
                return new HashSet<>(Vocabulary.load(file).tokens());
            }
            Set<String> words = new HashSet<>();
            for (String line : lines) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return words;
        }
    }
}
