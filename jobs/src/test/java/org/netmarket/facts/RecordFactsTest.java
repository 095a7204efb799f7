package org.netmarket.facts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFactsTest {

    @Test
    void countsDefaultToZeroAndDeliveryIsTracked() {
        RecordFacts r = new RecordFacts();
        r.delivered("dispatches");
        r.put("330100", Facts.IDENTITY_CLAIMS, 20);
        r.put("330100", Facts.IDENTITY_CLAIMS_COMPLETED, 19);
        assertEquals(20, r.get("330100", Facts.IDENTITY_CLAIMS));
        assertEquals(0, r.get("330100", Facts.MONITORING_LEADS), "no such records");
        assertEquals(0, r.get("330102", Facts.IDENTITY_CLAIMS), "region without records");
        assertTrue(r.isDelivered("dispatches"));
        assertFalse(r.isDelivered("complaints"));
        assertEquals(Map.of(Facts.IDENTITY_CLAIMS, 20L, Facts.IDENTITY_CLAIMS_COMPLETED, 19L), r.of("330100"));
    }
}
