package org.seqlab.tasks.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.Dataset;
import org.seqlab.corpora.DatasetCatalog;
import org.seqlab.corpora.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab data}: the dataset catalog and its checksummed, resumable downloader. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "List and fetch public datasets (SHA-256 checked, resumable).",
        subcommands = {DataCommand.ListCommand.class, DataCommand.Fetch.class})
public final class DataCommand {

    private DataCommand() {}

    /** {@code seqlab data list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Known datasets.")
    static final class ListCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            for (Dataset d : DatasetCatalog.all()) {
                System.out.printf(
                        Locale.ROOT,
                        "%-8s %6.1f MB  %s%n         %s%n",
                        d.name(),
                        d.bytes() / 1e6,
                        d.description(),
                        d.url());
            }
            return 0;
        }
    }

    /** {@code seqlab data fetch}. */
    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Download (resuming a partial download), verify and unpack a dataset.")
    static final class Fetch implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--dir", defaultValue = "data", description = "Where to cache and unpack.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Dataset d = DatasetCatalog.get(name);
            Files.createDirectories(dir);
            Downloader downloader = new Downloader();
            long[] last = {0};
            Path archive =
                    downloader.fetch(
                            d,
                            dir,
                            (done, total) -> {
                                long now = System.nanoTime();
                                if (now - last[0] > 2_000_000_000L || done == total) {
                                    last[0] = now;
                                    System.err.printf(
                                            Locale.ROOT,
                                            "%s: %.1f of %.1f MB%n",
                                            d.name(),
                                            done / 1e6,
                                            total / 1e6);
                                }
                            });
            Path root = dir.resolve(d.archiveRoot());
            if (!Files.isDirectory(root)) {
                root = downloader.unpack(archive, dir);
            }
            System.out.println(root);
            return 0;
        }
    }
}
