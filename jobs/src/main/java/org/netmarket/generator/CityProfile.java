package org.netmarket.generator;

/**
 * What a city delivers of its own in the aggregate extracts. A city row, when present, is the
 * city's whole figure (the pipeline prefers it to the sum over the counties), so the own rows
 * here cover all counties plus what is registered directly with the city.
 */
final class CityProfile {
    final GeneratedRegion region;
    /** Own employment and tax rows (the city statistics bureau reports its total). */
    boolean ownYearlyRows;
    /** Own market-entity rows: the counties' entities plus those registered with the city itself. */
    boolean ownMarketEntities;
    /** Entities registered directly with the city, relative to the counties' sum. */
    double directEntities;
    final double[] employmentShare = new double[Period.YEARS];
    final double[] taxShare = new double[Period.YEARS];

    CityProfile(GeneratedRegion region) {
        this.region = region;
    }
}
