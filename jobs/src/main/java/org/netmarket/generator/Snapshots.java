package org.netmarket.generator;

/**
 * The as-of dates of the stock extracts: market entities at every year end 2019–2024 and at
 * mid-year from 2022 on; platform accounts at every year end 2020–2024.
 */
final class Snapshots {
    /** Market-entity dates in order (epoch days). */
    static final int[] MARKET_ENTITY_DAYS = {
            Civil.day(2019, 12, 31), Civil.day(2020, 12, 31), Civil.day(2021, 12, 31),
            Civil.day(2022, 6, 30), Civil.day(2022, 12, 31), Civil.day(2023, 6, 30),
            Civil.day(2023, 12, 31), Civil.day(2024, 6, 30), Civil.day(2024, 12, 31)};

    private Snapshots() {
    }

    static int count() {
        return MARKET_ENTITY_DAYS.length;
    }

    /** The per-year index of the share that applies at snapshot {@code s} (mid-year uses that year's). */
    static int yearIndex(int s) {
        return Period.index(Civil.year(MARKET_ENTITY_DAYS[s]));
    }

    static boolean isYearEnd(int s) {
        return Civil.ymd(MARKET_ENTITY_DAYS[s]) % 10000 == 1231;
    }
}
