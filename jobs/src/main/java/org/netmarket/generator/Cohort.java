package org.netmarket.generator;

/**
 * The records of one county, year and kind (e.g. ODR complaints of 临猗县 received in 2024),
 * numbered 0..n-1 in time order. A designed outcome ("7 of 150 closed late") is placed on
 * exactly k records through a pseudo-random permutation of the numbers, so the rate the
 * pipeline measures is the designed one, and the affected records are spread over the year
 * rather than bunched.
 *
 * <p>Late or unfinished records are chosen among the first {@code window} of the year only, so
 * that every designed miss is visible at the year-end as-of date and no record started late in
 * December is counted as a miss merely because the year ended.
 */
final class Cohort {
    final int size;
    private final int eligible;
    private final long stride;
    private final long offset;

    /**
     * @param size   the number of records
     * @param window the leading share of the year whose records may be chosen (0, 1]
     * @param salt   decides the permutation
     */
    Cohort(int size, double window, long salt) {
        this.size = size;
        this.eligible = Math.max(1, (int) (size * window));
        long s = 1 + Math.floorMod(salt, Math.max(1, eligible - 1));
        while (gcd(s, eligible) != 1) {
            s++;
        }
        this.stride = s;
        this.offset = Math.floorMod(salt >>> 17, eligible);
    }

    /** Whether record {@code j} is one of the {@code k} chosen. */
    boolean chosen(int j, int k) {
        return j < eligible && rank(j) < k;
    }

    /** The record's place in the permutation of the eligible records (eligible records only). */
    int rank(int j) {
        return (int) ((j * stride + offset) % eligible);
    }

    /** Misses for an on-time rate: the pipeline then measures at least {@code rate}, less than 1/n above. */
    static int misses(int n, double rate) {
        return (int) Math.floor(n * (1 - rate) + 1e-9);
    }

    /** Records of a cohort whose expected size is {@code expected}: never negative, rounded. */
    static int size(double expected) {
        return (int) Math.max(0, Math.round(expected));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
