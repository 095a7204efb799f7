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
