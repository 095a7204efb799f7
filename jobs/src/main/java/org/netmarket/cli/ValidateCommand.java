package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code validate}: read and check the extracts, report, publish nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = NetmarketCommand.Version.class,
        description = "Check the extracts against the contract and the edition (encodings, headers, types, ranges, "
                + "references, versions): print every file with its rows read and quarantined, and write the "
                + "quarantined rows (file, line, column, reason in English and Chinese) to quarantine.csv in the run "
                + "folder; publishes nothing.",
        footer = {"", "Examples:",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data /data/netmarket",
                "  # against edition 2022, refusing more than 1%% bad rows in an extract",
                "  " + NetmarketCommand.EXAMPLE_COMMAND + " --data /data/netmarket --edition 2022 \\",
                "      --quarantine-threshold 0.01",
                "", "Exit codes: 0 the extracts can be scored (the quarantined rows are in quarantine.csv); 2 they cannot "
                + "(a missing column, an unreadable file, more bad rows than --quarantine-threshold allows: the table "
                + "is printed, then the problems); 1 a failure of the machine (the report directory cannot be written)."})
public final class ValidateCommand implements Callable<Integer> {
    // Only the options of reading: validate scores no year, region or item and publishes nothing.
    @Mixin
    InputOptions options;

    /** The settings of the check this command line asks for. */
    PipelineConfig config() {
        return options.toConfig().validateOnly(true).command("validate");
    }

    @Override
    public Integer call() throws Exception {
        return PipelineRunner.run(config(), System.out);
    }
}
