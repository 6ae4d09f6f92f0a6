package org.seqlab.tasks.cli;

import java.util.ArrayList;
import java.util.List;

/** Records the command line a model was trained with, for its manifest. */
public final class CommandLines {

    private static volatile List<String> args = List.of();

    private CommandLines() {}

    /** Remembers the program arguments (called by {@link Seqlab#execute}). */
    static void remember(String... arguments) {
        args = List.of(arguments);
    }

    /** Returns {@code prefix} followed by the remembered arguments after it, shell-quoted. */
    public static String current(String prefix) {
        List<String> parts = new ArrayList<>();
        parts.add("seqlab");
        for (String a : args) {
            parts.add(a.matches("[A-Za-z0-9_./:=@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return parts.size() > 1 ? String.join(" ", parts) : prefix;
    }
}
