package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ErrorMessagesTest {

    @Command(name = "two")
    static final class TwoPaths {
        @Option(names = "--in")
        Path in;

        @Option(names = "--out")
        Path out;
    }

    private static CommandLine.ParseResult parse(String... args) {
        return new CommandLine(new TwoPaths()).parseArgs(args);
    }

    private static final IOException IS_A_DIRECTORY = new IOException("Is a directory");

    @Test
    void fileSystemExceptionsSayWhatWentWrongWithTheirFile() {
        CommandLine.ParseResult none = parse();
        assertEquals(
                "/d: is a directory, expected a file",
                ErrorMessages.of(new FileSystemException("/d", null, "Is a directory"), none));
        assertEquals(
                "/f: permission denied", ErrorMessages.of(new AccessDeniedException("/f"), none));
        assertEquals(
                "/f: already exists", ErrorMessages.of(new FileAlreadyExistsException("/f"), none));
        assertEquals("/f: no such file", ErrorMessages.of(new NoSuchFileException("/f"), none));
        assertEquals(
                "/f: Read-only file system",
                ErrorMessages.of(
                        new FileSystemException("/f", null, "Read-only file system"), none));
        assertEquals("plain", ErrorMessages.of(new IllegalArgumentException("plain"), none));
    }

    @Test
    void aDirectoryWithoutItsPathIsFoundAmongThePathArguments(@TempDir Path tmp)
            throws IOException {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("a.txt"), "a");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path model = Files.createDirectories(tmp.resolve("model"));
        Files.writeString(model.resolve("manifest.json"), "{}");
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("b.txt"), "b");
        String file = tmp.resolve("file.txt").toString();

        assertEquals("Is a directory", ErrorMessages.of(IS_A_DIRECTORY, parse("--in", file)));
        assertEquals(
                full + ": is a directory, expected a file",
                ErrorMessages.of(IS_A_DIRECTORY, parse("--in", full.toString(), "--out", file)));
        assertEquals(
                full + ": is a directory, expected a file",
                ErrorMessages.of(
                        IS_A_DIRECTORY, parse("--in", full.toString(), "--out", empty.toString())));
        assertEquals(
                full + ": is a directory, expected a file",
                ErrorMessages.of(
                        IS_A_DIRECTORY, parse("--out", model.toString(), "--in", full.toString())));
        assertEquals(
                "one of --in " + full + ", --out " + other + " is a directory, expected a file",
                ErrorMessages.of(
                        IS_A_DIRECTORY, parse("--in", full.toString(), "--out", other.toString())));
    }
}
