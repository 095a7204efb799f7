package org.netmarket.facts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.Parameters;

import java.util.Optional;

/**
 * What a record-level aggregation needs besides its extract: the evaluation period, the edition
 * (for computation parameters such as survival years or above-scale thresholds) and the region
 * pairs that roll records up to every ancestor.
 *
 * @param regionPairs rows (region_code, scored_region, scored_zone): each region with itself and
 *                    every ancestor, see {@link RegionPairs}
 */
public record AggregationContext(EvaluationPeriod period, Edition edition, Dataset<Row> regionPairs) {

    /** Parameters of the edition's item computed by {@code computation}, if the edition has one. */
    public Optional<Parameters> parameters(String computation) {
        return edition.computedItems().stream().filter(i -> computation.equals(i.computation()))
                .map(Item::parameters).findFirst();
    }
}
