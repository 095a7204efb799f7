package org.netmarket.rules;

import java.util.Optional;

/**
 * A failure that can say itself in Chinese too: a run that stops on it records both in
 * {@code pipeline_run} ({@code error}, {@code error_zh}), since the dashboards that show why
 * last night's scores did not appear are read by officials, not by the engineer on call.
 */
public interface BilingualFailure {
    /** The message in Chinese, when the failure was written in both languages. */
    Optional<String> messageZh();
}
