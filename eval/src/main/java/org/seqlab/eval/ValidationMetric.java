package org.seqlab.eval;

import java.util.Locale;

/**
 * What a task's validation measures, by name, and which way is better: {@code loss} or {@code mae}
 * (lower is better), {@code accuracy}, {@code f1} or {@code bleu} (higher is better). Training
 * keeps the best model by it, and logs, progress lines and charts label the value with its name.
 *
 * @param name a short lowercase name, e.g. {@code accuracy}
 * @param higherIsBetter whether a larger value is an improvement
 */
public record ValidationMetric(String name, boolean higherIsBetter) {

    /** Mean cross-entropy in nats per token; lower is better. */
    public static final ValidationMetric LOSS = new ValidationMetric("loss", false);

    /** Fraction of dev examples labelled right; higher is better. */
    public static final ValidationMetric ACCURACY = new ValidationMetric("accuracy", true);

    /** Micro-averaged span F1; higher is better. */
    public static final ValidationMetric F1 = new ValidationMetric("f1", true);

    /** Corpus BLEU; higher is better. */
    public static final ValidationMetric BLEU = new ValidationMetric("bleu", true);

    /** Mean absolute error of forecasts, in the target's units; lower is better. */
    public static final ValidationMetric MAE = new ValidationMetric("mae", false);

    /** Validates the name: lowercase letters, digits and underscores. */
    public ValidationMetric {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "A validation metric needs a lowercase name; got '" + name + "'.");
        }
    }

    /**
     * Returns whether {@code candidate} improves on {@code best}. A first value (best is NaN)
     * always improves; a NaN candidate never does.
     */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return higherIsBetter ? candidate > best : candidate < best;
    }

    /** Returns whether this is a loss (drawn on the training loss's axis). */
    public boolean isLoss() {
        return !higherIsBetter && name.endsWith("loss");
    }

    /** Returns {@code value} formatted for a progress line, e.g. {@code accuracy 0.9100}. */
    public String format(double value) {
        return String.format(Locale.ROOT, "%s %.4f", name, value);
    }
}
