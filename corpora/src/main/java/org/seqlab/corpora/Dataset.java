package org.seqlab.corpora;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A downloadable corpus archive: where it is, how big it is and what its SHA-256 must be.
 *
 * <p>{@link DatasetCatalog} lists the known datasets; {@link Downloader} fetches and verifies them.
 *
 * @param name the short name used to look the dataset up, such as {@code imdb}; no whitespace
 * @param description one line saying what the dataset is and where it comes from; not null
 * @param url the {@code http} or {@code https} address of the archive; its last path segment is the
 *     {@link #fileName()} under which it is cached
 * @param sha256 the SHA-256 of the archive, 64 hex digits (stored in lowercase)
 * @param bytes the size of the archive in bytes, at least 1
 * @param archiveRoot the name of the single top-level directory of the archive, such as {@code
 *     aclImdb}
 */
public record Dataset(
        String name, String description, URI url, String sha256, long bytes, String archiveRoot) {
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Checks and normalizes the fields.
     *
     * @throws IllegalArgumentException if a field is missing or malformed, as described for the
     *     record's components
     */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(archiveRoot, "archiveRoot");
        if (name.isEmpty() || !name.codePoints().noneMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "A dataset name must be non-empty without whitespace, but it is '"
                            + name
                            + "'.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException(
                    "The URL of dataset '" + name + "' must be http or https, but it is " + url);
        }
        String file = lastSegment(url);
        if (file.isEmpty() || file.equals(".") || file.equals("..") || file.contains("\\")) {
            throw new IllegalArgumentException(
                    "The URL of dataset '"
                            + name
                            + "' must end with a file name, but it is "
                            + url);
        }
        if (!HEX_64.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    "The SHA-256 of dataset '"
                            + name
                            + "' must be 64 hex digits, but it is '"
                            + sha256
                            + "'.");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (bytes < 1) {
            throw new IllegalArgumentException(
                    "The size of dataset '"
                            + name
                            + "' must be at least 1 byte, but it is "
                            + bytes
                            + ".");
        }
        if (archiveRoot.isEmpty()
                || archiveRoot.equals(".")
                || archiveRoot.equals("..")
                || archiveRoot.contains("/")
                || archiveRoot.contains("\\")) {
            throw new IllegalArgumentException(
                    "The archive root of dataset '"
                            + name
                            + "' must be one directory name, but it is '"
                            + archiveRoot
                            + "'.");
        }
    }

    /**
     * Returns the name under which the archive is cached: the last segment of the URL's path.
     *
     * @return for example {@code aclImdb_v1.tar.gz}
     */
    public String fileName() {
        return lastSegment(url);
    }

    private static String lastSegment(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
