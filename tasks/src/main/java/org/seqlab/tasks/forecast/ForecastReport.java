package org.seqlab.tasks.forecast;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.seqlab.eval.forecast.PointErrors;

/**
 * The scores of a rolling-origin evaluation.
 *
 * @param origins forecast origins
 * @param horizon steps forecast from each
 * @param model the model's point errors over every forecast value
 * @param mase the model's MAE over the in-sample seasonal-naive MAE of the rows before the first
 *     origin
 * @param coverage for each symmetric quantile pair ({@code "0.1-0.9"}), the fraction of actual
 *     values inside it
 * @param naive the seasonal-naive baseline's point errors on the same origins
 * @param seasonalPeriod the baseline's period, in steps
 */
public record ForecastReport(
        int origins,
        int horizon,
        PointErrors model,
        double mase,
        Map<String, Double> coverage,
        PointErrors naive,
        int seasonalPeriod) {

    /** Returns {@code 1 - mae / seasonal_naive.mae}: above 0 when the model beats the baseline. */
    public double skill() {
        return 1 - model.mae() / naive.mae();
    }

    /** Returns the report as the JSON object {@code forecast eval --json} prints. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("origins", origins);
        o.addProperty("horizon", horizon);
        o.addProperty("mae", model.mae());
        o.addProperty("rmse", model.rmse());
        o.addProperty("mape", model.mape());
        o.addProperty("smape", model.smape());
        o.addProperty("mase", mase);
        JsonObject c = new JsonObject();
        coverage.forEach(c::addProperty);
        o.add("coverage", c);
        JsonObject n = new JsonObject();
        n.addProperty("mae", naive.mae());
        n.addProperty("rmse", naive.rmse());
        o.add("seasonal_naive", n);
        o.addProperty("skill", skill());
        return o;
    }

    /** Returns a few lines for people. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        Locale.ROOT,
                        "%d origins x %d steps%n"
                                + "model           MAE %.4g  RMSE %.4g  MAPE %.2f%%  sMAPE %.2f%%"
                                + "  MASE %.3f%n"
                                + "seasonal naive  MAE %.4g  RMSE %.4g  (period %d)%n"
                                + "skill %.3f (1 - MAE / seasonal-naive MAE)%n",
                        origins,
                        horizon,
                        model.mae(),
                        model.rmse(),
                        100 * model.mape(),
                        100 * model.smape(),
                        mase,
                        naive.mae(),
                        naive.rmse(),
                        seasonalPeriod,
                        skill()));
        coverage.forEach(
                (k, v) ->
                        b.append(
                                String.format(
                                        Locale.ROOT,
                                        "interval %s covers %.1f%% of actual values%n",
                                        k,
                                        100 * v)));
        return b.toString();
    }
}
