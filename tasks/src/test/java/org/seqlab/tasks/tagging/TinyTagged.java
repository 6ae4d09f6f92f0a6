package org.seqlab.tasks.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny tagged files (CoNLL-U with UPOS, and IOB2 entity columns) and tagger settings for tests. */
final class TinyTagged {

    /** Sentences as {@code word/TAG} pairs, UPOS. */
    static final List<String> POS =
            List.of(
                    "The/DET cat/NOUN sleeps/VERB ./PUNCT",
                    "A/DET dog/NOUN runs/VERB ./PUNCT",
                    "The/DET big/ADJ dog/NOUN sleeps/VERB ./PUNCT",
                    "Cats/NOUN run/VERB fast/ADV ./PUNCT",
                    "She/PRON sees/VERB the/DET small/ADJ cat/NOUN ./PUNCT",
                    "He/PRON runs/VERB ./PUNCT",
                    "The/DET old/ADJ man/NOUN sees/VERB a/DET dog/NOUN ./PUNCT",
                    "Dogs/NOUN sleep/VERB ./PUNCT");

    /** Sentences as {@code word/TAG} pairs, IOB2 entities. */
    static final List<String> NER =
            List.of(
                    "John/B-person lives/O in/O Paris/B-location ./O",
                    "Mary/B-person Smith/I-person visited/O New/B-location York/I-location ./O",
                    "I/O love/O Apple/B-corporation phones/O",
                    "Paris/B-location is/O big/O",
                    "John/B-person Smith/I-person works/O at/O Google/B-corporation",
                    "We/O went/O to/O London/B-location yesterday/O",
                    "Google/B-corporation hired/O Mary/B-person",
                    "nothing/O here/O ./O");

    private TinyTagged() {}

    /** Writes {@link #POS} as CoNLL-U (with a comment and a multi-word token) into {@code dir}. */
    static Path conllu(Path dir, String name) throws IOException {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String s : POS) {
            sb.append("# sent_id = ").append(++n).append('\n');
            String[] pairs = s.split(" ");
            for (int i = 0; i < pairs.length; i++) {
                String[] wt = pairs[i].split("/");
                sb.append(i + 1)
                        .append('\t')
                        .append(wt[0])
                        .append("\t_\t")
                        .append(wt[1])
                        .append("\t_\t_\t0\tdep\t_\t_\n");
            }
            sb.append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /** Writes {@link #NER} as a two-column IOB2 file into {@code dir}. */
    static Path conll(Path dir, String name) throws IOException {
        StringBuilder sb = new StringBuilder("-DOCSTART-\tO\n\n");
        for (String s : NER) {
            for (String p : s.split(" ")) {
                String[] wt = p.split("/");
                sb.append(wt[0]).append('\t').append(wt[1]).append('\n');
            }
            sb.append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /** Returns the words of each sentence of {@code pairs}. */
    static List<List<String>> words(List<String> pairs) {
        List<List<String>> out = new ArrayList<>();
        for (String s : pairs) {
            List<String> w = new ArrayList<>();
            for (String p : s.split(" ")) {
                w.add(p.split("/")[0]);
            }
            out.add(w);
        }
        return out;
    }

    /** The command line that trains a tiny tagger on {@code data} (both train and dev). */
    static String[] trainArgs(Path data, String format, Path out, String... extra) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "tag",
                                "train",
                                "--train",
                                data.toString(),
                                "--dev",
                                data.toString(),
                                "--format",
                                format,
                                "--hidden",
                                "8",
                                "--embedding",
                                "8",
                                "--char-embedding",
                                "4",
                                "--char-hidden",
                                "4",
                                "--batch",
                                "4",
                                "--epochs",
                                "2",
                                "--lr",
                                "1e-2",
                                "--seed",
                                "3",
                                "--out",
                                out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }
}
