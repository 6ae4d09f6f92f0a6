/**
 * Evaluation measures, training logs and charts shared by every seqlab task.
 *
 * <p>This package has no DJL dependency: it works on plain Java arrays and records so that it can
 * serve as a hand-computation reference in tests of the DJL code. It holds language-model scores
 * ({@link org.seqlab.eval.LanguageModelScore}, {@link org.seqlab.eval.CrossEntropy}), the
 * JSON-lines training log ({@link org.seqlab.eval.EpochRecord}, {@link
 * org.seqlab.eval.TrainingLog}), the loss curve chart ({@link org.seqlab.eval.LossCurveChart}) and
 * the shared JSON helper ({@link org.seqlab.eval.Json}).
 */
package org.seqlab.eval;
