package org.netmarket.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shortcut for canonical dates agrees with the strict formatters it stands in front of: on
 * every value of the canonical shape it gives the formatter's result, or declines (null) exactly
 * when the formatter rejects the value; other shapes it always leaves to the formatter.
 */
class CanonicalDatesTest {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    @Test
    void datesOfTheCanonicalShapeAgreeWithTheStrictFormatter() {
        Random random = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            String v = pad(random.nextInt(2300), 4) + "-" + pad(random.nextInt(14), 2) + "-" + pad(random.nextInt(33), 2);
            assertEquals(formatterDate(v), CanonicalDates.date(v), v);
        }
        for (String v : List.of("2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-02-29", "2024-04-31", "2024-00-10")) {
            assertEquals(formatterDate(v), CanonicalDates.date(v), v);
        }
    }

    @Test
    void timestampsOfTheCanonicalShapeAgreeWithTheStrictFormatter() {
        Random random = new Random(2);
        for (int i = 0; i < 50_000; i++) {
            String v = (1990 + random.nextInt(50)) + "-" + pad(1 + random.nextInt(12), 2) + "-" + pad(1 + random.nextInt(31), 2)
                    + " " + pad(random.nextInt(26), 2) + ":" + pad(random.nextInt(62), 2) + ":" + pad(random.nextInt(62), 2);
            assertEquals(formatterTimestamp(v), CanonicalDates.timestamp(v), v);
        }
        assertNull(CanonicalDates.timestamp("2024-05-20 24:00:00"), "24:00 is not a strict time of day");
        assertNull(formatterTimestamp("2024-05-20 24:00:00"));
    }

    @Test
    void monthsOfTheCanonicalShapeAgreeWithTheStrictFormatter() {
        for (int y = 0; y < 3000; y += 37) {
            for (int m = 0; m < 21; m++) {
                String v = pad(y, 4) + "-" + pad(m, 2);
                assertEquals(formatterMonth(v), CanonicalDates.isMonth(v), v);
            }
        }
    }

    @Test
    void otherShapesAreLeftToTheFormatter() {
        for (String v : List.of("2024/01/23", "2024-1-23", "20240123", "２０２４-01-23", "+2024-01-23", "2024-01-23T10:00",
                "2024-01-23 10:00", "2024-01-23  10:00:00", "2024-01-23 10:00:00.5", "12024-01-23", "")) {
            assertNull(CanonicalDates.date(v), v);
            assertNull(CanonicalDates.timestamp(v), v);
            assertFalse(CanonicalDates.isMonth(v), v);
        }
        assertFalse(CanonicalDates.digits("１２", 0, 2), "full-width digits are not \\d");
        assertTrue(CanonicalDates.digits("0123456789", 0, 10));
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static LocalDate formatterDate(String v) {
        try {
            return LocalDate.parse(v, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime formatterTimestamp(String v) {
        try {
            return LocalDateTime.parse(v, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean formatterMonth(String v) {
        try {
            YearMonth.parse(v, MONTH);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
