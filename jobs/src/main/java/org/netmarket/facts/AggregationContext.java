package org.netmarket.facts;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.Parameters;

import java.util.Optional;

/**
 * What a record-level aggregation needs besides its extract: the evaluation period and the
 * edition (for computation parameters such as survival years or above-scale thresholds).
 */
public record AggregationContext(EvaluationPeriod period, Edition edition) {

    /** Parameters of the edition's item computed by {@code computation}, if the edition has one. */
    public Optional<Parameters> parameters(String computation) {
        return edition.computedBy(computation).map(Item::parameters);
    }

    /**
     * Everything besides the rows that counts depend on: the period and the computation
     * parameters of the edition. Counts kept from an earlier run are reused only under the same
     * basis.
     */
    public String basis() {
        StringBuilder sb = new StringBuilder("year=").append(period.year()).append(" as_of=").append(period.asOf())
                .append(" edition=").append(edition.id());
        for (Item item : edition.computedItems()) {
            sb.append(' ').append(item.code()).append(':').append(item.computation()).append(item.parameters());
        }
        return sb.toString();
    }
}
