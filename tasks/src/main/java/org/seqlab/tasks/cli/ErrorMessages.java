package org.seqlab.tasks.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.seqlab.io.SettingException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one-line message of an exception that ends a command: its own message, except where the JDK
 * leaves out the path ({@code Is a directory}) or says only the path ({@link AccessDeniedException}
 * and its kin).
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

    /**
     * Returns the message for {@code e}.
     *
     * @param parsed the command line, whose path arguments name the directory behind an {@code Is a
     *     directory} that does not say which
     */
    static String of(Throwable e, CommandLine.ParseResult parsed) {
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
        if (e instanceof IOException && IS_A_DIRECTORY.equalsIgnoreCase(e.getMessage())) {
            String named = directoryArgument(parsed);
            if (named != null) {
                return named;
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Names the directory given where a file was expected: the only path argument that is a
     * directory; with several, the only one that is neither empty nor a seqlab model or run
     * directory; else all of them.
     */
    private static String directoryArgument(CommandLine.ParseResult parsed) {
        List<String> flags = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (ArgSpec arg : p.matchedArgs()) {
                for (Object v : arg.typedValues()) {
                    Path path = v instanceof File f ? f.toPath() : v instanceof Path q ? q : null;
                    if (path != null && Files.isDirectory(path)) {
                        flags.add(arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel());
                        dirs.add(path);
                    }
                }
            }
        }
        if (dirs.size() > 1) {
            List<Path> likely = dirs.stream().filter(ErrorMessages::maybeInput).toList();
            if (likely.size() == 1) {
                return likely.get(0) + EXPECTED_A_FILE;
            }
        }
        if (dirs.size() == 1) {
            return dirs.get(0) + EXPECTED_A_FILE;
        }
        if (dirs.isEmpty()) {
            return null;
        }
        StringJoiner all = new StringJoiner(", ", "one of ", " is a directory, expected a file");
        for (int i = 0; i < dirs.size(); i++) {
            all.add(flags.get(i) + " " + dirs.get(i));
        }
        return all.toString();
    }

    /** False for an empty directory and for one that seqlab wrote (a model or a training run). */
    private static boolean maybeInput(Path dir) {
        if (Files.exists(dir.resolve("manifest.json")) || Files.exists(dir.resolve("checkpoint"))) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
