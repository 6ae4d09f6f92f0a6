/**
 * What every module uses, with no dependency but Gson: {@link org.seqlab.io.AtomicFiles} writes
 * through a synced temp file and a rename, so a crash never leaves a torn vocabulary, log, chart or
 * model file; {@link org.seqlab.io.Json} maps records to JSON with one NaN policy (written as
 * null); {@link org.seqlab.io.JsonRecords} maps records to JSON objects with snake-case keys, the
 * same NaN policy and strict reading that names a missing or mistyped field by its key; {@link
 * org.seqlab.io.StrictLines} reads UTF-8 lines and names the byte and line of bad input.
 */
package org.seqlab.io;
