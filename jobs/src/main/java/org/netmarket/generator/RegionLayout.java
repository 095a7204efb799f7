package org.netmarket.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region tree of one scale in file order (each parent before its children). Record-level
 * extracts are generated for counties, which are numbered 0..n-1 in file order; that number
 * names their random streams and decides which part file holds their records.
 */
final class RegionLayout {
    private final List<GeneratedRegion> all;
    private final List<GeneratedRegion> counties;
    private final List<GeneratedRegion> cities;
    private final Map<String, GeneratedRegion> byCode = new LinkedHashMap<>();

    RegionLayout(List<GeneratedRegion> regions) {
        this.all = List.copyOf(regions);
        for (GeneratedRegion r : all) {
            if (byCode.put(r.code(), r) != null) {
                throw new IllegalStateException("region code " + r.code() + " generated twice");
            }
            if (r.parentCode() != null && !byCode.containsKey(r.parentCode())) {
                throw new IllegalStateException("region " + r.code() + " comes before its parent " + r.parentCode());
            }
        }
        this.counties = all.stream().filter(GeneratedRegion::isCounty).toList();
        this.cities = all.stream().filter(GeneratedRegion::isCity).toList();
    }

    List<GeneratedRegion> all() {
        return all;
    }

    List<GeneratedRegion> counties() {
        return counties;
    }

    List<GeneratedRegion> cities() {
        return cities;
    }

    GeneratedRegion get(String code) {
        return byCode.get(code);
    }

    /** A code that looks like a county of {@code city} but is not in the tree (for a deliberate bad row). */
    String unknownCountyCodeOf(GeneratedRegion city) {
        String prefix = city.code().substring(0, 4);
        for (int suffix = 99; suffix > 0; suffix--) {
            String code = prefix + (suffix < 10 ? "0" : "") + suffix;
            if (!byCode.containsKey(code)) {
                return code;
            }
        }
        throw new IllegalStateException("city " + city.code() + " has no free county code");
    }
}
