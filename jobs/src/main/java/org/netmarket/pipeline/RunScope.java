package org.netmarket.pipeline;

import org.netmarket.config.EnvironmentException;
import org.netmarket.config.PipelineConfig;
import org.netmarket.config.RunMode;
import org.netmarket.config.UsageException;
import org.netmarket.edition.Edition;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.Reason;
import org.netmarket.staging.LoadedExtract;
import org.netmarket.warehouse.PublishedScores;
import org.netmarket.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run scores — its regions, years, as-of date and items — and the checks that refuse a
 * scope the run cannot score (bad usage, exit 2) as early as each can be made: the options before
 * anything is read, {@code --regions} against regions.csv, the years against the data's once the
 * small extracts that tell them are read (before the big ones), and, when some items are
 * recomputed, that their regions were published for the year on the same basis.
 */
final class RunScope {
    private static final Logger LOG = LoggerFactory.getLogger(RunScope.class);

    private final PipelineConfig config;
    /** The years the data covers, as {@link #checkAgainstData} found them; null before. */
    private Optional<DataYears> dataYears;
    /**
     * With --items, the published rows of each year the run scores (region → item → row), read
     * once by {@link #checkAgainstData}: the items not recomputed keep them. A publishing run holds
     * the lock from before that read, so they are still what is published when it publishes.
     */
    private final Map<Integer, Map<String, Map<String, PublishedScores.PublishedItem>>> publishedItems = new HashMap<>();

    RunScope(PipelineConfig config) {
        this.config = config;
    }

    /**
     * Refuses options that cannot work, before anything is read: unknown --items (returned
     * expanded to item codes, null when not given), an --as-of before a --year, a --facts-csv that
     * cannot be written.
     */
    List<String> checkOptions(Edition edition) {
        List<String> itemCodes;
        try {
            itemCodes = config.items() == null ? null : edition.expandItemCodes(config.items());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--items: " + e.getMessage());
        }
        config.years().forEach(this::checkAsOf);
        checkFactsCsv();
        return itemCodes;
    }

    /**
     * The regions to score: every region of regions.csv, or those of --regions (each known, else
     * refused: as a delivery's problem when its row of regions.csv, in {@code setAside} with its
     * line, was set aside).
     */
    List<Region> regions(RegionTree tree, Map<String, Long> setAside) {
        if (config.regions() == null) {
            return tree.all();
        }
        List<Region> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Reason> asideRows = new ArrayList<>();
        for (String code : new LinkedHashSet<>(config.regions())) {
            if (tree.contains(code)) {
                out.add(tree.get(code));
            } else if (setAside.containsKey(code)) {
                asideRows.add(Reason.of("--regions names " + code + ", whose row in regions.csv (line " + setAside.get(code)
                                + ") was set aside (the reason is in the quarantine report): fix the row to score it",
                        "--regions 中的 " + code + " 在 regions.csv 中的行（第 " + setAside.get(code)
                                + " 行）已被隔离（原因见隔离报告）：请修正该行后再计分"));
            } else {
                unknown.add(code);
            }
        }
        Reason notListed = Reason.of("--regions names region(s) not in regions.csv: " + String.join(", ", unknown),
                "--regions 中的地区代码不在 regions.csv 中：" + String.join("、", unknown) + "，" + UsageException.NOTHING_PUBLISHED_ZH);
        if (!asideRows.isEmpty()) {
            // Said together: the analyst's typo need not wait for the delivery's row to be fixed.
            if (!unknown.isEmpty()) {
                asideRows.add(notListed);
            }
            throw InvalidInputException.of(asideRows);
        }
        if (!unknown.isEmpty()) {
            throw new UsageException(notListed);
        }
        return out;
    }

    /**
     * The warning for regions above those of --regions that are not among them: a city's figures
     * include its counties' (summed, or counted with theirs), so a recomputed county leaves the
     * city's published scores as they were, out of step, until the city is recomputed too.
     */
    static Optional<String> staleAncestors(List<Region> scope, RegionTree tree) {
        Set<String> codes = scope.stream().map(Region::code).collect(Collectors.toSet());
        Set<String> above = new LinkedHashSet<>();
        for (Region r : scope) {
            tree.selfAndAncestors(r.code()).stream().skip(1).filter(c -> !codes.contains(c)).forEach(above::add);
        }
        if (above.isEmpty()) {
            return Optional.empty();
        }
        String named = above.stream().map(c -> c + " " + tree.get(c).name()).collect(Collectors.joining(", "));
        return Optional.of("--regions: the regions above them (" + named + "), whose figures include theirs, are not "
                + "recomputed and keep their published scores; give them in --regions too to bring them up to date");
    }

    /**
     * Refuses, before the big extracts are read, a run that cannot score: a year asked for outside
     * the data's years ({@code early} holds the extracts that tell them), or some items ({@code
     * itemCodes}, null for all) recomputed for a year whose regions have nothing published in
     * {@code published} or were published on another basis; an edition whose pass rule differs
     * from the one published under its id.
     */
    void checkAgainstData(Map<String, LoadedExtract> early, List<String> regions, Edition edition, List<String> itemCodes,
                          Warehouse published) {
        Optional<DataYears> covered = DataYears.of(early);
        dataYears = covered;
        covered.ifPresent(c -> c.check(config.years()));
        if (config.years().isEmpty()) {
            // Given years were checked before anything was read; the data's latest is known now.
            checkAsOf(DataYears.defaultYear(covered));
        }
        if (published == null) {
            return;
        }
        try {
            PublishedScores.requireSameRules(published, edition);
        } catch (SQLException e) {
            throw cannotRead("the published editions", "已发布的评价体系版本", published, e);
        }
        if (itemCodes == null) {
            return;
        }
        for (int year : config.years().isEmpty() ? List.of(DataYears.defaultYear(covered)) : config.years()) {
            try {
                Map<String, Map<String, PublishedScores.PublishedItem>> items = PublishedScores.read(published, year, regions);
                ItemRecompute.requirePublished(year, items, regions);
                Map<String, PublishedScores.Basis> bases = new HashMap<>();
                PublishedScores.currentResults(published, year, regions).forEach((r, c) -> bases.put(r, c.basis()));
                ItemRecompute.requireSameBasis(year, bases, new PublishedScores.Basis(edition.id(), period(year).asOf()),
                        config.mode() != RunMode.BACKFILL);
                publishedItems.put(year, items);
            } catch (SQLException e) {
                throw cannotRead("the published scores of " + year, " " + year + " 年已发布的得分", published, e);
            }
        }
    }

    /** The warehouse, not the job: one line and exit 1, as for a warehouse that cannot be reached. */
    private static EnvironmentException cannotRead(String what, String whatZh, Warehouse published, SQLException e) {
        String where = published.settings().redactedUrl() + ": " + e.getMessage();
        return new EnvironmentException(Reason.of("cannot read " + what + " from " + where, "无法从数仓读取" + whatZh + "（" + where + "）"), e);
    }

    /**
     * The years asked for (checked against the data's by {@link #checkAgainstData}), or else the
     * latest complete year of the data, said in the log with what the next year still lacks.
     */
    List<Integer> years() {
        if (!config.years().isEmpty()) {
            return config.years();
        }
        if (dataYears == null) {
            throw new IllegalStateException("the latest complete year is asked for before the data's years were read");
        }
        int year = DataYears.defaultYear(dataYears);
        LOG.info("no --year given: scoring {}, the latest complete year of the data", year);
        dataYears.map(DataYears::pending).ifPresent(LOG::info); // normal until the year closes: not a warning
        dataYears.map(DataYears::warning).ifPresent(LOG::warn);
        return List.of(year);
    }

    /** The year as of --as-of, or as of its December 31. */
    EvaluationPeriod period(int year) {
        return config.asOf() == null ? EvaluationPeriod.of(year) : new EvaluationPeriod(year, config.asOf());
    }

    /** The published rows of a year that items not recomputed keep (read by {@link #checkAgainstData}). */
    Map<String, Map<String, PublishedScores.PublishedItem>> publishedItems(int year) {
        return publishedItems.get(year);
    }

    /** Refuses a --facts-csv that cannot be written, before the run does the work it would hold. */
    private void checkFactsCsv() {
        if (config.factsCsv() == null) {
            return;
        }
        Path file = Path.of(config.factsCsv()).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new UsageException("--" + PipelineConfig.FACTS_CSV + " " + config.factsCsv() + " is a folder: give a file name");
        }
        if (!Files.isDirectory(file.getParent())) {
            throw new UsageException("--" + PipelineConfig.FACTS_CSV + " " + config.factsCsv() + ": folder " + file.getParent()
                    + " does not exist");
        }
    }

    /** Refuses an as-of date before the evaluation year: nothing of the year could be counted by then. */
    private void checkAsOf(int year) {
        if (config.asOf() != null && config.asOf().getYear() < year) {
            throw new UsageException(Reason.of("--as-of " + config.asOf() + " is before the evaluation year " + year
                    + ": nothing of " + year + " could be counted by then (to score " + config.asOf().getYear()
                    + " as of that date, give --year " + config.asOf().getYear() + ")",
                    "--as-of " + config.asOf() + " 早于评价年度 " + year + "，届时该年度尚无可统计的数据（要按该日期计算 "
                            + config.asOf().getYear() + " 年，请给出 --year " + config.asOf().getYear() + "）；"
                            + UsageException.NOTHING_PUBLISHED_ZH));
        }
    }
}
