package org.seqlab.tasks.repl;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A colon command of a {@link Repl}, such as {@code :beam N}: the user types {@code :NAME} and its
 * arguments, separated by spaces.
 *
 * @param name the name without the colon: lower-case letters, digits and dashes, starting with a
 *     letter, such as {@code "beam"}
 * @param usage the arguments as {@code :help} shows them, such as {@code "N"} or {@code "[save
 *     FILE]"}; empty for none
 * @param help what the command does, in one line, as {@code :help} shows it
 * @param arguments the fixed words that tab completion offers for the first argument, such as
 *     {@code ["save"]}; empty for none
 * @param action what the command does
 */
public record ReplCommand(
        String name, String usage, String help, List<String> arguments, Action action) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** What a colon command does. */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs the command.
         *
         * @param args the words typed after the command's name, possibly none
         * @param out where the command's output goes
         * @throws Exception if the command fails, such as {@link IllegalArgumentException} for a
         *     bad argument; its message is shown to the user in one line
         */
        void run(List<String> args, PrintWriter out) throws Exception;
    }

    /**
     * Validates the command.
     *
     * @throws IllegalArgumentException if a part is null, the name is not a command name, the help
     *     is blank or not one line, or a fixed argument is blank or contains a space
     */
    public ReplCommand {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A command name is lower-case letters, digits and dashes starting with a"
                            + " letter, without the colon, but it was "
                            + (name == null ? "null" : "'" + name + "'")
                            + ".");
        }
        if (usage == null || usage.contains("\n")) {
            throw new IllegalArgumentException(
                    "The usage of :" + name + " must be one line (empty for no arguments).");
        }
        if (help == null || help.isBlank() || help.contains("\n")) {
            throw new IllegalArgumentException(
                    "The help of :" + name + " must be one line of text, but it was blank.");
        }
        if (arguments == null) {
            throw new IllegalArgumentException(
                    "The fixed arguments of :" + name + " must be a list, possibly empty.");
        }
        arguments = List.copyOf(arguments);
        for (String a : arguments) {
            if (a.isBlank() || a.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "A fixed argument of :"
                                + name
                                + " must be one word, but it was '"
                                + a
                                + "'.");
            }
        }
        if (action == null) {
            throw new IllegalArgumentException("The command :" + name + " needs an action.");
        }
    }

    /**
     * Creates a command whose arguments are not completed.
     *
     * @param name the name without the colon
     * @param usage the arguments as {@code :help} shows them; empty for none
     * @param help what the command does, in one line
     * @param action what the command does
     * @throws IllegalArgumentException as the canonical constructor describes
     */
    public ReplCommand(String name, String usage, String help, Action action) {
        this(name, usage, help, List.of(), action);
    }
}
