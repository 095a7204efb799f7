package org.netmarket.generator;

/**
 * How a scale's record volumes are shared among counties and years: by county weight, and
 * growing year by year (online complaints and platform dispatches grew with online trade).
 */
final class Volumes {
    /** Relative volume of 2020..2024; they sum to 5, so totals are kept. */
    private static final double[] GROWTH = {0.7, 0.85, 1.0, 1.15, 1.3};

    private Volumes() {
    }

    /** Expected records of one county, year and kind: {@code share} of the scale's {@code total}. */
    static int cohort(Scenario s, CountyProfile p, long total, int year, double share) {
        double perYear = total / 5.0 * GROWTH[year - Period.FIRST_RECORD_YEAR];
        return Cohort.size(perYear * share * p.weight / s.totalWeight());
    }

    /** New records of a cohort in the next night's delivery: about 1%. */
    static int nextNight(int n, long salt) {
        return (n + Math.floorMod(salt, 100)) / 100;
    }

    /** The first record number revised by the next night (then every 100th). */
    static int firstRevised(long salt) {
        return (100 - Math.floorMod(salt, 100)) % 100;
    }
}
