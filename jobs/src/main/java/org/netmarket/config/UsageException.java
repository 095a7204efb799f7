package org.netmarket.config;

import org.netmarket.rules.BilingualFailure;
import org.netmarket.rules.Reason;

import java.util.Optional;

/**
 * The command line asks for something that cannot be done as asked; the CLI exits with code 2.
 * Most are refused before a run registers; those a run finds only once it has read the data
 * (a year or region the data does not have) are written in Chinese too
 * ({@link #UsageException(Reason)}), for {@code pipeline_run.error_zh}.
 */
public class UsageException extends IllegalArgumentException implements BilingualFailure {
    /** How a refusal found after the run registered ends in Chinese: the dashboards' banner says nothing changed. */
    public static final String NOTHING_PUBLISHED_ZH = "本次运行未发布任何结果";

    private static final long serialVersionUID = 1L;
    private final String messageZh;

    public UsageException(String message) {
        super(message);
        this.messageZh = null;
    }

    public UsageException(Reason reason) {
        super(reason.en());
        this.messageZh = reason.zh();
    }

    @Override
    public Optional<String> messageZh() {
        return Optional.ofNullable(messageZh);
    }
}
