package org.netmarket.warehouse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dry run's preview of what publishing would change compares as the publishing run's SQL does:
 * points and values as numbers (1.0 is 1.00), nulls as values, only the rows published before,
 * only the codes the run recomputes.
 */
class ScoreChangesPreviewTest {

    private static ScoreRows.IndicatorRow row(String code, String points, String status, String value) {
        return new ScoreRows.IndicatorRow("140802", 2024, code, "item", new BigDecimal(points), BigDecimal.ONE, status,
                value == null ? null : new BigDecimal(value), null, null, null, null, null, null, "2022");
    }

    private static PublishedScores.CurrentRow current(String points, String status, String value) {
        return new PublishedScores.CurrentRow(new BigDecimal(points), status, value == null ? null : new BigDecimal(value));
    }

    private static List<String> changedCodes(Map<String, PublishedScores.CurrentRow> current, List<String> codesInScope,
                                             ScoreRows.IndicatorRow... rows) {
        ScoreRows scoreRows = new ScoreRows();
        scoreRows.indicators().addAll(List.of(rows));
        Publication p = new Publication(null, 2024, List.of("140802"), codesInScope, null, Map.of(), scoreRows);
        return ScoreChanges.against(current, p).stream().map(ScoreChanges.Change::code).toList();
    }

    @Test
    void theSameNumbersAtAnotherScaleAreNoChange() {
        assertEquals(List.of(), changedCodes(Map.of("140802|19.1", current("1", "scored", "0.90")), null,
                row("19.1", "1.0", "scored", "0.9")));
    }

    @Test
    void pointsStatusOrValueThatDifferAreChangesInEditionOrder() {
        Map<String, PublishedScores.CurrentRow> published = Map.of(
                "140802|19.1", current("0", "scored", "0.9"),
                "140802|3", current("0", "missing_data", null),
                "140802|25.1", current("1", "scored", "0.97"),
                "140802|7", current("1", "scored", null),
                "140802|8", current("1", "scored", "0.5"));
        assertEquals(List.of("3", "7", "19.1", "25.1"), changedCodes(published, null,
                row("3", "0", "no_records", null),
                row("7", "1", "scored", "0.2"),
                row("8", "1.00", "scored", "0.50"),
                row("19.1", "1", "scored", "1"),
                row("25.1", "1", "scored", "0.975")));
    }

    @Test
    void rowsNeverPublishedAndCodesNotRecomputedAreNotChanges() {
        Map<String, PublishedScores.CurrentRow> published = Map.of(
                "140802|19.1", current("0", "scored", "0.9"),
                "140802|25.1", current("0", "scored", "0.5"));
        assertEquals(List.of("19.1"), changedCodes(published, List.of("19", "19.1", "19.2"),
                row("19.1", "1", "scored", "1"),
                row("19.2", "1", "scored", "1"),
                row("25.1", "1", "scored", "0.97")));
    }
}
