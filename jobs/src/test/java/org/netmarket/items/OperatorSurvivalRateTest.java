package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.facts.Facts;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.Measurement;

import static org.netmarket.facts.FactsBuilder.CITY;
import static org.netmarket.facts.FactsBuilder.COUNTY_A;
import static org.netmarket.items.ItemTesting.assertObservation;
import static org.netmarket.items.ItemTesting.assertPoints;
import static org.netmarket.items.ItemTesting.assertScored;
import static org.netmarket.items.ItemTesting.assertStatus;
import static org.netmarket.items.ItemTesting.frac;
import static org.netmarket.items.ItemTesting.measure;
import static org.netmarket.rules.ItemStatus.DATA_ERROR;
import static org.netmarket.rules.ItemStatus.MISSING_DATA;
import static org.netmarket.rules.ItemStatus.NO_RECORDS;

/** Item 9: active operators registered 2+ years before the as-of date / active operators; band 30%-50%. */
class OperatorSurvivalRateTest {
    private static final OperatorSurvivalRate ITEM = new OperatorSurvivalRate();

    private static FactsBuilder facts(long survived, long active) {
        return FactsBuilder.year(2024).delivered("operators")
                .count(CITY, Facts.OPERATORS_SURVIVED, survived).count(CITY, Facts.OPERATORS_ACTIVE, active);
    }

    @Test
    void survivorsOverActiveOperators() {
        Measurement m = measure(ITEM, "9", facts(30, 100).build(CITY));
        assertScored(m);
        assertObservation(m.headline(), "survival_rate", frac(30, 100), null);
        assertPoints("9", "1", m);
        assertPoints("9", "2", measure(ITEM, "9", facts(50, 100).build(CITY)));
        assertPoints("9", "0", measure(ITEM, "9", facts(29, 100).build(CITY)));
    }

    @Test
    void noActiveOperatorsIsNoRecords() {
        assertStatus(NO_RECORDS, measure(ITEM, "9", facts(0, 0).build(CITY)), "no active operators at 2024-12-31");
    }

    @Test
    void notDeliveredIsMissingData() {
        assertStatus(MISSING_DATA, measure(ITEM, "9", FactsBuilder.year(2024).build(CITY)), "operators was not delivered");
    }

    @Test
    void aConflictWinsOverNoRecords() {
        assertStatus(DATA_ERROR, measure(ITEM, "9", facts(0, 0).recordConflict("operators", COUNTY_A).build(CITY)),
                "conflicting versions");
    }
}
