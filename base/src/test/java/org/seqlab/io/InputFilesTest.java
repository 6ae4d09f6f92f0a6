package org.seqlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @Test
    void aDirectoryIsNamedAndAFileReads(@TempDir Path dir) throws Exception {
        FileSystemException e = assertThrows(FileSystemException.class, () -> InputFiles.open(dir));
        assertEquals(dir + ": is a directory, expected a file", e.getMessage());
        Path f = Files.write(dir.resolve("f"), new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, InputFiles.readAllBytes(f));
        assertThrows(NoSuchFileException.class, () -> InputFiles.open(dir.resolve("none")));
    }
}
