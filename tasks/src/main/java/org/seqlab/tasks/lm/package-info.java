/**
 * Language modelling: train a character- or word-level LSTM/GRU on a text, measure its
 * cross-entropy, and generate text from it. The five parts every task has: {@link
 * org.seqlab.tasks.lm.LmConfig}, {@link org.seqlab.tasks.lm.LmTrainer}, {@link
 * org.seqlab.tasks.lm.LmModel}, {@link org.seqlab.tasks.lm.LmEvaluator} and {@link
 * org.seqlab.tasks.lm.LmCommand}.
 */
package org.seqlab.tasks.lm;
