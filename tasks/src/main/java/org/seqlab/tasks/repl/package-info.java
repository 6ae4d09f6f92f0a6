/**
 * Interactive sessions, independent of any model: {@link org.seqlab.tasks.repl.Repl}, a
 * line-oriented read-eval-print loop with line editing, history and colon commands on a terminal
 * and a strict one-line-in, one-line-out mode in a pipe; and {@link
 * org.seqlab.tasks.repl.AttentionHeatMap}, which shows an attention matrix as shaded text or as a
 * PNG chart.
 *
 * <p>A command wires them to a model like this (the model loads while the prompt is already up):
 *
 * <pre>{@code
 * CompletableFuture<Void> ready = new CompletableFuture<>();
 * CompletableFuture<Translator> model = ready.thenApplyAsync(v -> load(dir));
 * if (!Repl.terminalAttached()) {
 *     ready.complete(null);
 *     model.join(); // in a pipe, a model that cannot load fails the command before any line
 * }
 * int[] beam = {5};
 * AtomicReference<Translation> last = new AtomicReference<>();
 * Repl repl = new Repl("> ", home.resolve(".seqlab/translate_history"), (text, out) -> {
 *     if (!text.isBlank()) {
 *         Translation t = model.join().translate(List.of(text), beam[0]).get(0);
 *         last.set(t);
 *         out.println(t.text());
 *     }
 * });
 * repl.command(new ReplCommand("attn", "[save FILE.png]", "shows the last attention",
 *         List.of("save"), (args, out) -> {
 *             Translation t = last.get();
 *             AttentionHeatMap map =
 *                     new AttentionHeatMap(t.sourcePieces(), t.targetPieces(), t.attention());
 *             out.print(map.text(repl.width()));
 *         }));
 * repl.onReady(() -> ready.complete(null)); // no sooner: loading would hold the prompt back
 * return repl.run();
 * }</pre>
 */
package org.seqlab.tasks.repl;
