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

    static {
        int last = (int) LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();
        YMD = new int[last - FIRST_DAY + 1];
        LocalDate d = LocalDate.of(FIRST_YEAR, 1, 1);
        for (int i = 0; i < YMD.length; i++) {
            YMD[i] = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            d = d.plusDays(1);
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

    static long startOfYear(int year) {
        return seconds(day(year, 1, 1), 0);
    }

    static int daysInYear(int year) {
        return LocalDate.of(year, 1, 1).lengthOfYear();
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

    /** The day shifted to the next Monday when it falls on a weekend (offices close at weekends). */
    static int workingDayOnOrAfter(int epochDay) {
        // 1970-01-01 was a Thursday: (epochDay + 3) mod 7 is 0 on Mondays.
        int dow = Math.floorMod(epochDay + 3, 7);
        return dow == 5 ? epochDay + 2 : dow == 6 ? epochDay + 1 : epochDay;
    }
}
