package org.seqlab.tasks.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks output paths given on the command line before a command does any work. */
public final class OutputPaths {

    private OutputPaths() {}

    /**
     * Accepts a directory to write into that is absent or a directory.
     *
     * @param flag the option, e.g. {@code --out}, for the message
     * @param dir the path given
     * @throws IllegalArgumentException {@code FLAG PATH: exists and is not a directory}
     */
    public static void requireDirectoryOrAbsent(String flag, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    flag + " " + dir + ": exists and is not a directory");
        }
    }
}
