package org.seqlab.tokenizers;

import java.util.List;

/**
 * Splits text into tokens that keep their character offsets.
 *
 * <p>Contract, checked by the abstract {@code TokenizerContractTest} that every implementation's
 * test extends:
 *
 * <ul>
 *   <li>Implementations are stateless and thread-safe: one instance may be shared by any number of
 *       threads, and the result depends only on the argument.
 *   <li>Tokens are returned in text order and do not overlap: for consecutive tokens {@code a},
 *       {@code b}, {@code a.end() <= b.start()}.
 *   <li>Offsets are within bounds: {@code 0 <= t.start() <= t.end() <= text.length()}.
 *   <li>{@code text.substring(t.start(), t.end())} equals {@code t.text()}. Normalization (case
 *       folding, Unicode normalization) wraps a tokenizer; it does not hide inside one.
 *   <li>The empty string gives an empty list.
 * </ul>
 */
public interface Tokenizer {

    /**
     * Splits {@code text} into tokens.
     *
     * @param text the text to split; must not be null
     * @return the tokens in text order; never null, possibly empty
     * @throws NullPointerException if {@code text} is null
     */
    List<Token> tokenize(String text);
}
