package org.seqlab.tasks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void fileSystemExceptionsSayWhatWentWrongWithTheirFile() {
        assertEquals(
                "/d: is a directory, expected a file",
                ErrorMessages.of(new FileSystemException("/d", null, "Is a directory")));
        assertEquals("/f: permission denied", ErrorMessages.of(new AccessDeniedException("/f")));
        assertEquals("/f: already exists", ErrorMessages.of(new FileAlreadyExistsException("/f")));
        assertEquals("/f: no such file", ErrorMessages.of(new NoSuchFileException("/f")));
        assertEquals(
                "/f: Read-only file system",
                ErrorMessages.of(new FileSystemException("/f", null, "Read-only file system")));
        assertEquals("plain", ErrorMessages.of(new IllegalArgumentException("plain")));
    }
}
