package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.cli.ExitCodes;
import org.netmarket.testing.GoldenData;
import org.netmarket.testing.JobRunner;
import org.netmarket.testing.TestingPostgres;
import org.netmarket.testing.WarehouseRows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Two rows with the same key and the same version but different values ... the items that need
 * that key get status data_error" — and only those: from the golden delivery plus three
 * conflicting keys, run end to end into a real PostgreSQL. The statuses the golden data gives
 * without the conflicts are in {@code golden/mini-yuncheng/expect/computed-items.csv}.
 */
class ConflictingVersionsTest {
    @TempDir
    Path tmp;

    @Test
    void aConflictingKeyMakesDataErrorOnlyTheItemsThatCountItsYearTypeAndRegion() throws Exception {
        Path data = GoldenData.copyTo(tmp.resolve("data"));
        // A 2024 identity claim of 140802 in two versions (same updated_at, another completed_at).
        Files.writeString(data.resolve("dispatches/dispatches-conflict.csv"),
                "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n"
                        + "A-IC-0,140802,identity_claim,2024-03-01 09:00:00,2024-03-15 09:00:00,2024-03-05 09:00:00,"
                        + "2024-03-07 09:00:00,2024-03-06 10:00:00\n", StandardCharsets.UTF_8);
        // A complaint of 140821 received in 2015, in two versions: not of the 2024 cohort.
        String complaintHeader = "complaint_id,region_code,channel,received_at,initial_review_due,initial_reviewed_at,"
                + "close_due,closed_at,mediation,satisfaction,odr_settled,updated_at\n";
        Files.writeString(data.resolve("complaints/complaints-2015.csv"), complaintHeader
                + "OLD-1,140821,online,2015-03-01 09:00:00,2015-03-08 09:00:00,2015-03-05 09:00:00,2015-04-15 09:00:00,"
                + "2015-04-10 09:00:00,success,satisfied,,2015-05-01 09:00:00\n"
                + "OLD-1,140821,online,2015-03-01 09:00:00,2015-03-08 09:00:00,2015-03-05 09:00:00,2015-04-15 09:00:00,"
                + "2015-04-20 09:00:00,failed,dissatisfied,,2015-05-01 09:00:00\n", StandardCharsets.UTF_8);
        // 2024 sales of an operator registered in 140821, in two versions: sales carry no region,
        // the conflict is 140821's through its operator.
        Files.writeString(data.resolve("operator-sales/sales-conflict.csv"),
                "operator_id,year,ecommerce_sales_yuan,reported_at\n"
                        + "91140821MA0000155Y,2024,120000000.00,2025-03-01\n"
                        + "91140821MA0000155Y,2024,80000000.00,2025-03-01\n", StandardCharsets.UTF_8);

        String url = TestingPostgres.server().createWarehouse();
        JobRunner.Result r = JobRunner.run(tmp.resolve("reports"), "run", "--data", data.toString(), "--jdbc-url", url,
                "--year", "2024", "--quarantine-threshold", "0.5");
        assertEquals(ExitCodes.OK, r.exitCode(), r.output());
        WarehouseRows items = WarehouseRows.query(url, "indicator_score",
                "SELECT region_code, indicator_code, status, reason, reason_zh FROM netmarket.indicator_score"
                        + " WHERE level = 'item' OR indicator_code = '4'", "region_code", "indicator_code");

        // The 2024 identity claim: 11.2 of its county and city, not the monitoring-lead items.
        items.assertValue("140802|11.2", "status", "data_error");
        assertReason(items, "140802|11.2", "dispatches has rows with conflicting versions in region 140802, 2024, identity_claim",
                "监管平台派发事项（dispatches）中地区 140802、2024 年、identity_claim 的记录有相互冲突的版本");
        items.assertValue("140800|11.2", "status", "data_error");
        items.assertValue("140821|11.2", "status", "scored");
        items.assertValue("140802|19.1", "status", "scored");
        items.assertValue("140802|19.2", "status", "scored");
        // The 2015 complaint concerns no 2024 item: 140821 still has no complaint of 2024.
        items.assertValue("140821|25.1", "status", "no_records");
        items.assertValue("140821|26.1", "status", "no_records");
        // The sales: item 4 of 140821 and of the city, not of 140802.
        items.assertValue("140821|4", "status", "data_error");
        assertReason(items, "140821|4",
                "operator-sales has rows with conflicting versions in region 140821, 2024 (through 91140821MA0000155Y)",
                "经营者网络销售额数据（operator-sales）中地区 140821、2024 年（经由 91140821MA0000155Y）的记录有相互冲突的版本");
        items.assertValue("140800|4", "status", "data_error");
        items.assertValue("140802|4", "status", "scored");
    }

    /** The published reason mentions {@code expected}, and its Chinese {@code expectedZh}. */
    private static void assertReason(WarehouseRows items, String key, String expected, String expectedZh) {
        String reason = String.valueOf(items.row(key).get("reason"));
        assertTrue(reason.contains(expected), key + " reason: " + reason);
        String reasonZh = String.valueOf(items.row(key).get("reason_zh"));
        assertTrue(reasonZh.contains(expectedZh), key + " reason_zh: " + reasonZh);
    }
}
