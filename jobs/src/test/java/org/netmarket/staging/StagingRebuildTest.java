package org.netmarket.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild stages the files of its plan's listing, which the manifest records: a file that lands
 * while the run is reading other extracts waits for the next night, which merges it once.
 */
class StagingRebuildTest {
    private static final String HEADER = DispatchStaging.HEADER;

    @TempDir
    Path tmp;

    private static String dispatch(String id) {
        return id + ",140802,identity_claim,2024-03-01 09:00:00,2024-03-11 09:00:00,,2024-03-05 09:00:00,2024-03-05 10:00:00\n";
    }

    @Test
    void aFileDeliveredDuringARebuildIsStagedOnceByTheNextNight() throws IOException {
        DispatchStaging d = new DispatchStaging(tmp);
        Files.writeString(d.data.resolve("dispatches/a.csv"), HEADER + dispatch("D1"), StandardCharsets.UTF_8);

        StagingArea first = d.open();
        StagingArea.Plan rebuild = d.plan(first);
        assertTrue(rebuild.rebuild());
        // Lands after the plan, while the run reads the extracts before this one.
        Files.writeString(d.data.resolve("dispatches/b.csv"), HEADER + dispatch("D2"), StandardCharsets.UTF_8);
        LoadedExtract rebuilt = d.load(first, rebuild);
        assertEquals(1, rebuilt.latestCount(), "the rebuild stages a.csv, the file its plan listed");
        d.commit(first, rebuild, rebuilt);
        assertEquals(Set.of("dispatches/a.csv"), first.manifest().files().keySet());

        StagingArea next = d.open();
        StagingArea.Plan merge = d.plan(next);
        assertFalse(merge.rebuild(), merge.reason());
        assertEquals(List.of("dispatches/b.csv"), merge.newFiles().get("dispatches").stream().map(DataDirectory.DeliveredFile::relative).toList());
        LoadedExtract merged = d.load(next, merge);
        assertEquals(2, merged.latestCount(), "D1 and D2, each once");
        assertEquals(2, merged.latest().count(), "the staged latest rows: D1 and D2, each once");
    }
}
