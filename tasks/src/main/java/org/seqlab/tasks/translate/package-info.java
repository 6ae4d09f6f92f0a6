/**
 * Translation: an attention encoder-decoder trained on sentence pairs ({@link
 * org.seqlab.tasks.translate.TranslateTrainer}), a model directory ({@link
 * org.seqlab.tasks.translate.TranslateModel}) and the {@code seqlab translate} commands.
 */
package org.seqlab.tasks.translate;
