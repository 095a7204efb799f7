package org.netmarket.cli;

import org.netmarket.config.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code validate}: read and check the extracts, report, publish nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the extracts against the contract (encodings, headers, types, ranges, references, versions) "
                + "and report every file and quarantined row; publishes nothing.",
        footer = {"", "Examples:", "  validate --data /data/netmarket",
                "", "Exit codes: 0 the extracts can be scored (quarantined rows are listed); 2 they cannot "
                + "(a missing column, an unreadable file, too many bad rows)."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ScoringOptions options;

    /** The settings of the check this command line asks for. */
    PipelineConfig config() {
        return options.toConfig().validateOnly(true).command("validate");
    }

    @Override
    public Integer call() throws Exception {
        return PipelineRunner.run(config(), System.out);
    }
}
