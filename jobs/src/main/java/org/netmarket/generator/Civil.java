package org.netmarket.generator;

import java.time.LocalDate;

/**
 * Calendar arithmetic on plain numbers for the hot loops: dates are epoch days and timestamps are
 * epoch seconds of local wall-clock time (Asia/Shanghai, no zone in the files), so nothing is
 * allocated per row. The calendar of the generated period is precomputed once.
 */
final class Civil {
    static final int SECONDS_PER_DAY = 86_400;
    static final int HOUR = 3_600;

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2040;
    private static final int FIRST_DAY = (int) LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
    /** year * 10000 + month * 100 + day for every day of the supported range. */
    private static final int[] YMD;
    /** Epoch day of January 1 of FIRST_YEAR..LAST_YEAR + 1. */
    private static final int[] NEW_YEAR = new int[LAST_YEAR - FIRST_YEAR + 2];

    static {
        int last = (int) LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();
        YMD = new int[last - FIRST_DAY + 1];
        LocalDate d = LocalDate.of(FIRST_YEAR, 1, 1);
        for (int i = 0; i < YMD.length; i++) {
            YMD[i] = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            d = d.plusDays(1);
        }
        for (int y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
            NEW_YEAR[y - FIRST_YEAR] = (int) LocalDate.of(y, 1, 1).toEpochDay();
        }
    }

    private Civil() {
    }

    static int day(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    static long seconds(int epochDay, int secondOfDay) {
        return (long) epochDay * SECONDS_PER_DAY + secondOfDay;
    }

    /** Epoch day of January 1 (a table look-up: the hot loops call it per record). */
    static int newYear(int year) {
        return NEW_YEAR[year - FIRST_YEAR];
    }

    static long startOfYear(int year) {
        return seconds(newYear(year), 0);
    }

    static int daysInYear(int year) {
        return NEW_YEAR[year + 1 - FIRST_YEAR] - NEW_YEAR[year - FIRST_YEAR];
    }

    static int dayOf(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    }

    /** year * 10000 + month * 100 + day. */
    static int ymd(int epochDay) {
        int i = epochDay - FIRST_DAY;
        if (i < 0 || i >= YMD.length) {
            throw new IllegalArgumentException("day " + LocalDate.ofEpochDay(epochDay) + " is outside "
                    + FIRST_YEAR + "-" + LAST_YEAR);
        }
        return YMD[i];
    }

    static int year(int epochDay) {
        return ymd(epochDay) / 10000;
    }
}
