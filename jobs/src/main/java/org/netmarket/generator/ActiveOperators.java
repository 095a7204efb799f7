package org.netmarket.generator;

/**
 * Active operators per county at each market-entity snapshot date, counted while the registry is
 * written, so that market entities can be set to give each county its designed share (item 3).
 * Each county is counted by exactly one part task, so the tasks never write the same cell.
 */
final class ActiveOperators {
    private final long[][] counts;

    ActiveOperators(int counties) {
        counts = new long[counties][Snapshots.count()];
    }

    /** Counts an operator registered on {@code registered}, deregistered on {@code deregistered} (or never: -1). */
    void add(int county, int registered, int deregistered) {
        long[] c = counts[county];
        for (int s = 0; s < c.length; s++) {
            int day = Snapshots.MARKET_ENTITY_DAYS[s];
            if (registered <= day && (deregistered < 0 || deregistered > day)) {
                c[s]++;
            }
        }
    }

    long at(int county, int snapshot) {
        return counts[county][snapshot];
    }
}
