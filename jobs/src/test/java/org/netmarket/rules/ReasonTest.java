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
    void chineseMeetsLatinLettersAndDigitsWithASpace() {
        assertEquals("2023 年的 online_retail_yuan 为 0", Reason.zhJoin("2023 年的 online_retail_yuan", "为 0"));
        assertEquals("地区 140802 的记录", Reason.zhJoin("地区 140802", "的记录"));
        assertEquals("2023 年网络零售额为 0", Reason.zhJoin("2023 年网络零售额", "为 0"), "Chinese meets Chinese");
        assertEquals("地区 140821、2024 年（经由 91140821MA0000155Y）的记录",
                Reason.zhJoin("地区 140821、2024 年（经由 91140821MA0000155Y）", "的记录"), "after full-width punctuation");
        assertEquals("经由 X", Reason.zhJoin("经由", "X"));
        assertEquals("的记录", Reason.zhJoin("", "的记录"));
    }

    @Test
    void theLogsShowTheEnglish() {
        assertEquals("retail was not delivered", A.toString());
    }
}
