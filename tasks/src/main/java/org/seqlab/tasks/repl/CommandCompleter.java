package org.seqlab.tasks.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes the colon commands of a {@link Repl} (with their help as description) in the first word
 * of a line that starts with one colon, and a command's fixed arguments in the second word. Other
 * input is not completed.
 */
final class CommandCompleter implements Completer {

    private final Repl repl;

    CommandCompleter(Repl repl) {
        this.repl = repl;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (!line.line().startsWith(":") || line.line().startsWith("::") || words.isEmpty()) {
            return;
        }
        if (line.wordIndex() == 0) {
            for (ReplCommand c : repl.commands()) {
                String value = ":" + c.name();
                candidates.add(new Candidate(value, value, null, c.help(), null, null, true));
            }
        } else if (line.wordIndex() == 1) {
            ReplCommand c = repl.command(words.get(0).substring(1));
            if (c != null) {
                for (String a : c.arguments()) {
                    candidates.add(new Candidate(a));
                }
            }
        }
    }
}
