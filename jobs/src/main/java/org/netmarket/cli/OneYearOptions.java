package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;

/**
 * Options of the commands that score one evaluation year ({@code run}, {@code nightly}): which
 * year, as of which date, and where to write its record-level counts. A backfill scores each of
 * its years as of the year's December 31.
 */
public final class OneYearOptions {
    @Option(names = "--year", paramLabel = "Y", description = "Evaluation year (default: the latest complete year of the data).")
    Integer year;

    @Option(names = "--" + PipelineConfig.AS_OF, paramLabel = "DATE", description = "As-of date YYYY-MM-DD for stock figures "
            + "and completion cut-off (default: December 31 of the evaluation year).")
    LocalDate asOf;

    @Option(names = "--" + PipelineConfig.FACTS_CSV, converter = ValueConverters.NonEmptyPath.class, paramLabel = "FILE", description = "Also write the record-level counts "
            + "(year, region, fact, count) to this CSV file, e.g. to compare them with another engine.")
    String factsCsv;

    /** The settings with this year, as-of date and counts file. */
    PipelineConfig applyTo(PipelineConfig config) {
        return config.years(year == null ? List.of() : List.of(year)).asOf(asOf).factsCsv(factsCsv);
    }
}
