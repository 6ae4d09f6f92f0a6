/**
 * Tokenizers and vocabularies: turning text into tokens with character offsets, and tokens into
 * dense integer ids.
 *
 * <p>Every {@link org.seqlab.tokenizers.Tokenizer} is stateless and thread-safe and returns {@link
 * org.seqlab.tokenizers.Token} records whose offsets point back into the original text. A {@link
 * org.seqlab.tokenizers.Vocabulary} maps token strings to ids, reserves fixed ids for the special
 * tokens, and saves to and loads from a strict, line-oriented UTF-8 text format.
 *
 * <p>This module has no dependencies outside the JDK.
 */
package org.seqlab.tokenizers;
