package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ReasonAssertions;

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
        assertTrue(otherYear.reason().en().contains("online_retail_growth_rate") && otherYear.reason().en().contains("2022"),
                otherYear.reason().en());
        assertEquals("全国统计数据（national）中没有 2022 年公布的 online_retail_growth_rate", otherYear.reason().zh());
        assertEquals(ItemStatus.MISSING_DATA, n.get("odr_settlement_rate", 2024).problem());
    }

    @Test
    void conflictingVersionsAreADataError() {
        NationalFigures n = new NationalFigures(true);
        n.put(2024, "consumer_satisfaction_rate", new BigDecimal("0.8"));
        n.conflict(2024, "consumer_satisfaction_rate");
        assertEquals(ItemStatus.DATA_ERROR, n.get("consumer_satisfaction_rate", 2024).problem());
        ReasonAssertions.assertSaysTheSameInChinese(n.get("consumer_satisfaction_rate", 2024).reason());
    }

    @Test
    void notDeliveredIsMissing() {
        NationalFigures n = new NationalFigures(false);
        n.put(2024, "online_retail_share", new BigDecimal("0.27"));
        Figure f = n.get("online_retail_share", 2024);
        assertEquals(ItemStatus.MISSING_DATA, f.problem());
        assertEquals(Reason.of("national figures were not delivered", "全国统计数据（national）未报送"), f.reason());
    }
}
