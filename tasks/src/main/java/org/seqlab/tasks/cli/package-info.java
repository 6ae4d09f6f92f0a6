/**
 * The {@code seqlab} command line: the top-level command, error-to-exit-code mapping (0 ok, 1
 * failure, 2 bad input or usage) and shared options such as durations.
 */
package org.seqlab.tasks.cli;
