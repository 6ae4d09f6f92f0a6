package org.seqlab.corpora;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The datasets seqlab knows how to download, with their published sizes and checksums.
 *
 * <p>This class is the one place where dataset URLs and checksums are written down. All methods are
 * static and thread-safe.
 */
public final class DatasetCatalog {
    private static final List<Dataset> ALL =
            List.of(
                    new Dataset(
                            "imdb",
                            "Large Movie Review Dataset (Maas et al. 2011), 25k train + 25k test"
                                    + " reviews",
                            URI.create(
                                    "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                            "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe",
                            84_125_825L,
                            "aclImdb"));

    private DatasetCatalog() {}

    /**
     * Returns every known dataset.
     *
     * @return an unmodifiable list, ordered by name
     */
    public static List<Dataset> all() {
        return ALL;
    }

    /**
     * Returns the dataset with the given name.
     *
     * @param name the dataset's name, such as {@code imdb}; not null
     * @return the dataset
     * @throws IllegalArgumentException if no dataset has that name; the message lists the known
     *     names
     */
    public static Dataset get(String name) {
        Objects.requireNonNull(name, "name");
        for (Dataset dataset : ALL) {
            if (dataset.name().equals(name)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException(
                "There is no dataset named '"
                        + name
                        + "'; the known datasets are: "
                        + ALL.stream().map(Dataset::name).collect(Collectors.joining(", "))
                        + ".");
    }
}
