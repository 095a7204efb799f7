package org.netmarket.staging;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.testing.CapturedLog;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A night merges its delivery into the staged rows the same way whether the keys it touches
 * are few enough to broadcast (a night's revisions) or are not (a whole extract delivered
 * again): the latest version of every key, the duplicate counted once, the revision winning.
 */
class StagingMergeTest {
    private static final String HEADER = DispatchStaging.HEADER;

    @TempDir
    Path tmp;

    private static String dispatch(String id, String completedAt, String updatedAt) {
        return id + ",140802,identity_claim,2024-03-01 09:00:00,2024-03-11 09:00:00,," + completedAt + "," + updatedAt + "\n";
    }

    @ParameterizedTest(name = "keys broadcast up to {0}")
    @ValueSource(longs = {StagingSettings.DEFAULT_MAX_BROADCAST_KEYS, 0})
    void aMergedNightKeepsTheLatestVersionOfEveryKey(long maxBroadcastKeys) throws IOException {
        DispatchStaging d = new DispatchStaging(tmp);
        Files.writeString(d.data.resolve("dispatches/a.csv"), HEADER + dispatch("D1", "2024-03-05 09:00:00", "2024-03-05 10:00:00")
                + dispatch("D2", "2024-03-06 09:00:00", "2024-03-06 10:00:00"), StandardCharsets.UTF_8);
        StagingArea first = d.open();
        StagingArea.Plan rebuild = d.plan(first);
        d.commit(first, rebuild, d.load(first, rebuild));

        // The next night: D1 revised (completed later), D2 delivered again as it was, D3 new.
        Files.writeString(d.data.resolve("dispatches/b.csv"), HEADER + dispatch("D1", "2024-03-09 09:00:00", "2024-03-09 10:00:00")
                + dispatch("D2", "2024-03-06 09:00:00", "2024-03-06 10:00:00")
                + dispatch("D3", "2024-03-07 09:00:00", "2024-03-07 10:00:00"), StandardCharsets.UTF_8);
        SharedSpark.session().conf().set(StagingSettings.MAX_BROADCAST_KEYS, Long.toString(maxBroadcastKeys));
        try (CapturedLog log = CapturedLog.start()) {
            StagingArea next = d.open();
            StagingArea.Plan merge = d.plan(next);
            assertFalse(merge.rebuild(), merge.reason());
            LoadedExtract merged = d.load(next, merge);
            Map<String, String> completed = new TreeMap<>();
            for (Row r : merged.latest().select("dispatch_id", "completed_at").collectAsList()) {
                assertEquals(null, completed.put(r.getString(0), String.valueOf(r.get(1))), "one latest row of " + r.getString(0));
            }
            assertEquals(Map.of("D1", "2024-03-09T09:00", "D2", "2024-03-06T09:00", "D3", "2024-03-07T09:00"), completed);
            assertEquals(3, merged.latestCount());
            // Both ways give the same rows: the log tells which way the merge went.
            assertEquals(maxBroadcastKeys == 0, log.text().contains("extract dispatches: the delivery touches more than "
                    + maxBroadcastKeys + " keys: their staged rows are found by a shuffle join"), log.text());
        } finally {
            SharedSpark.session().conf().unset(StagingSettings.MAX_BROADCAST_KEYS);
        }
    }
}
