package org.netmarket.cli;

import picocli.CommandLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Converters for option values whose default conversion errors name Java classes ("cannot
 * convert '2024-6-30' to class java.time.LocalDate (DateTimeParseException ...)"): they say
 * what is expected instead.
 */
final class ValueConverters {
    private ValueConverters() {
    }

    /** Registers the converters on a command line and all its subcommands. */
    static void register(CommandLine cl) {
        cl.registerConverter(LocalDate.class, ValueConverters::date);
        cl.registerConverter(BigDecimal.class, ValueConverters::decimal);
    }

    /**
     * A folder or file option ({@code --data}, {@code --report-dir}, {@code --staging},
     * {@code --facts-csv}): an empty value ({@code --data=}, a shell variable that was not set)
     * would otherwise be read as the working directory, which is never what was meant.
     */
    static final class NonEmptyPath implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("empty: a path or URI is needed");
            }
            return value;
        }
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date YYYY-MM-DD (e.g. 2024-06-30)");
        }
    }

    static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a decimal number (e.g. 0.05)");
        }
    }
}
