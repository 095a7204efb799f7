package org.netmarket.generator;

/**
 * A large online operator whose yearly e-commerce sales are designed rather than drawn, so that
 * item 4 (new above-scale operators) scores where intended: it crosses its zone's threshold in a
 * chosen year, or has been above it since before the first record year.
 *
 * @param salesYuan yearly sales in yuan for 2020–2024 (index 0 is 2020); negative: no row that year
 * @param registeredYear the year it was registered (on a day drawn from its random stream)
 */
record AboveScaleOperator(String name, String type, int registeredYear, long[] salesYuan) {
    static final long NO_ROW = -1;

    long salesFen(int year) {
        long v = salesYuan[year - Period.FIRST_RECORD_YEAR];
        return v < 0 ? NO_ROW : v * 100;
    }
}
