package org.seqlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the files a user names for reading. A directory given where a file is expected fails with
 * {@code PATH: is a directory, expected a file} (the JDK says only {@code Is a directory}); a
 * missing file keeps the JDK's {@link java.nio.file.NoSuchFileException}, which names it.
 */
public final class InputFiles {

    private InputFiles() {}

    /** Opens {@code file} for reading. */
    public static InputStream open(Path file) throws IOException {
        requireFile(file);
        return Files.newInputStream(file);
    }

    /** Reads all of {@code file}. */
    public static byte[] readAllBytes(Path file) throws IOException {
        requireFile(file);
        return Files.readAllBytes(file);
    }

    /**
     * Fails, naming {@code file}, when it is a directory.
     *
     * @throws FileSystemException whose message is {@code PATH: is a directory, expected a file}
     */
    public static void requireFile(Path file) throws FileSystemException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, expected a file");
        }
    }
}
