package org.netmarket.generator;

import java.util.SplittableRandom;

/**
 * Timestamps of record-level extracts as epoch seconds: when the j-th record of a cohort
 * starts (records are numbered in time order, spread over the year), and the instants that
 * bound its handling.
 */
final class RecordTimes {
    /** Marks a missing timestamp (an empty field). */
    static final long NONE = Long.MIN_VALUE;
    private static final int MINUTE = 60;

    private RecordTimes() {
    }

    /**
     * The start of record {@code j} of {@code n} in {@code year}, within office-like hours.
     * Records numbered from {@code n} on (sent late by the next night) fall anywhere in the year.
     */
    static long start(int year, int j, int n, SplittableRandom r, int firstHour, int hours) {
        int days = Civil.daysInYear(year);
        double slot = j < n ? j + r.nextDouble() : r.nextDouble() * n;
        int day = Civil.newYear(year) + (int) Math.min(days - 1, slot * days / n);
        return Civil.seconds(day, firstHour * Civil.HOUR + r.nextInt(hours * Civil.HOUR));
    }

    /** The last minute of the year: completions must fall before it to count in the year. */
    static long lastMinuteOf(int year) {
        return Civil.startOfYear(year + 1) - MINUTE;
    }

    /** An instant between {@code from} and {@code to}; {@code u} in [0, 1) skews where. */
    static long between(long from, long to, double u) {
        return to <= from ? from : from + (long) ((to - from) * u);
    }

    static long days(double d) {
        return (long) (d * Civil.SECONDS_PER_DAY);
    }

    /** The version stamp: a little after the last event, never after the extraction. */
    static long updatedAt(long last, SplittableRandom r) {
        return Math.min(Period.EXTRACTED_AT - MINUTE, last + 5 * MINUTE + r.nextInt(2 * Civil.SECONDS_PER_DAY));
    }

    /** A completion after the due time that may not have happened by the extraction. */
    static long lateOrNone(long due, SplittableRandom r, double maxDaysLate) {
        long t = due + Civil.HOUR + days(r.nextDouble() * maxDaysLate);
        return t >= Period.EXTRACTED_AT ? NONE : t;
    }

    /**
     * Whether the next night's re-sent record {@code j} corrects a timestamp as well as being
     * sent again (every other one): a delivery that only restated versions would not test that a
     * night's revisions reach the scores.
     */
    static boolean correctedNextNight(int j) {
        return (j / 100) % 2 == 0;
    }

    /** A verification time the next night corrects to three days later (before its extraction); none stays none. */
    static long correctedLater(long t) {
        return t == NONE ? NONE : Math.min(t + 3L * Civil.SECONDS_PER_DAY, Period.NEXT_EXTRACTED_AT - 2 * Civil.HOUR);
    }

    static long max(long a, long b) {
        return Math.max(a, b);
    }
}
