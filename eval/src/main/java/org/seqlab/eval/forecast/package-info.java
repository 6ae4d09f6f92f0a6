/**
 * Measures and the chart of a time-series forecasting task.
 *
 * <p>Like the rest of {@code org.seqlab.eval} this package has no DJL dependency and works on plain
 * arrays. It holds the errors of point forecasts ({@link org.seqlab.eval.forecast.PointErrors}:
 * MAE, RMSE, MAPE, sMAPE and, with a scale, MASE), the seasonal naive baseline and the MASE scale
 * ({@link org.seqlab.eval.forecast.SeasonalNaive}), measures of interval and quantile forecasts
 * ({@link org.seqlab.eval.forecast.Intervals}: coverage, pinball loss, mean width), the origins of
 * a rolling-origin evaluation ({@link org.seqlab.eval.forecast.RollingOrigins}) and a chart of
 * actual values, forecast and interval over time ({@link org.seqlab.eval.forecast.ForecastChart}).
 *
 * <p>Percentage errors are fractions (0.05 is 5%), not percentages.
 */
package org.seqlab.eval.forecast;
