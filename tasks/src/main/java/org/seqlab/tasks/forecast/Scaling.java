package org.seqlab.tasks.forecast;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Per-column mean and standard deviation, fitted on the training part of a series only and stored
 * with the model; a column with no spread gets a deviation of 1.
 *
 * @param columns the columns, target first
 * @param mean each column's mean
 * @param std each column's standard deviation (population), never 0
 */
public record Scaling(List<String> columns, double[] mean, double[] std) {

    /** Validates the lengths. */
    public Scaling {
        columns = List.copyOf(columns);
        if (mean.length != columns.size() || std.length != columns.size()) {
            throw new IllegalArgumentException(
                    "Scaling needs one mean and one deviation per column.");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Fits the scaling on the first {@code rows} values of each column.
     *
     * @param values one array per column
     */
    static Scaling fit(List<String> columns, double[][] values, int rows) {
        double[] mean = new double[values.length];
        double[] std = new double[values.length];
        for (int c = 0; c < values.length; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += values[c][r];
            }
            double m = sum / rows;
            double ss = 0;
            for (int r = 0; r < rows; r++) {
                double d = values[c][r] - m;
                ss += d * d;
            }
            double s = Math.sqrt(ss / rows);
            mean[c] = m;
            std[c] = s > 1e-12 * Math.max(1, Math.abs(m)) ? s : 1;
        }
        return new Scaling(columns, mean, std);
    }

    /** Returns {@code (value - mean) / std} of column {@code c}. */
    double scale(int c, double value) {
        return (value - mean[c]) / std[c];
    }

    /** Returns the target's value for a scaled value. */
    double unscaleTarget(double scaled) {
        return scaled * std[0] + mean[0];
    }

    /** Returns the scaling as JSON. */
    JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray c = new JsonArray();
        JsonArray m = new JsonArray();
        JsonArray s = new JsonArray();
        for (int i = 0; i < columns.size(); i++) {
            c.add(columns.get(i));
            m.add(mean[i]);
            s.add(std[i]);
        }
        o.add("columns", c);
        o.add("mean", m);
        o.add("std", s);
        return o;
    }

    /**
     * Reads {@link #toJson()}'s output.
     *
     * @throws IllegalArgumentException when a key is missing or mistyped
     */
    static Scaling fromJson(JsonObject o) {
        try {
            JsonArray c = o.getAsJsonArray("columns");
            JsonArray m = o.getAsJsonArray("mean");
            JsonArray s = o.getAsJsonArray("std");
            String[] names = new String[c.size()];
            double[] mean = new double[c.size()];
            double[] std = new double[c.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = c.get(i).getAsString();
                mean[i] = m.get(i).getAsDouble();
                std[i] = s.get(i).getAsDouble();
                if (!(std[i] > 0)) {
                    throw new IllegalArgumentException("deviation of " + names[i] + " is not > 0");
                }
            }
            return new Scaling(List.of(names), mean, std);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "expected {\"columns\":[..],\"mean\":[..],\"std\":[..]}: " + e.getMessage(), e);
        }
    }
}
