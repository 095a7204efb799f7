package org.netmarket.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netmarket.warehouse.PublishedScores;
import org.netmarket.warehouse.ScoreChanges;
import org.netmarket.warehouse.ScoreChanges.Change;

/**
 * The changes a run prints after publishing (or a dry run would make): score changes before
 * value-only ones, the value shown when it moved, so that "1.0 -> 1.0" never appears without saying
 * what did change.
 */
class ChangeListingTest {

    private static Change change(String code, String before, String after, String statusBefore, String status,
                                 String valueBefore, String value) {
        return new Change("140802", 2024, code, before == null ? null : new BigDecimal(before), new BigDecimal(after),
                statusBefore, status, valueBefore == null ? null : new BigDecimal(valueBefore),
                value == null ? null : new BigDecimal(value));
    }

    private static List<String> print(List<Change> changes) {
        return print(changes, true);
    }

    private static List<String> print(List<Change> changes, boolean published) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary.printChanges(changes, published, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void scoreChangesComeFirstAndValueOnlyChangesSayWhichValueMoved() {
        List<String> lines = print(List.of(
                change("25.1", "1", "1.0", "scored", "scored", "0.97", "0.9750"),
                change("19.1", "0", "1", "scored", "scored", "0.9", "1.0000"),
                change("7", "0", "0", "missing_data", "scored", null, "0.021")));
        assertEquals(List.of(
                "",
                "Changes against what was published before (3: 2 in points or status, 1 in the value only;"
                        + " all in view netmarket.score_change and the run folder's changes.csv):",
                "    140802 2024 item      19.1  0.0 -> 1.0  value 0.9 -> 1",
                "    140802 2024 indicator 7     0.0 -> 0.0  (missing_data -> scored)  value - -> 0.021",
                "  value only, points and status unchanged:",
                "    140802 2024 item      25.1  1.0 -> 1.0  value 0.97 -> 0.975"), lines);
    }

    @Test
    void anItemPublishedForTheFirstTimeCountsAsAScoreChange() {
        Change first = change("3", null, "2", null, "scored", null, "0.16");
        assertTrue(first.changesScore());
        assertEquals("    140802 2024 indicator 3     - -> 2.0  (- -> scored)  value - -> 0.16", print(List.of(first)).get(2));
    }

    /** A figure read back from PostgreSQL at another scale (0.5 and 0.5000) did not move: no "value 0.5 -> 0.5". */
    @Test
    void theSameFigureAtAnotherScaleIsNotShownAsMoved() {
        Change sameFigure = change("19.1", "0", "1", "scored", "scored", "0.5", "0.5000");
        assertFalse(sameFigure.changesValue());
        assertEquals("    140802 2024 item      19.1  0.0 -> 1.0", print(List.of(sameFigure)).get(2));
        assertTrue(change("19.1", "0", "1", "scored", "scored", "0.5", "0.5001").changesValue());
        assertTrue(change("19.1", "0", "1", "scored", "scored", null, "0.5").changesValue());
        assertFalse(change("19.1", "0", "1", "scored", "scored", null, null).changesValue());
    }

    @Test
    void longListsAreCutAtFortyLinesWithACountOfTheRest() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            changes.add(change("19.1", "0", "1", "scored", "scored", null, null));
        }
        changes.add(change("25.1", "1", "1", "scored", "scored", "0.96", "0.97"));
        List<String> lines = print(changes);
        assertEquals(2 + 40 + 2, lines.size(), String.join("\n", lines));
        assertEquals("    ... 5 more", lines.get(42));
        assertEquals("    ... and 1 change(s) of the value only", lines.get(43));
    }

    @Test
    void aDryRunSaysWhatPublishingWouldChangeAndPointsToTheRunFolderNotToAViewThatHasNoneOfIt() {
        List<String> lines = print(List.of(change("19.1", "0", "1", "scored", "scored", "0.9", "1")), false);
        assertEquals("Publishing would change what is published (1: 1 in points or status, 0 in the value only;"
                + " all in the run folder's changes.csv):", lines.get(1));
        assertEquals("    140802 2024 item      19.1  0.0 -> 1.0  value 0.9 -> 1", lines.get(2));
    }

    @Test
    void totalsThatChangedSayWhenTheResultTurned() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary.printResultChanges(List.of(
                new ScoreChanges.ResultChange("140802", 2024, new BigDecimal("89.0"), new BigDecimal("82"), true, false, DECEMBER, DECEMBER),
                new ScoreChanges.ResultChange("140821", 2024, new BigDecimal("80.5"), new BigDecimal("81.00"), false, false, DECEMBER,
                        DECEMBER)),
                true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of("", "Evaluations that changed (2):",
                "    140802 2024 total 89.0 -> 82.0  PASS -> FAIL",
                "    140821 2024 total 80.5 -> 81.0"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /** Another edition or as-of date may leave every point as it was; the evaluation still changed, and says how. */
    @Test
    void anEvaluationOnAnotherBasisSaysWhichEvenWithTheSameTotal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunSummary.printResultChanges(List.of(
                new ScoreChanges.ResultChange("140802", 2024, new BigDecimal("86"), new BigDecimal("86"), true, true, DECEMBER,
                        new PublishedScores.Basis("2022b", DECEMBER.asOf())),
                new ScoreChanges.ResultChange("140821", 2024, new BigDecimal("80"), new BigDecimal("80"), false, false,
                        new PublishedScores.Basis("2022", LocalDate.of(2024, 6, 30)), new PublishedScores.Basis("2022b", DECEMBER.asOf()))),
                false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of("", "Evaluations publishing would change (2):",
                "    140802 2024 total 86.0 -> 86.0  edition 2022 -> 2022b",
                "    140821 2024 total 80.0 -> 80.0  edition 2022 -> 2022b  as of 2024-06-30 -> 2024-12-31"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static final PublishedScores.Basis DECEMBER = new PublishedScores.Basis("2022", LocalDate.of(2024, 12, 31));
}
