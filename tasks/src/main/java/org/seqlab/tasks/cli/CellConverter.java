package org.seqlab.tasks.cli;

import org.seqlab.seq2seq.CellType;
import picocli.CommandLine;

/** Parses {@code --cell} values ({@link CellType#parse}) for every command that takes one. */
public final class CellConverter implements CommandLine.ITypeConverter<CellType> {

    /**
     * Parses an option's value.
     *
     * @throws CommandLine.TypeConversionException naming the value and the choices, which the CLI
     *     prints after the option's name
     */
    @Override
    public CellType convert(String value) {
        try {
            return CellType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
