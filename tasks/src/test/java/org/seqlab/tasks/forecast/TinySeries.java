package org.seqlab.tasks.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Tiny daily series for tests: a weekly pattern, a slow trend, noise and a covariate. */
final class TinySeries {

    private TinySeries() {}

    /** Returns the CSV text of {@code days} days from 2020-01-06 (a Monday). */
    static String csv(int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("date,sales,temp\n");
        LocalDate d = LocalDate.of(2020, 1, 6);
        for (int i = 0; i < days; i++) {
            double temp = 10 + 8 * Math.sin(2 * Math.PI * i / 365.0) + r.nextGaussian();
            double weekly = new double[] {0, 2, 3, 3, 4, 8, 6}[i % 7];
            double v = 50 + 0.02 * i + 3 * weekly + 0.3 * temp + r.nextGaussian();
            b.append(d.plusDays(i))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", v))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f", temp))
                    .append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #csv} to {@code dir/name}. */
    static Path write(Path dir, String name, int days) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, csv(days, 7), StandardCharsets.UTF_8);
        return p;
    }

    /** Returns the arguments of a short training run. */
    static String[] trainArgs(Path data, Path out, String... extra) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "forecast",
                                "train",
                                "--data",
                                data.toString(),
                                "--time",
                                "date",
                                "--target",
                                "sales",
                                "--window",
                                "14",
                                "--horizon",
                                "7",
                                "--hidden",
                                "8",
                                "--epochs",
                                "2",
                                "--batch",
                                "32",
                                "--out",
                                out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }
}
