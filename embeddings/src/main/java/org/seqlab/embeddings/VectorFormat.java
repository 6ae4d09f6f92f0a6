package org.seqlab.embeddings;

/**
 * The on-disk formats of pretrained word vectors that {@link VectorReader} reads.
 *
 * <p>Each constant has a short stable {@link #id()} for command lines and manifests.
 */
public enum VectorFormat {
    /** GloVe text: {@code word v1 .. vd} per line, no header; words may contain spaces. */
    GLOVE("glove"),
    /** word2vec text: a {@code count dim} header line, then {@code word v1 .. vd} per line. */
    WORD2VEC_TEXT("word2vec"),
    /** word2vec C binary: a {@code count dim} header, then word, space, d little-endian floats. */
    WORD2VEC_BINARY("word2vec-bin"),
    /** fastText {@code .vec}: the word2vec text layout, named {@code .vec} or {@code .vec.gz}. */
    FASTTEXT("fasttext");

    private final String id;

    VectorFormat(String id) {
        this.id = id;
    }

    /**
     * Returns the short lowercase name of this format.
     *
     * @return {@code "glove"}, {@code "word2vec"}, {@code "word2vec-bin"} or {@code "fasttext"}
     */
    public String id() {
        return id;
    }
}
