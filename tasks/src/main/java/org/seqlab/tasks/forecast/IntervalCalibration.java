package org.seqlab.tasks.forecast;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * Conformal calibration of the forecast intervals on the validation part (conformalized quantile
 * regression, Romano et al. 2019): for each symmetric pair of quantiles {@code (q, 1-q)}, the
 * margin {@code m} that widens (or, when negative, narrows) every interval {@code [lo - m, hi + m]}
 * so that it would have covered the nominal fraction {@code 1 - 2q} of the validation values.
 * Quantile regression alone under-covers on data after the training period.
 *
 * @param offsets one additive offset per model output, in the target's units: {@code -m} for a
 *     lower quantile, {@code +m} for its upper partner, 0 for the median
 */
record IntervalCalibration(double[] offsets) {

    /** The file in a model directory. */
    static final String FILE = "intervals.json";

    IntervalCalibration {
        offsets = offsets.clone();
    }

    /** Returns offsets of 0: the quantiles as the model outputs them. */
    static IntervalCalibration none(int outputs) {
        return new IntervalCalibration(new double[outputs]);
    }

    /**
     * Fits the margins on forecasts and actual values.
     *
     * @param forecasts {@code [origin][step][output]}, outputs sorted, uncalibrated
     * @param actual {@code [origin][step]}
     */
    static IntervalCalibration fit(
            List<Double> quantiles, double[][][] forecasts, double[][] actual) {
        int q = quantiles.size();
        double[] offsets = new double[Math.max(1, q)];
        for (int j = 0; j < q && quantiles.get(j) < 0.5; j++) {
            int upper = q - 1 - j;
            double nominal = quantiles.get(upper) - quantiles.get(j);
            int n = 0;
            for (double[][] f : forecasts) {
                n += f.length;
            }
            double[] scores = new double[n];
            int k = 0;
            for (int i = 0; i < forecasts.length; i++) {
                for (int s = 0; s < forecasts[i].length; s++) {
                    double y = actual[i][s];
                    scores[k++] = Math.max(forecasts[i][s][j] - y, y - forecasts[i][s][upper]);
                }
            }
            Arrays.sort(scores);
            int rank = (int) Math.min(n, Math.ceil((n + 1) * nominal));
            double margin = scores[Math.max(0, rank - 1)];
            offsets[j] = -margin;
            offsets[upper] = margin;
        }
        return new IntervalCalibration(offsets);
    }

    /** Adds the offsets to one step's outputs and sorts them. */
    void apply(double[] outputs) {
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] += offsets[k];
        }
        Arrays.sort(outputs);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (double v : offsets) {
            a.add(v);
        }
        o.add("offsets", a);
        return o;
    }

    /**
     * Reads {@link #toJson()}'s output for a model with {@code outputs} outputs.
     *
     * @throws IllegalArgumentException when it is malformed
     */
    static IntervalCalibration fromJson(JsonObject o, int outputs) {
        JsonArray a = o.getAsJsonArray("offsets");
        if (a == null || a.size() != outputs) {
            throw new IllegalArgumentException(
                    "expected {\"offsets\":[...]} with " + outputs + " numbers");
        }
        double[] v = new double[outputs];
        for (int i = 0; i < outputs; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return new IntervalCalibration(v);
    }
}
