package org.seqlab.tasks.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds model directories given on the command line. */
public final class ModelPaths {

    private ModelPaths() {}

    /**
     * Returns {@code model} as given when it exists, else resolved against the installation
     * directory ({@code -Dseqlab.home}, set by {@code bin/seqlab}), so that the shipped models are
     * found from any working directory.
     */
    public static Path resolve(Path model) {
        String home = System.getProperty("seqlab.home");
        if (Files.exists(model) || model.isAbsolute() || home == null) {
            return model;
        }
        Path installed = Path.of(home).resolve(model);
        return Files.exists(installed) ? installed : model;
    }
}
