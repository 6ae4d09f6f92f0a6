package org.seqlab.tasks.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.seqlab.corpora.TextLines;

/**
 * The pipe mode of a {@link Repl}: every line of strict UTF-8 input goes to the handler, and
 * exactly one line comes out per line in, flushed at once. See {@link Repl#runPipe}.
 */
final class PipeSession {

    private final LineHandler handler;

    PipeSession(LineHandler handler) {
        this.handler = handler;
    }

    int run(InputStream in, OutputStream out, PrintStream err) throws IOException {
        TextLines lines = TextLines.of(in, TextLines.STDIN);
        int code = 0;
        for (String line; (line = lines.next()) != null; ) {
            StringWriter buffer = new StringWriter();
            try (PrintWriter w = new PrintWriter(buffer)) {
                handler.line(line, w);
            } catch (Exception e) {
                buffer.getBuffer().setLength(0);
                err.println(TextLines.STDIN + ":" + lines.lineNumber() + ": " + Repl.message(e));
                err.flush();
                code = 1;
            }
            StringBuffer text = buffer.getBuffer();
            if (text.length() == 0 || text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (out instanceof PrintStream p && p.checkError()) {
                break;
            }
        }
        return code;
    }
}
