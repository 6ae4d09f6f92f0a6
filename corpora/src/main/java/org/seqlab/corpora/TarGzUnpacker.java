package org.seqlab.corpora;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.seqlab.io.AtomicFiles;

/**
 * Extracts a {@code .tar.gz} archive with one top-level directory through a temporary directory;
 * see {@link Downloader#unpack(Path, Path)} for the contract.
 */
final class TarGzUnpacker {
    private static final int BUFFER = 1 << 16;

    private TarGzUnpacker() {}

    static Path unpack(Path archive, Path dir) throws IOException {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        Path temp = Files.createTempDirectory(dir, ".unpack-");
        Path target;
        try {
            String root = extract(archive, dir, temp);
            target = dir.resolve(root);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(
                        target.toString(), null, "already exists; remove it to unpack again");
            }
            AtomicFiles.move(temp.resolve(root), target);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(temp);
            } catch (IOException | UncheckedIOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Files.deleteIfExists(temp); // empty now: every entry was under the root
        return target;
    }

    /** Extracts every entry into {@code temp} and returns the common top-level name. */
    private static String extract(Path archive, Path dir, Path temp) throws IOException {
        String root = null;
        byte[] buffer = new byte[BUFFER];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(archive, tar)) != null) {
                String name = entry.getName();
                Path relative;
                try {
                    relative = temp.getFileSystem().getPath(name).normalize();
                } catch (InvalidPathException e) {
                    throw new CorpusFormatException(
                            archive, "the entry '" + name + "' is not a valid path here");
                }
                Path target = temp.resolve(relative).normalize();
                if (relative.isAbsolute()
                        || !target.startsWith(temp)
                        || relative.startsWith("..")) {
                    throw new CorpusFormatException(
                            archive,
                            "the entry '"
                                    + name
                                    + "' would be written outside "
                                    + dir
                                    + " (zip slip); nothing was unpacked");
                }
                if (target.equals(temp)) {
                    continue; // "./" or similar
                }
                String top = relative.getName(0).toString();
                if (root == null) {
                    root = top;
                    if (Files.exists(dir.resolve(root))) {
                        throw new FileAlreadyExistsException(
                                dir.resolve(root).toString(),
                                null,
                                "already exists; remove it to unpack again");
                    }
                } else if (!root.equals(top)) {
                    throw new CorpusFormatException(
                            archive,
                            "expected every entry under one top-level directory, but found '"
                                    + root
                                    + "' and '"
                                    + top
                                    + "'");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    if (relative.getNameCount() == 1) {
                        throw new CorpusFormatException(
                                archive,
                                "expected every entry under one top-level directory, but '"
                                        + name
                                        + "' is a file");
                    }
                    Files.createDirectories(target.getParent());
                    copy(archive, tar, target, buffer);
                }
                // Links, devices and FIFOs are skipped.
            }
        }
        if (root == null) {
            throw new CorpusFormatException(archive, "the archive has no entries");
        }
        if (!Files.isDirectory(temp.resolve(root))) {
            throw new CorpusFormatException(
                    archive, "expected every entry under one top-level directory");
        }
        return root;
    }

    private static TarArchiveEntry nextEntry(Path archive, TarArchiveInputStream tar)
            throws CorpusFormatException {
        try {
            return tar.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(archive, e);
        }
    }

    private static void copy(Path archive, InputStream tar, Path target, byte[] buffer)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int n;
                try {
                    n = tar.read(buffer);
                } catch (IOException | IllegalArgumentException e) {
                    throw unreadable(archive, e);
                }
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static CorpusFormatException unreadable(Path archive, Exception e) {
        return new CorpusFormatException(
                archive, "not a readable .tar.gz archive: " + e.getMessage());
    }

    private static void deleteTree(Path temp) throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
