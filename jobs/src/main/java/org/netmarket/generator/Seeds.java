package org.netmarket.generator;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the run's seed. Every file, part, cohort
 * and record draws from its own stream named by what it is (extract, region index, year, record
 * number), never from a shared generator, so the output does not depend on thread scheduling or
 * on the order in which anything is visited; a record can also be generated again on its own
 * (the next night's delivery revises records of the first).
 */
final class Seeds {
    private Seeds() {
    }

    /** Mixes two values into a well-distributed 64-bit seed (the SplitMix64 finaliser). */
    static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of a named stream; {@link String#hashCode()} is specified, so names are stable. */
    static long of(long seed, String stream) {
        return mix(seed, stream.hashCode());
    }

    static long of(long seed, String stream, long a) {
        return mix(of(seed, stream), a);
    }

    static long of(long seed, String stream, long a, long b) {
        return mix(of(seed, stream, a), b);
    }

    static long of(long seed, String stream, long a, long b, long c) {
        return mix(of(seed, stream, a, b), c);
    }

    /** A generator for one record (or one small unit) of a stream. */
    static SplittableRandom random(long streamSeed, long index) {
        return new SplittableRandom(mix(streamSeed, index));
    }
}
