/**
 * File writing shared by every module: {@link org.seqlab.io.AtomicFiles} writes through a synced
 * temp file and a rename, so a crash never leaves a torn vocabulary, log, chart or model file. It
 * lives in the base module because every other module depends on it.
 */
package org.seqlab.io;
