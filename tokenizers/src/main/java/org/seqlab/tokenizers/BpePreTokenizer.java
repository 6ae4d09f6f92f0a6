package org.seqlab.tokenizers;

/**
 * Splits text into the pre-tokens that byte-pair merges stay within, the way GPT-2 does.
 *
 * <p>This is a hand-written equivalent of GPT-2's pattern {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+|
 * ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}: an English contraction suffix; else a run of letters,
 * of numbers or of other symbols, each with an optional single leading space; else a run of
 * whitespace. A whitespace run that is followed by more text gives up its last character, so that a
 * single space can join the word after it. "Whitespace" means {@link Character#isWhitespace},
 * {@link Character#isSpaceChar} (which adds the no-break spaces) or U+0085. Letters are {@link
 * Character#isLetter}; numbers are the Nd, Nl and No categories; everything else, unpaired
 * surrogates included, is "other".
 */
final class BpePreTokenizer {

    private static final int LETTER = 0;
    private static final int NUMBER = 1;
    private static final int SPACE = 2;
    private static final int OTHER = 3;

    private static final String[] CONTRACTIONS = {"s", "t", "re", "ve", "m", "ll", "d"};

    private BpePreTokenizer() {}

    /**
     * Returns the end of the pre-token that starts at {@code start}.
     *
     * @param text the text being split
     * @param start the start of a pre-token, {@code 0 <= start < text.length()}
     * @return the char offset just past the pre-token; greater than {@code start}
     */
    static int end(String text, int start) {
        int c = text.codePointAt(start);
        if (c == '\'') {
            for (String suffix : CONTRACTIONS) {
                if (text.startsWith(suffix, start + 1)) {
                    return start + 1 + suffix.length();
                }
            }
        }
        int type = classOf(c);
        if (type != SPACE) {
            return runEnd(text, start, type);
        }
        if (c == ' ' && start + 1 < text.length()) {
            int nextType = classOf(text.codePointAt(start + 1));
            if (nextType != SPACE) {
                return runEnd(text, start + 1, nextType);
            }
        }
        int end = runEnd(text, start, SPACE);
        if (end == text.length()) {
            return end;
        }
        // Whitespace code points are all in the BMP, so the last one is one char long.
        return end - 1 > start ? end - 1 : end;
    }

    private static int runEnd(String text, int from, int type) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (classOf(c) != type) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static int classOf(int c) {
        if (Character.isLetter(c)) {
            return LETTER;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85) {
            return SPACE;
        }
        return switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER ->
                    NUMBER;
            default -> OTHER;
        };
    }
}
