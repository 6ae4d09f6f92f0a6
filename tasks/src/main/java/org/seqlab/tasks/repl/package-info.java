/**
 * Interactive sessions, independent of any model: {@link org.seqlab.tasks.repl.Repl}, a
 * line-oriented read-eval-print loop with line editing, history and colon commands on a terminal
 * and a strict one-line-in, one-line-out mode in a pipe; and {@link
 * org.seqlab.tasks.repl.AttentionHeatMap}, which shows an attention matrix as shaded text or as a
 * PNG chart.
 */
package org.seqlab.tasks.repl;
