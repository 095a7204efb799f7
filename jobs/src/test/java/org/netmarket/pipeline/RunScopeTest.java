package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.config.PipelineConfig;
import org.netmarket.config.UsageException;
import org.netmarket.edition.TestEditions;
import org.netmarket.extract.InvalidInputException;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks a run's scope passes before anything is read, without Spark: what an analyst asks
 * for that cannot work is refused with a message naming it (the pipeline-level refusals, once
 * extracts are read, are in {@link RunScopeChecksTest}).
 */
class RunScopeTest {
    private static final RegionTree YUNCHENG = new RegionTree(List.of(
            new Region("140800", "运城市", null, "city", "central"),
            new Region("140802", "盐湖区", "140800", "county", "central"),
            new Region("140821", "临猗县", "140800", "county", "central")));

    @TempDir
    Path tmp;

    /**
     * A county recomputed without its city leaves the city's published scores out of step with it:
     * said, naming the regions above; nothing is said when they are recomputed too.
     */
    @Test
    void regionsAboveThoseRecomputedButNotThemselvesAreNamed() {
        RegionTree shanxi = new RegionTree(List.of(
                new Region("140000", "山西省", null, "province", "central"),
                new Region("140800", "运城市", "140000", "city", "central"),
                new Region("140802", "盐湖区", "140800", "county", "central"),
                new Region("140821", "临猗县", "140800", "county", "central")));
        assertEquals(Optional.of("--regions: the regions above them (140800 运城市, 140000 山西省), whose figures include theirs, "
                        + "are not recomputed and keep their published scores; give them in --regions too to bring them up to date"),
                RunScope.staleAncestors(List.of(shanxi.get("140821"), shanxi.get("140802")), shanxi));
        assertEquals(Optional.of("--regions: the regions above them (140000 山西省), whose figures include theirs, are not "
                        + "recomputed and keep their published scores; give them in --regions too to bring them up to date"),
                RunScope.staleAncestors(List.of(shanxi.get("140821"), shanxi.get("140800")), shanxi));
        assertEquals(Optional.empty(), RunScope.staleAncestors(List.of(shanxi.get("140821"), shanxi.get("140800"),
                shanxi.get("140000")), shanxi));
        assertEquals(Optional.empty(), RunScope.staleAncestors(shanxi.all(), shanxi), "every region");
    }

    @Test
    void everyRegionWhenNoneAreNamedElseTheNamedOnesOnceEachInTheirOrder() {
        assertEquals(List.of("140800", "140802", "140821"), codes(new RunScope(new PipelineConfig()).regions(YUNCHENG, Map.of())));
        assertEquals(List.of("140821", "140800"),
                codes(new RunScope(new PipelineConfig().regions(List.of("140821", "140800", "140821"))).regions(YUNCHENG, Map.of())));
    }

    @Test
    void unknownRegionsAreRefusedByCodeInBothLanguages() {
        UsageException e = assertThrows(UsageException.class,
                () -> new RunScope(new PipelineConfig().regions(List.of("140802", "999999", "140899"))).regions(YUNCHENG, Map.of()));
        assertEquals("--regions names region(s) not in regions.csv: 999999, 140899", e.getMessage());
        assertEquals(Optional.of("--regions 中的地区代码不在 regions.csv 中：999999、140899，本次运行未发布任何结果"), e.messageZh());
    }

    /** A region whose row was set aside is the delivery's problem, not the analyst's typo. */
    @Test
    void aRegionWhoseRowWasSetAsideIsRefusedAsTheDeliverysProblem() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RunScope(new PipelineConfig().regions(List.of("140802", "140899", "999999"))).regions(YUNCHENG,
                        Map.of("140899", 16L)));
        assertEquals(List.of("--regions names 140899, whose row in regions.csv (line 16) was set aside (the reason is in the"
                + " quarantine report): fix the row to score it", "--regions names region(s) not in regions.csv: 999999"),
                e.problems(), "the analyst's typo is said with it");
        assertTrue(e.messageZh().orElseThrow().contains("--regions 中的 140899 在 regions.csv 中的行（第 16 行）已被隔离（原因见隔离报告）："
                + "请修正该行后再计分"), e.messageZh().orElseThrow());
    }

    @Test
    void itemsAreExpandedToItemCodesAndUnknownOnesRefused() {
        RunScope all = new RunScope(new PipelineConfig());
        assertNull(all.checkOptions(TestEditions.edition2022()), "null: every item");
        RunScope some = new RunScope(new PipelineConfig().items(List.of("19", "3")));
        assertEquals(List.of("19.1", "19.2", "3"), some.checkOptions(TestEditions.edition2022()));
        UsageException e = assertThrows(UsageException.class,
                () -> new RunScope(new PipelineConfig().items(List.of("19.9"))).checkOptions(TestEditions.edition2022()));
        assertEquals("--items: edition 2022 has no indicator or item '19.9'", e.getMessage());
    }

    @Test
    void anAsOfDateBeforeTheYearIsRefusedAtItsBoundary() {
        RunScope lastDayBefore = new RunScope(new PipelineConfig().years(List.of(2024)).asOf(LocalDate.of(2023, 12, 31)));
        assertEquals("--as-of 2023-12-31 is before the evaluation year 2024: nothing of 2024 could be counted by then "
                        + "(to score 2023 as of that date, give --year 2023)",
                assertThrows(UsageException.class, () -> lastDayBefore.checkOptions(TestEditions.edition2022())).getMessage());
        RunScope firstDay = new RunScope(new PipelineConfig().years(List.of(2024)).asOf(LocalDate.of(2024, 1, 1)));
        firstDay.checkOptions(TestEditions.edition2022());
        assertEquals(new EvaluationPeriod(2024, LocalDate.of(2024, 1, 1)), firstDay.period(2024));
    }

    @Test
    void withoutAnAsOfDateAYearIsScoredAsOfItsLastDay() {
        RunScope scope = new RunScope(new PipelineConfig().years(List.of(2023, 2024)));
        assertEquals(List.of(2023, 2024), scope.years());
        assertEquals(LocalDate.of(2023, 12, 31), scope.period(2023).asOf());
    }

    @Test
    void theLatestCompleteYearIsNotGuessedBeforeTheDataIsRead() {
        assertThrows(IllegalStateException.class, () -> new RunScope(new PipelineConfig()).years());
    }

    @Test
    void aFactsCsvThatCannotBeWrittenIsRefusedBeforeTheWork() {
        String folder = tmp.toString();
        assertEquals("--facts-csv " + folder + " is a folder: give a file name", assertThrows(UsageException.class,
                () -> new RunScope(new PipelineConfig().factsCsv(folder)).checkOptions(TestEditions.edition2022())).getMessage());
        String orphan = tmp.resolve("missing/facts.csv").toString();
        assertEquals("--facts-csv " + orphan + ": folder " + tmp.resolve("missing") + " does not exist",
                assertThrows(UsageException.class, () -> new RunScope(new PipelineConfig().factsCsv(orphan))
                        .checkOptions(TestEditions.edition2022())).getMessage());
        new RunScope(new PipelineConfig().factsCsv(tmp.resolve("facts.csv").toString())).checkOptions(TestEditions.edition2022());
    }

    private static List<String> codes(List<Region> regions) {
        return regions.stream().map(Region::code).toList();
    }
}
