package org.netmarket.staging;

import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.extract.ValidationContext;
import org.netmarket.items.ItemRegistry;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data directory of dispatches alone (in 140802, under 140800) and a staging area beside it,
 * read with the shared session: what the staging tests merge and rebuild.
 */
final class DispatchStaging {
    static final String HEADER = "dispatch_id,region_code,dispatch_type,dispatched_at,due_at,verified_at,completed_at,updated_at\n";

    final Path data;
    final String staging;
    final ExtractSchema dispatches;
    final List<ExtractSchema> staged;
    final ValidationContext context;
    final DataDirectory dir;
    final ExtractReader reader;

    DispatchStaging(Path tmp) throws IOException {
        data = Files.createDirectories(tmp.resolve("data/dispatches")).getParent();
        staging = tmp.resolve("staging").toString();
        SchemaCatalog catalog = SchemaCatalog.load();
        dispatches = catalog.get("dispatches");
        staged = catalog.withoutRegions();
        Edition edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");
        context = new ValidationContext(Set.of("140800", "140802"), edition, Map.of());
        dir = DataDirectory.of(data.toString(), SharedSpark.session().sparkContext().hadoopConfiguration());
        reader = new ExtractReader(SharedSpark.session(), dir);
    }

    /** The staging area as a night opens it. */
    StagingArea open() {
        return StagingArea.open(SharedSpark.session(), staging);
    }

    /** The night's plan of the staging area. */
    StagingArea.Plan plan(StagingArea area) {
        return area.plan(dir, staged, "fingerprint", false);
    }

    /** The dispatches as the area loads them under the plan. */
    LoadedExtract load(StagingArea area, StagingArea.Plan plan) {
        return area.load(plan, reader, dir, dispatches, context);
    }

    /** Commits the area's plan, with the files the extract was loaded from. */
    void commit(StagingArea area, StagingArea.Plan plan, LoadedExtract loaded) {
        area.commit(plan, dir.root(), "fingerprint", loaded.files(), Map.of(), path -> Map.of());
    }
}
