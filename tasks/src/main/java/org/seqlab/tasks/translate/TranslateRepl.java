package org.seqlab.tasks.translate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.seqlab.tasks.repl.AttentionHeatMap;
import org.seqlab.tasks.repl.Repl;
import org.seqlab.tasks.repl.ReplCommand;

/**
 * The interactive translator: type a sentence, read its translation. The prompt is up while the
 * model loads. Commands: {@code :beam N}, {@code :greedy}, {@code :attn} (toggles a text heat map
 * of the attention under each translation), {@code :attn save FILE.png}, {@code :help}, {@code
 * :quit}.
 */
final class TranslateRepl {

    private final CompletableFuture<TranslateModel> model;
    private final AtomicReference<Translator.Translation> last = new AtomicReference<>();
    private int beam;
    private boolean showAttention;

    private TranslateRepl(CompletableFuture<TranslateModel> model, int beam) {
        this.model = model;
        this.beam = beam;
    }

    /**
     * Runs the REPL on the terminal over the model in {@code dir}; returns the exit code. The model
     * starts loading in the background once the prompt is about to show, not before: loading
     * libtorch beside JLine's start held the prompt back by 1 to 2 s on a busy two-core machine.
     */
    static int run(Path dir, int beam, Path history) throws IOException {
        long t0 = System.nanoTime();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<TranslateModel> loading =
                ready.thenApplyAsync(
                        v -> {
                            try {
                                return TranslateModel.load(dir);
                            } catch (IOException e) {
                                throw new CompletionException(e);
                            }
                        });
        TranslateRepl r = new TranslateRepl(loading, beam);
        Repl repl = new Repl("en> ", history, r::line);
        r.register(repl);
        repl.onReady(() -> ready.complete(null));
        loading.whenComplete(
                (m, e) ->
                        repl.notice(
                                e == null
                                        ? String.format(
                                                Locale.ROOT,
                                                "model %s loaded in %.1f s; beam %d; :help for"
                                                        + " commands",
                                                dir,
                                                (System.nanoTime() - t0) / 1e9,
                                                beam)
                                        : "cannot load the model: " + rootMessage(e)));
        try {
            return repl.run();
        } finally {
            // Not started when the terminal could not be opened: nothing to wait for then.
            if (ready.isDone() && !loading.isCompletedExceptionally()) {
                loading.join().close();
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private TranslateModel model() {
        try {
            return model.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the model could not be loaded: " + rootMessage(e));
        }
    }

    private void line(String text, PrintWriter out) {
        if (text.isBlank()) {
            return;
        }
        Translator.Translation t = new Translator(model()).translate(List.of(text), beam).get(0);
        last.set(t);
        out.println(t.text());
        if (!t.note().isEmpty()) {
            out.println("(" + t.note() + ")");
        }
        if (showAttention && t.attention().length > 0) {
            out.print(map(t).text(120));
        }
    }

    private static AttentionHeatMap map(Translator.Translation t) {
        return new AttentionHeatMap(t.sourcePieces(), t.targetPieces(), t.attention());
    }

    private void register(Repl repl) {
        repl.command(
                new ReplCommand(
                        "beam",
                        "N",
                        "sets the beam size (1 is greedy)",
                        (args, out) -> {
                            if (args.size() != 1) {
                                throw new IllegalArgumentException("usage: :beam N");
                            }
                            int n;
                            try {
                                n = Integer.parseInt(args.get(0));
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException(
                                        "the beam size must be a whole number; got '"
                                                + args.get(0)
                                                + "'");
                            }
                            if (n < 1) {
                                throw new IllegalArgumentException(
                                        "the beam size must be at least 1; got " + n);
                            }
                            beam = n;
                            out.println("beam " + beam);
                        }));
        repl.command(
                new ReplCommand(
                        "greedy",
                        "",
                        "greedy decoding (beam 1)",
                        (args, out) -> {
                            beam = 1;
                            out.println("beam 1 (greedy)");
                        }));
        repl.command(
                new ReplCommand(
                        "attn",
                        "[save FILE.png]",
                        "toggles the attention map under each translation, or saves the last",
                        List.of("save"),
                        (args, out) -> {
                            if (args.isEmpty()) {
                                showAttention = !showAttention;
                                out.println("attention map " + (showAttention ? "on" : "off"));
                                return;
                            }
                            if (args.size() != 2 || !args.get(0).equals("save")) {
                                throw new IllegalArgumentException("usage: :attn [save FILE.png]");
                            }
                            Translator.Translation t = last.get();
                            if (t == null || t.attention().length == 0) {
                                throw new IllegalStateException("nothing translated yet");
                            }
                            Path png = Path.of(args.get(1));
                            map(t).writePng(png);
                            out.println("saved " + png);
                        }));
    }
}
