package org.netmarket.generator;

import java.nio.charset.StandardCharsets;

/**
 * One row of the generated regions.csv.
 *
 * @param parentCode null for the top of the tree
 * @param level      {@code province}, {@code city} or {@code county}
 * @param zone       {@code east}, {@code central} or {@code west}
 */
record GeneratedRegion(String code, String name, String parentCode, String level, String zone) {
    static final String PROVINCE = "province";
    static final String CITY = "city";
    static final String COUNTY = "county";

    boolean isCounty() {
        return COUNTY.equals(level);
    }

    boolean isCity() {
        return CITY.equals(level);
    }

    byte[] nameUtf8() {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
