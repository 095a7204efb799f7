package org.netmarket.generator;

import java.util.Locale;

/**
 * How much data to generate and for which region tree. Volumes are totals over the record years
 * 2020–2024 (operators: the registry as delivered); they are shared among counties by size.
 */
public enum Scale {
    /** A miniature of the national layout for tests: 2 provinces, 4 cities, 12 counties, 3 part files. */
    TINY(1_200, 2_400, 600, 150, 80, 3),
    /** Yuncheng city and its 13 counties: the committed sample data. */
    YUNCHENG(6_500, 11_000, 3_500, 600, 320, 1),
    /** Shanxi: 11 real cities, Yuncheng's 13 real counties and 100 synthetic ones. */
    PROVINCE(100_000, 170_000, 54_000, 9_300, 5_000, 4),
    /** 31 provinces, 341 synthetic cities and 3,410 synthetic counties. */
    NATIONAL(10_000_000, 10_000_000, 3_000_000, 1_000_000, 200_000, 12);

    private final long operators;
    private final long complaints;
    private final long dispatches;
    private final long clues;
    private final long reviews;
    private final int parts;

    Scale(long operators, long complaints, long dispatches, long clues, long reviews, int parts) {
        this.operators = operators;
        this.complaints = complaints;
        this.dispatches = dispatches;
        this.clues = clues;
        this.reviews = reviews;
        this.parts = parts;
    }

    /** Parses {@code yuncheng}, {@code province}, {@code national} or {@code tiny} (any case). */
    public static Scale parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scale '" + text + "' (yuncheng, province, national or tiny)");
        }
    }

    /** The name used on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    long operators() {
        return operators;
    }

    long complaints() {
        return complaints;
    }

    long dispatches() {
        return dispatches;
    }

    long clues() {
        return clues;
    }

    long reviews() {
        return reviews;
    }

    /** Part files per record-level extract (1: one file, as a small upstream system delivers). */
    int parts() {
        return parts;
    }

    RegionLayout layout() {
        return switch (this) {
            case TINY -> NationalRegions.layout(2, 2, 3);
            case YUNCHENG -> YunchengRegions.layout();
            case PROVINCE -> ShanxiRegions.layout();
            case NATIONAL -> NationalRegions.layout();
        };
    }
}
