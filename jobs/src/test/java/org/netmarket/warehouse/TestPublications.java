package org.netmarket.warehouse;

import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.items.ItemRegistry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The least a publication needs, for tests of how publishing and the views behave rather than of
 * what is scored: indicator 3 and the total of some regions of 2024, and a run to publish them.
 */
final class TestPublications {
    static final Edition EDITION = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");

    private TestPublications() {
    }

    /** A run of the data directory {@code file:/data/}, of mode {@code mode}. */
    static RunRecord runRecord(String mode) {
        return new RunRecord(mode, mode, "2022", List.of(2024), null, null, null, "file:/data/", Map.of(), "host", "test");
    }

    /** Indicator 3 and the total of each region at the points given, as of {@code asOf}. */
    static List<Publication> indicatorThree(Map<String, String> points, LocalDate asOf) {
        return indicatorThree(asOf.getYear(), points, asOf);
    }

    /** The same for another evaluation year. */
    static List<Publication> indicatorThree(int year, Map<String, String> points, LocalDate asOf) {
        ScoreRows rows = new ScoreRows();
        points.forEach((region, p) -> {
            rows.indicators().add(new ScoreRows.IndicatorRow(region, year, "3", "indicator", new BigDecimal(p),
                    new BigDecimal("2"), "scored", null, null, null, null, null, null, null, EDITION.id()));
            rows.evaluations().add(new ScoreRows.EvaluationRow(region, year, new BigDecimal(p), new BigDecimal("100"),
                    false, List.of(), "[]", 0, asOf, EDITION.id()));
        });
        return List.of(new Publication(EDITION, year, List.copyOf(points.keySet()), null, null, Map.of(), rows));
    }
}
