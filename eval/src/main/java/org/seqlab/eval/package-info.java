/**
 * Evaluation measures, training logs and charts shared by every seqlab task.
 *
 * <p>This package has no DJL dependency: it works on plain Java arrays and records so that it can
 * serve as a hand-computation reference in tests of the DJL code. It holds language-model scores
 * ({@link org.seqlab.eval.LanguageModelScore}, {@link org.seqlab.eval.CrossEntropy}), the
 * JSON-lines training log ({@link org.seqlab.eval.EpochRecord}, {@link
 * org.seqlab.eval.TrainingLog}), classification scores ({@link org.seqlab.eval.ConfusionMatrix},
 * {@link org.seqlab.eval.ClassificationReport}, {@link org.seqlab.eval.ClassScores}), tagging
 * scores as the CoNLL {@code conlleval} script computes them ({@link org.seqlab.eval.SpanF1},
 * {@link org.seqlab.eval.SpanScores}, {@link org.seqlab.eval.TypeScores}), the loss curve and
 * confusion matrix charts ({@link org.seqlab.eval.LossCurveChart}, {@link
 * org.seqlab.eval.ConfusionMatrixChart}) and the shared JSON helper ({@link org.seqlab.io.Json}).
 *
 * <p>Machine translation scores are ports of sacreBLEU 2.x that give its numbers and its
 * signatures: corpus and sentence BLEU ({@link org.seqlab.eval.Bleu}, {@link
 * org.seqlab.eval.BleuConfig}, {@link org.seqlab.eval.BleuScore}) with the {@code 13a} tokenizer
 * ({@link org.seqlab.eval.Tokenizer13a}), and chrF / chrF++ ({@link org.seqlab.eval.ChrF}, {@link
 * org.seqlab.eval.ChrFConfig}, {@link org.seqlab.eval.ChrFScore}).
 *
 * <p>Time-series forecasting measures and the forecast chart are in {@code
 * org.seqlab.eval.forecast}.
 */
package org.seqlab.eval;
