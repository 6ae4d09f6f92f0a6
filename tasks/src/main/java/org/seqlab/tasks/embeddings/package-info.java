/** {@code seqlab embeddings}: inspect, query and convert pretrained word-vector files. */
package org.seqlab.tasks.embeddings;
