package org.netmarket.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ItemStatusTest {

    @ParameterizedTest(name = "worst({0}, {1}) = {2}")
    @CsvSource({
            "MISSING_DATA, DATA_ERROR, MISSING_DATA",
            "DATA_ERROR, MISSING_DATA, MISSING_DATA",
            "MISSING_DATA, NO_RECORDS, MISSING_DATA",
            "NO_RECORDS, MISSING_DATA, MISSING_DATA",
            "DATA_ERROR, NO_RECORDS, DATA_ERROR",
            "NO_RECORDS, DATA_ERROR, DATA_ERROR",
            "NO_RECORDS, NO_RECORDS, NO_RECORDS"})
    void missingDataThenDataErrorThenNoRecords(ItemStatus a, ItemStatus b, ItemStatus expected) {
        assertEquals(expected, ItemStatus.worst(a, b));
    }

    @Test
    void warehouseSpellings() {
        assertEquals("scored", ItemStatus.SCORED.code());
        assertEquals("missing_data", ItemStatus.MISSING_DATA.code());
        assertEquals("no_records", ItemStatus.NO_RECORDS.code());
        assertEquals("data_error", ItemStatus.DATA_ERROR.code());
        assertEquals("not_assessed", ItemStatus.NOT_ASSESSED.code());
    }

    @ParameterizedTest
    @EnumSource(ItemStatus.class)
    void codesReadBack(ItemStatus s) {
        assertEquals(s, ItemStatus.fromCode(" " + s.code() + " "));
    }
}
