/** {@code seqlab bench}: throughput of seqlab's paths against bare DJL loops, same process. */
package org.seqlab.tasks.bench;
