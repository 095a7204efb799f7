package org.netmarket.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;

/**
 * Reads dates, timestamps and months written exactly in the contract's form ({@code 2024-05-20},
 * {@code 2024-05-20 10:00:00}, {@code 2024-05}) without a {@link DateTimeFormatter}:
 * a formatter builds a map of parsed fields per value, and at tens of millions of rows with
 * several timestamps each that was the largest cost of validation. Anything else — another
 * shape, an impossible day or hour — returns null (or false), and the caller falls back to the
 * strict formatter, which accepts or rejects it and words the reason as before.
 */
final class CanonicalDates {
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CanonicalDates() {
    }

    /** Whether {@code s[from, to)} are ASCII digits (what {@code \d} matches in a Java pattern). */
    static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code uuuu-MM-dd} with a day that exists, else null. */
    static LocalDate date(String v) {
        if (v.length() != 10 || !datePart(v)) {
            return null;
        }
        int year = number(v, 0, 4);
        int month = number(v, 5, 7);
        int day = number(v, 8, 10);
        return validDay(year, month, day) ? LocalDate.of(year, month, day) : null;
    }

    /** {@code uuuu-MM-dd HH:mm:ss} with a day and a time of day that exist, else null. */
    static LocalDateTime timestamp(String v) {
        if (v.length() != 19 || !datePart(v) || v.charAt(10) != ' ' || v.charAt(13) != ':' || v.charAt(16) != ':'
                || !digits(v, 11, 13) || !digits(v, 14, 16) || !digits(v, 17, 19)) {
            return null;
        }
        int year = number(v, 0, 4);
        int month = number(v, 5, 7);
        int day = number(v, 8, 10);
        int hour = number(v, 11, 13);
        int minute = number(v, 14, 16);
        int second = number(v, 17, 19);
        if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** {@code uuuu-MM} with a month from 01 to 12. */
    static boolean isMonth(String v) {
        if (v.length() != 7 || !digits(v, 0, 4) || v.charAt(4) != '-' || !digits(v, 5, 7)) {
            return false;
        }
        int month = number(v, 5, 7);
        return month >= 1 && month <= 12;
    }

    private static boolean datePart(String v) {
        return digits(v, 0, 4) && v.charAt(4) == '-' && digits(v, 5, 7) && v.charAt(7) == '-' && digits(v, 8, 10);
    }

    private static boolean validDay(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int last = month == 2 && IsoChronology.INSTANCE.isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
        return day <= last;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
