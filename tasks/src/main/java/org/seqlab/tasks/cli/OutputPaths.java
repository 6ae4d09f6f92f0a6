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

    /**
     * Accepts a file to write that is absent or a regular file.
     *
     * @param flag the option, e.g. {@code --output}, for the message
     * @param file the path given
     * @throws IllegalArgumentException {@code FLAG PATH: is a directory, expected a file}
     */
    public static void requireFileOrAbsent(String flag, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(
                    flag + " " + file + ": is a directory, expected a file");
        }
    }
}
