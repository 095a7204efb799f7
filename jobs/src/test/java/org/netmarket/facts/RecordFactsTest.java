package org.netmarket.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFactsTest {

    @Test
    void countsDefaultToZeroAndDeliveryIsTracked() {
        RecordFacts r = new RecordFacts();
        r.delivered("dispatches");
        r.counted(List.of(Facts.IDENTITY_CLAIMS, Facts.IDENTITY_CLAIMS_COMPLETED, Facts.MONITORING_LEADS));
        r.put("330100", Facts.IDENTITY_CLAIMS, 20);
        r.put("330100", Facts.IDENTITY_CLAIMS_COMPLETED, 19);
        assertEquals(20, r.get("330100", Facts.IDENTITY_CLAIMS));
        assertEquals(0, r.get("330100", Facts.MONITORING_LEADS), "no such records");
        assertEquals(0, r.get("330102", Facts.IDENTITY_CLAIMS), "region without records");
        assertTrue(r.isDelivered("dispatches"));
        assertFalse(r.isDelivered("complaints"));
        assertEquals(Map.of(Facts.IDENTITY_CLAIMS, 20L, Facts.IDENTITY_CLAIMS_COMPLETED, 19L), r.of("330100"));
    }

    /** A fact counted for one region is known for all: the others have no records of it. */
    @Test
    void aFactPutForOneRegionIsCountedForEvery() {
        RecordFacts r = new RecordFacts();
        r.put("330100", Facts.STAFF, 3);
        assertEquals(0, r.get("330200", Facts.STAFF));
    }

    /** A fact nothing counted (a misspelt name, an aggregation the edition left out) is an error naming it, not 0. */
    @Test
    void aFactNeverCountedIsAnErrorNamingIt() {
        RecordFacts r = new RecordFacts();
        r.delivered("training");
        r.counted(List.of(Facts.rowsOf("training"), Facts.STAFF, Facts.STAFF_TRAINED));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.get("330100", Facts.STAFF_MIN_HOURS));
        assertTrue(e.getMessage().startsWith("fact " + Facts.STAFF_MIN_HOURS + " was not counted"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> r.get("330100", "training.staf"));
    }
}
