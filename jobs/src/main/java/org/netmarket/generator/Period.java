package org.netmarket.generator;

/**
 * The time span of the generated data. Evaluation years 2021–2024 must all be computable, so
 * monthly and yearly figures start in 2019 (growth of 2020 needs 2019) and record-level
 * extracts cover 2020–2024. The first delivery is extracted on the night of 2025-03-05, after
 * the national figures of 2024 are published; no timestamp is later than that, and the next
 * night's delivery (the delta) is dated 2025-03-06.
 */
final class Period {
    static final int FIRST_YEAR = 2019;
    static final int FIRST_RECORD_YEAR = 2020;
    static final int FIRST_EVALUATION_YEAR = 2021;
    static final int LAST_YEAR = 2024;
    static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

    /** 2025-03-05 02:00:00, when the first delivery was extracted. */
    static final long EXTRACTED_AT = Civil.seconds(Civil.day(2025, 3, 5), 2 * Civil.HOUR);
    /** 2025-03-06 01:00:00, the start of the next night's extraction. */
    static final long NEXT_EXTRACTED_AT = Civil.seconds(Civil.day(2025, 3, 6), Civil.HOUR);

    private Period() {
    }

    /** Index of a year in the per-year arrays of a profile (2019 is 0). */
    static int index(int year) {
        return year - FIRST_YEAR;
    }
}
