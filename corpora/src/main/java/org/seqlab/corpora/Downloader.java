package org.seqlab.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seqlab.io.AtomicFiles;

/**
 * Downloads {@link Dataset} archives into a cache directory, resuming partial downloads and
 * verifying their SHA-256, and unpacks them safely.
 *
 * <p>A download is written to {@code <cacheDir>/<fileName>.part} and renamed to {@code
 * <cacheDir>/<fileName>} only once its checksum matches, so a file under the final name is always
 * complete. An interrupted download leaves the {@code .part} file, and the next {@link #fetch}
 * continues it with an HTTP {@code Range} request. An instance is thread-safe, but two fetches of
 * the same dataset into the same cache directory at the same time (in one process or several) are
 * not supported.
 */
public final class Downloader {
    private static final int CHUNK = 1 << 16;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d{1,18})-.*");

    private final HttpClient client;

    /**
     * Receives the progress of a download.
     *
     * <p>Called on the downloading thread, once when the transfer starts and after every chunk.
     */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * Reports progress.
         *
         * @param done the bytes of the archive on disk so far, counting a resumed part
         * @param total the expected size of the archive, {@link Dataset#bytes()}
         */
        void progress(long done, long total);
    }

    /** Creates a downloader with a client that follows redirects and times out connecting. */
    public Downloader() {
        this(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .build());
    }

    /**
     * Creates a downloader that uses the given client.
     *
     * @param client the client for all requests; it should follow redirects; not null
     */
    public Downloader(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Returns the dataset's archive in the cache directory, downloading it first if needed.
     *
     * <p>If {@code <cacheDir>/<fileName>} exists and its SHA-256 matches, it is returned without
     * any request; if it does not match, it is deleted and downloaded again. Otherwise the archive
     * is downloaded into {@code <fileName>.part}: when that file exists, with a {@code Range:
     * bytes=N-} header, appending a {@code 206} response and starting over on a {@code 200} (or,
     * without the part, on a {@code 416}). The SHA-256 is computed while streaming (over the
     * existing part first). On a match the part file is atomically renamed to the final name; on a
     * mismatch it is deleted.
     *
     * @param dataset the dataset to fetch; not null
     * @param cacheDir the cache directory, created if missing; not null
     * @param listener receives progress, or null
     * @return {@code cacheDir.resolve(dataset.fileName())}, a file whose SHA-256 is {@link
     *     Dataset#sha256()}
     * @throws IOException if the server answers with an error status (the message names the URL and
     *     the status), if the download is cut short (the part file is kept for resuming) or larger
     *     than {@link Dataset#bytes()}, if the checksum does not match ({@code "<url>: SHA-256
     *     mismatch: expected X, got Y; the partial download was removed"}), or if the transfer or
     *     the cache fails
     */
    public Path fetch(Dataset dataset, Path cacheDir, ProgressListener listener)
            throws IOException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(cacheDir, "cacheDir");
        ProgressListener progress = listener == null ? (done, total) -> {} : listener;
        Files.createDirectories(cacheDir);
        Path target = cacheDir.resolve(dataset.fileName());
        Path part = cacheDir.resolve(dataset.fileName() + ".part");
        if (Files.isRegularFile(target)) {
            if (TextReader.sha256(target).equals(dataset.sha256())) {
                progress.progress(dataset.bytes(), dataset.bytes());
                return target;
            }
            Files.delete(target);
        }
        if (Files.exists(part) && Files.size(part) > dataset.bytes()) {
            Files.delete(part);
        }
        MessageDigest digest = newSha256();
        long done = Files.exists(part) ? hashInto(part, digest) : 0;
        if (done < dataset.bytes()) {
            done = download(dataset, part, digest, done, progress);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(dataset.sha256())) {
            Files.deleteIfExists(part);
            throw new IOException(
                    dataset.url()
                            + ": SHA-256 mismatch: expected "
                            + dataset.sha256()
                            + ", got "
                            + actual
                            + "; the partial download was removed");
        }
        AtomicFiles.move(part, target);
        return target;
    }

    /**
     * Unpacks a {@code .tar.gz} archive whose entries are all under one top-level directory.
     *
     * <p>The archive is extracted into a temporary directory inside {@code dir}, which is renamed
     * to {@code dir/<root>} only when every entry has been written, so a failure leaves nothing
     * behind. Entries whose path would lead outside {@code dir} (an absolute path, or {@code ..}
     * climbing out: "zip slip") are rejected; symbolic and hard links and special files are
     * skipped.
     *
     * @param archive the {@code .tar.gz} file; not null
     * @param dir the directory to unpack into, created if missing; not null
     * @return {@code dir/<root>}, the archive's top-level directory
     * @throws CorpusFormatException if the archive is not a readable {@code .tar.gz}, is empty, has
     *     an entry leading outside {@code dir}, or has entries under more than one top-level name
     * @throws java.nio.file.FileAlreadyExistsException if {@code dir/<root>} already exists
     * @throws IOException if the archive cannot be read or the files cannot be written
     */
    public Path unpack(Path archive, Path dir) throws IOException {
        return TarGzUnpacker.unpack(archive, dir);
    }

    /** Downloads from {@code done} onwards into the part file; returns the bytes on disk. */
    private long download(
            Dataset dataset, Path part, MessageDigest digest, long done, ProgressListener progress)
            throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(dataset.url()).timeout(RESPONSE_TIMEOUT).GET();
        if (done > 0) {
            request.header("Range", "bytes=" + done + "-");
        }
        HttpResponse<InputStream> response = send(request.build());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            boolean append;
            if (status == 206 && done > 0) {
                OptionalLong start = rangeStart(response);
                if (start.isPresent() && start.getAsLong() != done) {
                    throw new IOException(
                            dataset.url()
                                    + ": the server resumed at byte "
                                    + start.getAsLong()
                                    + " instead of "
                                    + done);
                }
                append = true;
            } else if (status == 416 && done > 0) {
                // The part is not a prefix the server recognizes: start over.
                Files.delete(part);
                digest.reset();
                body.close();
                return download(dataset, part, digest, 0, progress);
            } else if (status == 200) {
                append = false;
                done = 0;
                digest.reset();
            } else {
                throw new IOException(dataset.url() + ": HTTP status " + status);
            }
            progress.progress(done, dataset.bytes());
            try (OutputStream out =
                    Files.newOutputStream(
                            part,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            append
                                    ? StandardOpenOption.APPEND
                                    : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[CHUNK];
                int n;
                while ((n = read(dataset, body, buffer, done)) >= 0) {
                    if (done + n > dataset.bytes()) {
                        out.close();
                        Files.deleteIfExists(part);
                        throw new IOException(
                                dataset.url()
                                        + ": the download is larger than the expected "
                                        + dataset.bytes()
                                        + " bytes; the partial download was removed");
                    }
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    done += n;
                    progress.progress(done, dataset.bytes());
                }
            }
        }
        if (done < dataset.bytes()) {
            throw cutShort(dataset, done, "the body ended early", null);
        }
        return done;
    }

    private static int read(Dataset dataset, InputStream body, byte[] buffer, long done)
            throws IOException {
        try {
            return body.read(buffer);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw cutShort(dataset, done, e.getMessage(), e);
        }
    }

    private static IOException cutShort(Dataset dataset, long done, String why, Throwable cause) {
        return new IOException(
                dataset.url()
                        + ": the download was cut short after "
                        + done
                        + " of "
                        + dataset.bytes()
                        + " bytes ("
                        + why
                        + "); the partial download was kept, so fetch again to resume it",
                cause);
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted =
                    new InterruptedIOException(request.uri() + ": the download was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private static OptionalLong rangeStart(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Range")
                .map(CONTENT_RANGE::matcher)
                .filter(Matcher::matches)
                .map(m -> OptionalLong.of(Long.parseLong(m.group(1))))
                .orElse(OptionalLong.empty());
    }

    private static long hashInto(Path file, MessageDigest digest) throws IOException {
        long total = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        return total;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Every Java platform must support SHA-256.", e);
        }
    }
}
