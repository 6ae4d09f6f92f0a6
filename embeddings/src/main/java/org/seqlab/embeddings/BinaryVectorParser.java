package org.seqlab.embeddings;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Reads the word2vec C binary format: a {@code count dim} header line, then per word the word's
 * UTF-8 bytes up to a space and {@code dim} little-endian float32 values.
 *
 * <p>The C tool writes a newline after each vector; newlines before a word are skipped, so files
 * with and without them read the same. Words must be valid UTF-8. Errors name the byte offset in
 * the uncompressed data.
 */
final class BinaryVectorParser {

    private static final int MAX_WORD_BYTES = 1 << 16;

    private static final VarHandle FLOAT_LE =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteInput in;
    private final Path file;
    private final CharsetDecoder utf8 =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);

    private BinaryVectorParser(ByteInput in) {
        this.in = in;
        this.file = in.file;
    }

    /** Parses the whole input; {@code keep} null keeps every word. */
    static WordVectors parse(ByteInput in, Predicate<String> keep) throws IOException {
        return new BinaryVectorParser(in).run(keep);
    }

    private WordVectors run(Predicate<String> keep) throws IOException {
        if (in.atEnd()) {
            throw VectorFormatException.atByte(file, 0, "empty file, no word vectors", null);
        }
        int e = in.lineEnd(4096);
        byte[] b = in.buf;
        long count = -1;
        long dim = -1;
        int te = e < 0 ? -1 : TextVectorParser.trimEnd(b, in.pos, e);
        int space = -1;
        for (int i = in.pos; i < te; i++) {
            if (b[i] == ' ') {
                space = i;
                break;
            }
        }
        if (space > 0) {
            count = TextVectorParser.parseCount(b, in.pos, space);
            dim = TextVectorParser.parseCount(b, space + 1, te);
        }
        if (count < 0 || dim < 1 || dim > 1_000_000) {
            throw VectorFormatException.atByte(
                    file, 0, "expected a header line \"count dim\"", null);
        }
        if (count == 0) {
            throw VectorFormatException.atByte(file, 0, "header declares no word vectors", null);
        }
        in.pos = e + 1;
        int d = (int) dim;
        int rowBytes = d * 4;
        MatrixBuilder matrix = new MatrixBuilder(d, keep == null ? count : 1024);
        for (long i = 0; i < count; i++) {
            while (in.require(1) > 0 && (in.buf[in.pos] == '\n' || in.buf[in.pos] == '\r')) {
                in.pos++;
            }
            if (in.require(1) == 0) {
                throw VectorFormatException.atByte(
                        file,
                        in.offset(in.pos),
                        "truncated: header says " + count + " words, found " + i,
                        null);
            }
            String word = word();
            int off = matrix.next();
            if (in.require(rowBytes) < rowBytes) {
                throw VectorFormatException.atByte(
                        file,
                        in.offset(in.pos),
                        "truncated: the vector of \""
                                + word
                                + "\" needs "
                                + rowBytes
                                + " bytes, found "
                                + (in.limit - in.pos),
                        null);
            }
            float[] data = matrix.data;
            b = in.buf;
            int p = in.pos;
            for (int k = 0; k < d; k++) {
                data[off + k] = (float) FLOAT_LE.get(b, p + 4 * k);
            }
            in.pos = p + rowBytes;
            if (keep == null || keep.test(word)) {
                matrix.commit(word);
            }
        }
        while (in.require(1) > 0) {
            byte c = in.buf[in.pos];
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                throw VectorFormatException.atByte(
                        file,
                        in.offset(in.pos),
                        "header says " + count + " words, but the file has more data",
                        null);
            }
            in.pos++;
        }
        return matrix.build(VectorFormat.WORD2VEC_BINARY);
    }

    /** Reads a word up to its space, leaving {@code pos} after the space. */
    private String word() throws IOException {
        long start = in.offset(in.pos);
        int length = 0;
        while (true) {
            if (length == in.limit - in.pos && in.require(length + 1) <= length) {
                throw VectorFormatException.atByte(
                        file, start, "truncated: a word without its vector", null);
            }
            if (in.buf[in.pos + length] == ' ') {
                break;
            }
            if (++length > MAX_WORD_BYTES) {
                throw VectorFormatException.atByte(
                        file,
                        start,
                        "no space after " + MAX_WORD_BYTES + " bytes; not a word2vec binary word",
                        null);
            }
        }
        if (length == 0) {
            throw VectorFormatException.atByte(file, start, "empty word", null);
        }
        String word = decode(in.buf, in.pos, length, start);
        in.pos += length + 1;
        return word;
    }

    private String decode(byte[] b, int s, int length, long start) throws IOException {
        boolean ascii = true;
        for (int i = s; i < s + length && ascii; i++) {
            ascii = b[i] >= 0;
        }
        if (ascii) {
            return new String(b, s, length, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer bytes = ByteBuffer.wrap(b, s, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (result.isUnderflow()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            long bad = start + (bytes.position() - s);
            throw VectorFormatException.atByte(
                    file,
                    bad,
                    String.format(
                            "word is not valid UTF-8 (byte 0x%02X)", b[bytes.position()] & 0xFF),
                    new CharacterCodingException());
        }
        return chars.flip().toString();
    }
}
