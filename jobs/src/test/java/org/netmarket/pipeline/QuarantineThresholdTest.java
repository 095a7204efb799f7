package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmarket.rules.Reason;
import org.netmarket.staging.StagingArea;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quarantine threshold's decision ({@link InputProblems#tooManyQuarantined}): a run stops
 * when an extract's quarantined rows are more than the threshold's share of the rows read, i.e.
 * quarantined {@code >} threshold x read, exactly. PublishingTest runs the pipeline at the
 * threshold (1 of 5 at 20%) and far above it (1 of 5 at 5%); here are the cases just below, at
 * and just above, whose expected verdicts are threshold x read worked out by hand; and what a
 * merging night counts of the files staged before it ({@link InputProblems.Earlier}).
 */
class QuarantineThresholdTest {
    @ParameterizedTest(name = "{0} of {1} at {2}: stops {3}")
    @CsvSource({
            // 0.05 x 1000 = 50: 49 below, 50 at, 51 the first count above, 1000 far above.
            "49, 1000, 0.05, false",
            "50, 1000, 0.05, false",
            "51, 1000, 0.05, true",
            "1000, 1000, 0.05, true",
            // 0.05 x 20 = 1: exactly 5% is not more than 5%.
            "1, 20, 0.05, false",
            "2, 20, 0.05, true",
            // 0.2 x 5 = 1 (PublishingTest's regions.csv): 1 at, 2 the first count above.
            "1, 5, 0.2, false",
            "2, 5, 0.2, true",
            // 0.0333 x 10000 = 333: a threshold with more digits than a percentage shows.
            "333, 10000, 0.0333, false",
            "334, 10000, 0.0333, true",
            // 0.05 x 2000000001 = 100000000.05: 100000000 is below, 100000001 above by 0.95 of a row.
            "100000000, 2000000001, 0.05, false",
            "100000001, 2000000001, 0.05, true",
            // threshold 0: any quarantined row stops the run; threshold 1: none can.
            "0, 10, 0, false",
            "1, 10, 0, true",
            "10, 10, 1, false",
            // nothing read: nothing to judge.
            "0, 0, 0, false"})
    void stopsOnlyAboveTheThreshold(long quarantined, long read, String threshold, boolean stops) {
        assertEquals(stops, InputProblems.tooManyQuarantined("dispatches", quarantined, read, new BigDecimal(threshold))
                .isPresent(), quarantined + " of " + read + " at " + threshold);
    }

    @Test
    void theProblemNamesTheExtractTheCountsAndTheThreshold() {
        // 51 / 1000 = 5.1%; the threshold 0.05 shown as 5.
        assertEquals(Optional.of(Reason.of("extract dispatches: 51 of 1000 rows quarantined (5.1%), more than the allowed 5%;"
                        + " see the quarantine report",
                        "监管平台派发事项（dispatches）：1000 行中有 51 行被隔离（5.1%），超过允许的 5%；请查看隔离报告（quarantine.csv）")),
                InputProblems.tooManyQuarantined("dispatches", 51, 1000, new BigDecimal("0.05")));
    }

    /**
     * What a merging night adds to its own counts, per extract: the rows read and those the row
     * rules rejected in each staged file (not the rows it lost to conflicts or unknown
     * references, 3 and 2 here, which the state's counts give); a file without these counts (a
     * manifest edited by hand) is left out.
     */
    @Test
    void stagedFilesAddUpByExtractWithTheRowsTheRowRulesRejected() {
        Map<String, InputProblems.Earlier> earlier = InputProblems.Earlier.of(List.of(
                new StagingArea.StagedFile("dispatches", 900, 1L, "a", 20L, 3L, 1L, "UTF-8", List.of(), Map.of()),
                new StagingArea.StagedFile("dispatches", 400, 1L, "b", 10L, 2L, null, "UTF-8", List.of(), Map.of()),
                new StagingArea.StagedFile("dispatches", 300, 1L, "c", null, null, null, null, null, null),
                new StagingArea.StagedFile("complaints", 200, 1L, "d", 5L, 0L, 0L, "UTF-8", List.of(), Map.of())));
        assertEquals(Map.of("dispatches", new InputProblems.Earlier(20, 1), "complaints", new InputProblems.Earlier(5, 0)),
                earlier);
    }

    /**
     * A share exactly above the threshold is shown with the decimals that make it read as above
     * it: 1 of 939 is 0.1065%, which one decimal shows as the 0.1% it exceeds.
     */
    @ParameterizedTest(name = "{0} of {1} above {2}: {3}%")
    @CsvSource({"1, 939, 0.001, 0.11", "51, 1000, 0.05, 5.1", "1001, 20000, 0.05, 5.01", "50001, 1000000, 0.05, 5.0001",
            "1, 500, 0.001, 0.2"})
    void aShareAboveTheThresholdReadsAsAbove(long part, long whole, String threshold, String percent) {
        assertEquals(percent, InputProblems.percentAbove(part, whole, new BigDecimal(threshold).movePointRight(2)));
        assertTrue(InputProblems.tooManyQuarantined("retail", part, whole, new BigDecimal(threshold)).orElseThrow().en()
                .contains("(" + percent + "%), more than the allowed "), "the message shows it");
    }

    /** A share below 0.1% is shown to two significant digits, never as 0.0% beside a smaller threshold it exceeds. */
    @ParameterizedTest(name = "{0} of {1}: {2}%")
    @CsvSource({"51, 1000, 5.1", "2, 23, 8.7", "1, 5, 20.0", "1, 1000, 0.1", "1, 1001, 0.1", "1, 1500, 0.067", "1, 6506, 0.015",
            "1, 3000000, 0.000033"})
    void aSmallShareKeepsItsSignificantDigits(long part, long whole, String percent) {
        assertEquals(percent, InputProblems.percent(part, whole));
    }
}
