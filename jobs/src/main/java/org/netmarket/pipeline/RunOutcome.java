package org.netmarket.pipeline;

import org.netmarket.edition.Edition;
import org.netmarket.region.RegionTree;
import org.netmarket.scoring.RegionScorecard;
import org.netmarket.staging.DataDirectory;
import org.netmarket.staging.FileReport;
import org.netmarket.warehouse.ScoreChanges;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did: its id in pipeline_run (or -1 when it did not touch the warehouse), whether
 * it published, the edition it scored by, the scorecards it computed, the files it read and
 * those of the extract folders it did not read, the extracts whose folder it did not find
 * ({@code notDelivered}: their items lack their input, unlike those of a folder delivered
 * without rows), where its report folder is, and — when it deliberately published nothing —
 * why. {@code warehouse} is the (redacted) URL it published to or, for a dry run, read the
 * published scores from (null when it had none); {@code changes} what it changed there or, for a
 * dry run, what publishing would change; {@code problems}, for {@code validate}, why the input
 * could not be scored (a run that scores stops on them instead); {@code itemsRecomputed} the item
 * codes of {@code --items}, indicators expanded to their items (null: every item).
 */
public record RunOutcome(long runId, boolean published, Edition edition, RegionTree regions,
                         List<RegionScorecard> scorecards, List<FileReport> files, long rowsRead,
                         long rowsQuarantined, Path runFolder, String warehouse, String note,
                         ScoreChanges.Report changes, List<DataDirectory.SkippedFile> notRead, List<String> notDelivered,
                         List<String> problems, List<String> itemsRecomputed) {
    public RunOutcome {
        notRead = List.copyOf(notRead);
        notDelivered = List.copyOf(notDelivered);
        problems = List.copyOf(problems);
        itemsRecomputed = itemsRecomputed == null ? null : List.copyOf(itemsRecomputed);
    }
}
