// TEMPORARY STUB: replaced by the real BpeTokenizer
package org.seqlab.tokenizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Placeholder so {@link TokenizerSpec} compiles until the real byte-pair-encoding tokenizer lands.
 */
final class BpeTokenizer implements Tokenizer {

    private BpeTokenizer() {}

    /** Always fails: the real implementation is not merged yet. */
    public static BpeTokenizer load(Path file) throws IOException {
        throw new UnsupportedOperationException(
                "BpeTokenizer is not available yet (temporary stub); cannot load " + file + ".");
    }

    @Override
    public List<Token> tokenize(String text) {
        throw new UnsupportedOperationException("BpeTokenizer is a temporary stub.");
    }
}
