package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.ItemStatus;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationalFiguresTest {

    @Test
    void publishedValuesAreTakenAsPublished() {
        NationalFigures n = new NationalFigures(true);
        n.put(2024, "online_retail_growth_rate", new BigDecimal("0.072"));
        n.put(2023, "online_retail_growth_rate", new BigDecimal("-0.039"));
        assertEquals(0, new BigDecimal("0.072").compareTo(n.get("online_retail_growth_rate", 2024).value()));
        assertEquals(0, new BigDecimal("-0.039").compareTo(n.get("online_retail_growth_rate", 2023).value()));
    }

    @Test
    void anUnpublishedMetricOrYearIsMissing() {
        NationalFigures n = new NationalFigures(true);
        n.put(2024, "online_retail_growth_rate", new BigDecimal("0.072"));
        Figure otherYear = n.get("online_retail_growth_rate", 2022);
        assertEquals(ItemStatus.MISSING_DATA, otherYear.problem());
        assertTrue(otherYear.reason().contains("online_retail_growth_rate") && otherYear.reason().contains("2022"), otherYear.reason());
        assertEquals(ItemStatus.MISSING_DATA, n.get("odr_settlement_rate", 2024).problem());
    }

    @Test
    void conflictingVersionsAreADataError() {
        NationalFigures n = new NationalFigures(true);
        n.put(2024, "consumer_satisfaction_rate", new BigDecimal("0.8"));
        n.conflict(2024, "consumer_satisfaction_rate");
        assertEquals(ItemStatus.DATA_ERROR, n.get("consumer_satisfaction_rate", 2024).problem());
    }

    @Test
    void notDeliveredIsMissing() {
        NationalFigures n = new NationalFigures(false);
        n.put(2024, "online_retail_share", new BigDecimal("0.27"));
        Figure f = n.get("online_retail_share", 2024);
        assertEquals(ItemStatus.MISSING_DATA, f.problem());
        assertEquals("national figures were not delivered", f.reason());
    }
}
