package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.UsageException;
import org.netmarket.edition.EditionException;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.rules.Reason;
import org.netmarket.warehouse.PublishLock;
import org.netmarket.warehouse.RunLedger;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a failed run records as {@code pipeline_run.error_zh}: a failure's own Chinese when it has
 * one, else the kind of failure and where the English details are, never nothing.
 */
class RunFailureTest {
    @Test
    void aFailureWrittenInBothLanguagesGivesItsOwnChinese() {
        assertEquals("数据目录不存在", RunFailure.inChinese(
                new EnvironmentException(Reason.of("the data directory does not exist", "数据目录不存在"), null)));
        assertEquals("regions.csv 缺失", RunFailure.inChinese(
                InvalidInputException.of(List.of(Reason.of("regions.csv is missing", "regions.csv 缺失")))));
        assertEquals("被停止", RunFailure.inChinese(new PublishLock.LockedException(Reason.of("stopped", "被停止"))));
        assertEquals("年份不对", RunFailure.inChinese(new UsageException(Reason.of("wrong year", "年份不对"))));
    }

    @Test
    void aFailureInEnglishOnlyIsSaidByItsKind() {
        assertEquals("输入数据不符合数据约定，本次运行停止（详见 error 列的英文说明）",
                RunFailure.inChinese(new InvalidInputException("3 problems with the input")));
        assertEquals("运行环境出错（数仓、存储或数据目录），本次运行停止；调度可以重试（详见 error 列的英文说明）",
                RunFailure.inChinese(new EnvironmentException("cannot create the run folder", null)));
        assertEquals("运行参数与数据不符，本次运行停止，未发布任何结果（详见 error 列的英文说明）",
                RunFailure.inChinese(new UsageException("--regions: an empty region code")));
        assertEquals("作业出错，本次运行停止（详见 error 列的英文说明和运行日志）",
                RunFailure.inChinese(new IllegalStateException("[INTERNAL_ERROR] something in Spark")));
    }

    /** pipeline_run.failure_kind, by which a dashboard tells a stale delivery from an analyst's typo. */
    @Test
    void aFailureIsRecordedWithItsKind() {
        assertEquals(RunLedger.FailureKind.INPUT, RunFailure.kindOf(new InvalidInputException("3 problems with the input")));
        assertEquals(RunLedger.FailureKind.OPTIONS, RunFailure.kindOf(new UsageException("--regions: an empty region code")));
        assertEquals(RunLedger.FailureKind.ENVIRONMENT, RunFailure.kindOf(new EnvironmentException("no run folder", null)));
        assertEquals(RunLedger.FailureKind.LOCK, RunFailure.kindOf(new PublishLock.LockedException(Reason.of("held", "被占用"))));
        assertEquals(RunLedger.FailureKind.JOB, RunFailure.kindOf(new IllegalStateException("[INTERNAL_ERROR] in Spark")));
        // A --edition file lacking a parameter an item needs: exit 2, the analyst's file to correct.
        EditionException edition = new EditionException("edition file x.yaml: item 3 lacks parameter band");
        assertEquals(RunLedger.FailureKind.OPTIONS, RunFailure.kindOf(edition));
        assertEquals("运行参数与数据不符，本次运行停止，未发布任何结果（详见 error 列的英文说明）", RunFailure.inChinese(edition));
        assertEquals("interrupted", RunLedger.FailureKind.INTERRUPTED.code());
    }
}
