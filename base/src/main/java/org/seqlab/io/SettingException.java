package org.seqlab.io;

/**
 * A setting with an invalid value, named by its key (e.g. {@code max_time}) so that each front end
 * can name it its own way: the CLI says {@code --max-time}, a Java caller sees the key.
 */
public final class SettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    /**
     * Creates the exception; its message is {@code setting + " " + problem}.
     *
     * @param setting the setting's key, lowercase with underscores, e.g. {@code min_count}
     * @param problem what is wrong, e.g. {@code "must be at least 1; got 0."}
     */
    public SettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** Returns the setting's key. */
    public String setting() {
        return setting;
    }

    /** Returns what is wrong, without the setting's name. */
    public String problem() {
        return problem;
    }
}
