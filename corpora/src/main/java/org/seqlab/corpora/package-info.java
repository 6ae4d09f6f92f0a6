/**
 * Reading corpora from disk and cutting them into training data.
 *
 * <p>{@link org.seqlab.corpora.TextReader} reads a whole text file (optionally gzipped) with strict
 * UTF-8 decoding and fingerprints files and id sequences with SHA-256; {@link
 * org.seqlab.corpora.TextLines} reads the lines of a file or of standard input one at a time, as
 * strict UTF-8 and gunzipped when the input starts with the gzip magic. {@link
 * org.seqlab.corpora.Split} divides a sequence of token ids into a training and a validation part,
 * and {@link org.seqlab.corpora.StreamBatches} cuts a sequence into the contiguous parallel streams
 * used for truncated backpropagation through time.
 *
 * <p>For text classification, {@link org.seqlab.corpora.LabeledReader} reads {@link
 * org.seqlab.corpora.LabeledText} examples into a {@link org.seqlab.corpora.LabeledCorpus} from an
 * aclImdb directory or its {@code .tar.gz} archive (streamed, not unpacked), from JSONL and from
 * TSV or CSV, in one of the {@link org.seqlab.corpora.LabeledFormat}s; a corpus records its label
 * set and divides itself into a seeded, stratified training and development split.
 *
 * <p>For translation, {@link org.seqlab.corpora.ParallelReader} reads {@link
 * org.seqlab.corpora.SentencePair}s from two-column ({@code source<TAB>target}) or Tatoeba/Anki
 * three-column TSV, plain or gzipped, into a {@link org.seqlab.corpora.ParallelCorpus}, reversing,
 * length-filtering and deduplicating them as {@link org.seqlab.corpora.ParallelReadOptions} ask and
 * counting what it dropped. Plain sentences one a line (texts to translate) are read with {@link
 * org.seqlab.corpora.TextLines#readAll(java.nio.file.Path)}.
 *
 * <p>For sequence labeling (part-of-speech tagging, named entity recognition), {@link
 * org.seqlab.corpora.TaggedReader} reads {@link org.seqlab.corpora.TaggedSentence}s into a {@link
 * org.seqlab.corpora.TaggedCorpus} from CoNLL-U (keeping {@link org.seqlab.corpora.MultiWordToken}s
 * for display) or from CoNLL/IOB column files, in a {@link org.seqlab.corpora.TaggedFormat} with
 * {@link org.seqlab.corpora.TaggedReadOptions}. {@link org.seqlab.corpora.TagSchemes} reads {@link
 * org.seqlab.corpora.TagSpan}s out of tag sequences, converts them between the {@link
 * org.seqlab.corpora.TagScheme}s IOB1, IOB2 and BIOES (repairing invalid sequences, {@link
 * org.seqlab.corpora.ConvertedTags}) and says which tag may follow which.
 *
 * <p>{@link org.seqlab.corpora.DatasetCatalog} lists the downloadable {@link
 * org.seqlab.corpora.Dataset}s with their sizes and SHA-256 checksums, and {@link
 * org.seqlab.corpora.Downloader} fetches one into a cache directory (resuming partial downloads,
 * verifying the checksum before the file gets its final name) and unpacks its archive safely.
 *
 * <p>For forecasting, the subpackage {@link org.seqlab.corpora.series} reads time series from CSV
 * and TSV files.
 *
 * <p>Malformed files are reported with {@link org.seqlab.corpora.CorpusFormatException}, which
 * names the file and, for line-oriented formats, the line.
 */
package org.seqlab.corpora;
