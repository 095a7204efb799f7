package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each scored region takes the new above-scale operators counted under its own zone's threshold. */
class OperatorSalesFactsTest {

    @Test
    void aScoredRegionTakesTheCountOfItsOwnZoneOverItsOwnAndItsDescendantsOperators() {
        // A central province whose city is (unusually) filed as east: each region is judged by
        // the threshold of its own zone, over every operator below it.
        RegionTree tree = new RegionTree(List.of(
                new Region("140000", "山西省", null, "province", "central"),
                new Region("140800", "运城市", "140000", "city", "east"),
                new Region("140802", "盐湖区", "140800", "county", "central"),
                new Region("140821", "临猗县", "140800", "county", "west")));
        // rows (operators with sales), new above scale under the east, central and west thresholds
        RegionCounts counts = new RegionCounts(OperatorSalesFacts.FACTS, Map.of(
                "140802", new long[]{5, 1, 2, 3},
                "140821", new long[]{4, 0, 1, 4}));
        Map<String, Long> newAboveScale = new HashMap<>();
        Map<String, Long> withSales = new HashMap<>();
        for (RecordAggregation.FactCount c : OperatorSalesFacts.scored(counts, tree)) {
            (c.fact().equals(Facts.OPERATORS_NEW_ABOVE_SCALE) ? newAboveScale : withSales).put(c.region(), c.count());
        }
        assertEquals(Map.of("140802", 2L, "140821", 4L, "140800", 1L, "140000", 3L), newAboveScale);
        assertEquals(Map.of("140802", 5L, "140821", 4L, "140800", 9L, "140000", 9L), withSales);
    }

    /** One count per zone of the regions schema, in its order: a zone added there is counted too. */
    @Test
    void theZonesCountedAreThoseOfTheRegionsSchema() {
        assertEquals(List.of(Facts.rowsOf(OperatorSalesFacts.EXTRACT), "new_above_scale_east", "new_above_scale_central",
                "new_above_scale_west"), OperatorSalesFacts.FACTS);
    }

    /** A region of a zone nothing was counted for stops the facts, naming it, instead of 0 new operators. */
    @Test
    void aRegionOfAZoneNotCountedIsAnErrorNamingTheZone() {
        RegionTree tree = new RegionTree(List.of(
                new Region("210000", "辽宁省", null, "province", "northeast"),
                new Region("210100", "沈阳市", "210000", "city", "northeast")));
        RegionCounts counts = new RegionCounts(OperatorSalesFacts.FACTS, Map.of("210100", new long[]{5, 1, 2, 3}));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OperatorSalesFacts.scored(counts, tree));
        assertTrue(e.getMessage().contains("economic zone 'northeast'"), e.getMessage());
    }
}
