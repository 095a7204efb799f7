package org.netmarket.pipeline;

import org.netmarket.config.EnvironmentException;
import org.netmarket.config.UsageException;
import org.netmarket.edition.EditionException;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.rules.BilingualFailure;
import org.netmarket.warehouse.PublishLock;
import org.netmarket.warehouse.RunLedger.FailureKind;

import java.util.Optional;

/**
 * What a run failed on, told by the failure's type, in one place: the ledger records it as
 * {@code pipeline_run.failure_kind} (with a Chinese reason for the dashboards), and the command
 * line turns it into the exit code and the words of its error line. The two must never disagree:
 * a scheduler that retries on exit 1 and a dashboard that shows "environment" read the same fact.
 */
public final class RunFailure {
    private RunFailure() {
    }

    /** The kind of failure {@code e} is (a stopped run's kind is decided where it is seen stopping). */
    public static FailureKind kindOf(Throwable e) {
        return e instanceof InvalidInputException ? FailureKind.INPUT
                // A --edition file that lacks what an item needs is found once the item runs.
                : e instanceof UsageException || e instanceof EditionException ? FailureKind.OPTIONS
                : e instanceof EnvironmentException ? FailureKind.ENVIRONMENT
                : e instanceof PublishLock.LockedException ? FailureKind.LOCK
                : FailureKind.JOB;
    }

    /**
     * A failed run's reason in Chinese for {@code pipeline_run.error_zh}: the failure's own when it
     * was written in both languages, else what kind of failure it was and where the English
     * details are (a driver's or Spark's message is not for the dashboards).
     */
    public static String inChinese(Throwable e) {
        Optional<String> own = e instanceof BilingualFailure bilingual ? bilingual.messageZh() : Optional.empty();
        return own.orElseGet(() -> switch (kindOf(e)) {
            case INPUT -> "输入数据不符合数据约定，本次运行停止（详见 error 列的英文说明）";
            case ENVIRONMENT -> "运行环境出错（数仓、存储或数据目录），本次运行停止；调度可以重试（详见 error 列的英文说明）";
            case OPTIONS -> "运行参数与数据不符，本次运行停止，未发布任何结果（详见 error 列的英文说明）";
            default -> "作业出错，本次运行停止（详见 error 列的英文说明和运行日志）";
        });
    }
}
