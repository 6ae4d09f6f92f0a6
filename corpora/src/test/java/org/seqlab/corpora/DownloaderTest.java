package org.seqlab.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from an HTTP server on the loopback interface; never from the internet. */
class DownloaderTest {
    private static final String FILE = "/data/aclImdb_v1.tar.gz";

    @TempDir Path dir;

    private byte[] payload;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile boolean honourRange = true;
    private volatile int truncateAt = -1;
    private Downloader downloader;
    private Path cache;

    @BeforeEach
    void start() throws IOException {
        payload = tarGz(tinyAclImdb());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        HttpClient client =
                HttpClient.newBuilder()
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        downloader = new Downloader(client);
        cache = dir.resolve("cache");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A small aclImdb tree; the seeded random unsup review makes the archive several chunks. */
    private static List<String[]> tinyAclImdb() {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        return List.of(
                new String[] {"aclImdb/train/pos/1_8.txt", "good film"},
                new String[] {"aclImdb/train/pos/0_9.txt", "great film"},
                new String[] {"aclImdb/train/neg/0_2.txt", "bad film"},
                new String[] {"aclImdb/train/unsup/0_0.txt", noise.toString()},
                new String[] {"aclImdb/test/pos/0_10.txt", "superb"},
                new String[] {"aclImdb/test/neg/0_1.txt", "awful"},
                new String[] {"aclImdb/README", "tiny"});
    }

    private static byte[] tarGz(List<String[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (String[] file : files) {
                byte[] content = file[1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file[0], true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "none" : range);
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(FILE)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int start = 0;
            if (range != null && honourRange) {
                start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                exchange.getResponseHeaders()
                        .add(
                                "Content-Range",
                                "bytes "
                                        + start
                                        + "-"
                                        + (payload.length - 1)
                                        + "/"
                                        + payload.length);
                exchange.sendResponseHeaders(206, payload.length - start);
            } else {
                exchange.sendResponseHeaders(200, payload.length);
            }
            OutputStream body = exchange.getResponseBody();
            int end = truncateAt >= 0 ? truncateAt : payload.length;
            body.write(payload, start, end - start);
            body.flush();
        } catch (IOException e) {
            // A truncated response fails on close; the client sees the connection drop.
        }
    }

    private Dataset dataset(String path, String sha256) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new Dataset("tiny", "a tiny aclImdb", url, sha256, payload.length, "aclImdb");
    }

    private Dataset dataset() throws IOException {
        Path file = dir.resolve("expected.tar.gz");
        Files.write(file, payload);
        return dataset(FILE, TextReader.sha256(file));
    }

    private Path part() {
        return cache.resolve("aclImdb_v1.tar.gz.part");
    }

    private List<Path> cacheContents() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void freshDownloadIsVerifiedCachedAndUnpacksToAReadableTree() throws IOException {
        Dataset tiny = dataset();
        List<long[]> progress = new ArrayList<>();
        Path archive =
                downloader.fetch(
                        tiny, cache, (done, total) -> progress.add(new long[] {done, total}));

        assertEquals(cache.resolve("aclImdb_v1.tar.gz"), archive);
        assertArrayEquals(payload, Files.readAllBytes(archive));
        assertEquals(List.of(archive), cacheContents());
        assertEquals(List.of("none"), ranges);
        assertTrue(progress.size() > 2, "expected several chunks, got " + progress.size());
        assertArrayEquals(new long[] {0, payload.length}, progress.get(0));
        assertArrayEquals(
                new long[] {payload.length, payload.length}, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0]);
        }

        Path root = downloader.unpack(archive, dir.resolve("data"));
        assertEquals(dir.resolve("data").resolve(tiny.archiveRoot()), root);
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(root), files.toList()); // the temporary directory is gone
        }
        LabeledCorpus train =
                LabeledReader.read(
                        root, LabeledFormat.ACLIMDB, LabeledReader.ReadOptions.defaults());
        assertEquals(
                List.of(
                        new LabeledText("bad film", "neg"),
                        new LabeledText("great film", "pos"),
                        new LabeledText("good film", "pos")),
                train.examples());
        assertThrows(
                FileAlreadyExistsException.class,
                () -> downloader.unpack(archive, dir.resolve("data")));
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws IOException {
        Dataset tiny = dataset();
        int k = payload.length / 3;
        Files.createDirectories(cache);
        Files.write(part(), Arrays.copyOf(payload, k));

        Path archive = downloader.fetch(tiny, cache, null);

        assertEquals(1, requests.get());
        assertEquals(List.of("bytes=" + k + "-"), ranges);
        assertArrayEquals(payload, Files.readAllBytes(archive));
        assertFalse(Files.exists(part()));
    }

    @Test
    void restartsFromZeroWhenTheServerIgnoresRange() throws IOException {
        Dataset tiny = dataset();
        honourRange = false;
        int k = payload.length / 2;
        byte[] garbage = new byte[k];
        Arrays.fill(garbage, (byte) 'x');
        Files.createDirectories(cache);
        Files.write(part(), garbage);

        Path archive = downloader.fetch(tiny, cache, null);

        assertEquals(List.of("bytes=" + k + "-"), ranges);
        assertArrayEquals(payload, Files.readAllBytes(archive));
        assertEquals(List.of(archive), cacheContents());
    }

    @Test
    void aCutShortDownloadKeepsItsPartForTheNextFetch() throws IOException {
        Dataset tiny = dataset();
        truncateAt = payload.length / 2;
        IOException e = assertThrows(IOException.class, () -> downloader.fetch(tiny, cache, null));
        assertFalse(Files.exists(cache.resolve("aclImdb_v1.tar.gz")), e.toString());
        long kept = Files.exists(part()) ? Files.size(part()) : 0;
        assertTrue(kept > 0 && kept <= truncateAt, "kept " + kept);
        assertTrue(
                e.getMessage().startsWith(tiny.url() + ": the download was cut short"),
                e.getMessage());

        truncateAt = -1;
        Path archive = downloader.fetch(tiny, cache, null);

        assertEquals(2, requests.get());
        assertEquals(kept > 0 ? "bytes=" + kept + "-" : "none", ranges.get(1));
        assertArrayEquals(payload, Files.readAllBytes(archive));
        assertEquals(List.of(archive), cacheContents());
    }

    @Test
    void checksumMismatchRemovesThePartialDownloadAndCachesNothing() throws IOException {
        String wrong = "0".repeat(64);
        Dataset tiny = dataset(FILE, wrong);
        String actual = dataset().sha256();

        IOException e = assertThrows(IOException.class, () -> downloader.fetch(tiny, cache, null));

        assertEquals(
                tiny.url()
                        + ": SHA-256 mismatch: expected "
                        + wrong
                        + ", got "
                        + actual
                        + "; the partial download was removed",
                e.getMessage());
        assertEquals(List.of(), cacheContents());
    }

    @Test
    void aVerifiedCachedFileIsReturnedWithoutARequest() throws IOException {
        Dataset tiny = dataset();
        Files.createDirectories(cache);
        Path cached = cache.resolve("aclImdb_v1.tar.gz");
        Files.write(cached, payload);

        assertEquals(cached, downloader.fetch(tiny, cache, null));
        assertEquals(0, requests.get());
    }

    @Test
    void aCorruptCachedFileIsDownloadedAgain() throws IOException {
        Dataset tiny = dataset();
        Files.createDirectories(cache);
        Path cached = cache.resolve("aclImdb_v1.tar.gz");
        Files.writeString(cached, "truncated");

        assertEquals(cached, downloader.fetch(tiny, cache, null));
        assertEquals(List.of("none"), ranges);
        assertArrayEquals(payload, Files.readAllBytes(cached));
    }

    @Test
    void httpErrorStatusNamesTheUrlAndStatus() throws IOException {
        Dataset missing = dataset("/missing/aclImdb_v1.tar.gz", dataset().sha256());

        IOException e =
                assertThrows(IOException.class, () -> downloader.fetch(missing, cache, null));

        assertTrue(e.getMessage().contains(missing.url().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertEquals(1, requests.get());
        assertFalse(Files.exists(cache.resolve("aclImdb_v1.tar.gz")));
    }

    @Test
    void unpackRejectsAnEntryEscapingTheDirectoryAndLeavesNothing() throws IOException {
        for (String evil :
                List.of("aclImdb/../../evil.txt", dir.resolve("absolute-evil.txt").toString())) {
            Path archive = dir.resolve("slip.tar.gz");
            Files.write(
                    archive,
                    tarGz(
                            List.of(
                                    new String[] {"aclImdb/train/pos/0_9.txt", "fine"},
                                    new String[] {evil, "pwned"})));
            Path out = dir.resolve("out");

            CorpusFormatException e =
                    assertThrows(
                            CorpusFormatException.class, () -> downloader.unpack(archive, out));

            assertTrue(e.getMessage().contains("zip slip"), e.getMessage());
            assertTrue(e.getMessage().contains(evil), e.getMessage());
            assertFalse(Files.exists(dir.resolve("evil.txt")));
            assertFalse(Files.exists(dir.resolve("absolute-evil.txt")));
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(), files.toList());
            }
        }
    }

    @Test
    void unpackRejectsEmptyAndCorruptArchives() throws IOException {
        Path empty = dir.resolve("empty.tar.gz");
        Files.write(empty, tarGz(List.of()));
        Path corrupt = dir.resolve("corrupt.tar.gz");
        Files.write(corrupt, Arrays.copyOf(payload, payload.length / 2));
        Path out = dir.resolve("out");

        assertThrows(CorpusFormatException.class, () -> downloader.unpack(empty, out));
        CorpusFormatException e =
                assertThrows(CorpusFormatException.class, () -> downloader.unpack(corrupt, out));
        assertTrue(e.getMessage().startsWith(corrupt.toString()), e.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
