package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
