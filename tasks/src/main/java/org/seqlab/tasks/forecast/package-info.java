/**
 * The forecasting task: a recurrent encoder reads a window of a numeric time series (the target,
 * optional past covariates and calendar features) and a recurrent decoder over the horizon, fed
 * with the future steps' calendar features and seasonal lags of the target, outputs every step's
 * forecast and quantiles at once; rolling-origin evaluation against the seasonal-naive baseline.
 */
package org.seqlab.tasks.forecast;
