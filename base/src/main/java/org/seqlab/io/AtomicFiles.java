package org.seqlab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader sees either the old content or the new, never a torn file. */
public final class AtomicFiles {

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the content. */
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code file} through a temp file in the same directory, synced, then renamed. */
    public static void write(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            readableByAll(tmp);
            try (var channel =
                            java.nio.channels.FileChannel.open(
                                    tmp, java.nio.file.StandardOpenOption.WRITE);
                    OutputStream out =
                            new BufferedOutputStream(
                                    java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gives a temp file the usual rw-r--r-- mode (temp files start private). */
    private static void readableByAll(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(
                    tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Renames {@code from} onto {@code to}, atomically where the file system allows it. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
