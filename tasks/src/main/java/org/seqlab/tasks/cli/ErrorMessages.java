package org.seqlab.tasks.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;
import org.seqlab.io.SettingException;

/**
 * The one-line message of an exception that ends a command: its own message, except where the JDK
 * says only the path ({@link AccessDeniedException} and its kin) or a terse reason, and a {@link
 * SettingException}, whose setting is named as its flag. (Readers open user files through {@code
 * InputFiles}, which names a directory given for a file.)
 */
final class ErrorMessages {

    private static final String IS_A_DIRECTORY = "Is a directory";
    private static final String EXPECTED_A_FILE = ": is a directory, expected a file";

    private static final Map<Class<? extends FileSystemException>, String> REASONS =
            Map.of(
                    NoSuchFileException.class, "no such file",
                    AccessDeniedException.class, "permission denied",
                    FileAlreadyExistsException.class, "already exists",
                    NotDirectoryException.class, "not a directory",
                    DirectoryNotEmptyException.class, "directory not empty");

    private ErrorMessages() {}

    /** Returns the message for {@code e}. */
    static String of(Throwable e) {
        if (e instanceof SettingException s) {
            return "--" + s.setting().replace('_', '-') + " " + s.problem();
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            if (IS_A_DIRECTORY.equalsIgnoreCase(f.getReason())) {
                return f.getFile() + EXPECTED_A_FILE;
            }
            String reason = REASONS.get(f.getClass());
            if (reason != null && (f.getReason() == null || f instanceof NoSuchFileException)) {
                return f.getFile() + ": " + reason;
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
