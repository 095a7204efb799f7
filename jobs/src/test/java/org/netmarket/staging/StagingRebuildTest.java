package org.netmarket.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.ValidationContext;
import org.netmarket.items.ItemRegistry;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild stages the files of its plan's listing, which the manifest records: a file that lands
 * while the run is reading other extracts waits for the next night, which merges it once.
 */
class StagingRebuildTest {
    private static final String HEADER = "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n";

    @TempDir
    Path tmp;

    private static String dispatch(String id) {
        return id + ",140802,identity_claim,2024-03-01 09:00:00,2024-03-11 09:00:00,,2024-03-05 09:00:00,2024-03-05 10:00:00\n";
    }

    @Test
    void aFileDeliveredDuringARebuildIsStagedOnceByTheNextNight() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("dispatches"));
        Files.writeString(data.resolve("dispatches/a.csv"), HEADER + dispatch("D1"), StandardCharsets.UTF_8);
        SchemaCatalog catalog = SchemaCatalog.load();
        ExtractSchema dispatches = catalog.get("dispatches");
        Edition edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");
        ValidationContext context = new ValidationContext(Set.of("140800", "140802"), edition, Map.of());
        DataDirectory dir = DataDirectory.of(data.toString(), SharedSpark.session().sparkContext().hadoopConfiguration());
        ExtractReader reader = new ExtractReader(SharedSpark.session(), dir);
        String staging = tmp.resolve("staging").toString();
        List<ExtractSchema> staged = catalog.withoutRegions();

        StagingArea first = StagingArea.open(SharedSpark.session(), staging);
        StagingArea.Plan rebuild = first.plan(dir, staged, "fingerprint", false);
        assertTrue(rebuild.rebuild());
        // Lands after the plan, while the run reads the extracts before this one.
        Files.writeString(data.resolve("dispatches/b.csv"), HEADER + dispatch("D2"), StandardCharsets.UTF_8);
        LoadedExtract rebuilt = first.load(rebuild, reader, dir, dispatches, context);
        assertEquals(1, rebuilt.latestCount(), "the rebuild stages a.csv, the file its plan listed");
        first.commit(rebuild, dir.root(), "fingerprint", rebuilt.files(), Map.of(), path -> Map.of());
        assertEquals(Set.of("dispatches/a.csv"), first.manifest().files().keySet());

        StagingArea next = StagingArea.open(SharedSpark.session(), staging);
        StagingArea.Plan merge = next.plan(dir, staged, "fingerprint", false);
        assertFalse(merge.rebuild(), merge.reason());
        assertEquals(List.of("dispatches/b.csv"), merge.newFiles().get("dispatches").stream().map(DataDirectory.DeliveredFile::relative).toList());
        LoadedExtract merged = next.load(merge, reader, dir, dispatches, context);
        assertEquals(2, merged.latestCount(), "D1 and D2, each once");
        assertEquals(2, merged.latest().count(), "the staged latest rows: D1 and D2, each once");
    }
}
