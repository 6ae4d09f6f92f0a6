package org.seqlab.tokenizers;

/**
 * Turns code points into the byte ids 0..255 and back, for text a byte-pair vocabulary has no piece
 * for.
 *
 * <p>A code point becomes its UTF-8 bytes. An unpaired surrogate, which UTF-8 cannot represent,
 * becomes the three-byte form of its UTF-16 code unit (as in WTF-8), so every Java string has a
 * byte form and decoding gives the same string back. Byte sequences that are not well formed (they
 * can only come from ids that {@link BpeTokenizer#encode} did not produce) decode to U+FFFD, one
 * per offending byte.
 */
final class ByteFallback {

    private static final char REPLACEMENT = '\uFFFD';

    private ByteFallback() {}

    /**
     * Writes the bytes of {@code codePoint} (or of an unpaired surrogate code unit) to {@code out}.
     *
     * @param codePoint a code point, or a surrogate code unit
     * @param out the array to write to, with room for 4 bytes at {@code at}
     * @param at where to write the first byte
     * @return the number of bytes written, 1 to 4
     */
    static int encode(int codePoint, int[] out, int at) {
        if (codePoint < 0x80) {
            out[at] = codePoint;
            return 1;
        }
        if (codePoint < 0x800) {
            out[at] = 0xC0 | (codePoint >> 6);
            out[at + 1] = 0x80 | (codePoint & 0x3F);
            return 2;
        }
        if (codePoint < 0x10000) {
            out[at] = 0xE0 | (codePoint >> 12);
            out[at + 1] = 0x80 | ((codePoint >> 6) & 0x3F);
            out[at + 2] = 0x80 | (codePoint & 0x3F);
            return 3;
        }
        out[at] = 0xF0 | (codePoint >> 18);
        out[at + 1] = 0x80 | ((codePoint >> 12) & 0x3F);
        out[at + 2] = 0x80 | ((codePoint >> 6) & 0x3F);
        out[at + 3] = 0x80 | (codePoint & 0x3F);
        return 4;
    }

    /**
     * Decodes {@code count} bytes (values 0..255) from {@code bytes} and appends the text to {@code
     * out}.
     *
     * @param bytes the bytes, one per element
     * @param count how many elements of {@code bytes} to decode
     * @param out where the text goes
     */
    static void decode(int[] bytes, int count, StringBuilder out) {
        int i = 0;
        while (i < count) {
            int b = bytes[i];
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : 4;
            if ((b > 0xF4 || b < 0xC2) || i + length > count) {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            int codePoint = b & (0xFF >> (length + 1));
            boolean wellFormed = true;
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k];
                if ((next & 0xC0) != 0x80) {
                    wellFormed = false;
                    break;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            int smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
            if (!wellFormed || codePoint < smallest || codePoint > Character.MAX_CODE_POINT) {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            out.appendCodePoint(codePoint);
            i += length;
        }
    }
}
