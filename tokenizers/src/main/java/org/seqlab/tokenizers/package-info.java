/**
 * Tokenizers and vocabularies: turning text into tokens with character offsets, and tokens into
 * dense integer ids.
 *
 * <p>Every {@link org.seqlab.tokenizers.Tokenizer} is stateless and thread-safe and returns {@link
 * org.seqlab.tokenizers.Token} records whose offsets point back into the original text. A {@link
 * org.seqlab.tokenizers.Vocabulary} maps token strings to ids, reserves fixed ids for the special
 * tokens, and saves to and loads from a strict, line-oriented UTF-8 text format.
 *
 * <p>The tokenizers range from the JDK-only {@link org.seqlab.tokenizers.CharTokenizer} and {@link
 * org.seqlab.tokenizers.WhitespaceTokenizer} to {@link org.seqlab.tokenizers.LuceneTokenizer}
 * (Lucene analysis chains, optionally stripping HTML) and {@link
 * org.seqlab.tokenizers.OpenNlpTokenizer} (OpenNLP's English model, with {@link
 * org.seqlab.tokenizers.OpenNlpSentenceSplitter} beside it) and {@link
 * org.seqlab.tokenizers.BpeTokenizer} (byte-pair encoding learned from a corpus, lossless for any
 * text through byte fallback). {@link org.seqlab.tokenizers.NormalizingTokenizer} wraps any of them
 * to normalize token texts, and a {@link org.seqlab.tokenizers.TokenizerSpec} names a tokenizer and
 * its options so a saved model can rebuild it.
 */
package org.seqlab.tokenizers;
