package org.netmarket.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReasonTest {
    private static final Reason A = Reason.of("retail was not delivered", "零售额数据（retail）未报送");
    private static final Reason B = Reason.of("no report clues to count", "没有可统计的记录（举报线索）");

    @Test
    void reasonsJoinInTheirOrderWithEachLanguagesSeparator() {
        assertEquals(Reason.of("retail was not delivered; no report clues to count",
                "零售额数据（retail）未报送；没有可统计的记录（举报线索）"), Reason.join(List.of(A, B)));
        assertEquals(A, Reason.join(List.of(A)));
        assertThrows(IllegalArgumentException.class, () -> Reason.join(List.of()));
    }

    @Test
    void aReasonUnderALabelNamesItInBothLanguages() {
        assertEquals(Reason.of("11.2: retail was not delivered", "11.2：零售额数据（retail）未报送"), A.under("11.2"));
    }

    @Test
    void bothLanguagesAreRequired() {
        assertThrows(NullPointerException.class, () -> Reason.of("retail was not delivered", null));
        assertThrows(NullPointerException.class, () -> Reason.of(null, "未报送"));
    }

    @Test
    void theLogsShowTheEnglish() {
        assertEquals("retail was not delivered", A.toString());
    }
}
