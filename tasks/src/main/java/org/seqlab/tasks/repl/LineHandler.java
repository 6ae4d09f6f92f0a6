package org.seqlab.tasks.repl;

import java.io.PrintWriter;

/**
 * What a {@link Repl} does with each line of input that is not a colon command, such as translating
 * it.
 */
@FunctionalInterface
public interface LineHandler {

    /**
     * Handles one line of input.
     *
     * <p>The line comes without its line end, exactly as typed or read, and may be empty: the
     * handler decides what an empty line means. Output goes to {@code out}; on a terminal it
     * appears under the input line, and in a pipe it should be at most one line (the {@link Repl}
     * ends it, or writes an empty line for a handler that wrote nothing). An exception is reported
     * in one line by its message, and the session goes on.
     *
     * @param text the line, without its line end
     * @param out where the result goes
     * @throws Exception if the line cannot be handled; its message is shown to the user
     */
    void line(String text, PrintWriter out) throws Exception;
}
