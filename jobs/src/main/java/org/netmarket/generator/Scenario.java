package org.netmarket.generator;

import org.netmarket.edition.Edition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete design of one generated data set: the region tree, a profile per county and
 * city, and the assessment plan. Built once per run from the scale and seed; the writers only
 * read it, so every file follows from it deterministically.
 */
final class Scenario {
    private final Scale scale;
    private final long seed;
    private final RegionLayout layout;
    private final List<CountyProfile> counties = new ArrayList<>();
    private final Map<String, CountyProfile> countyByCode = new LinkedHashMap<>();
    private final Map<String, CityProfile> cities = new LinkedHashMap<>();
    private final AssessmentPlan assessments = new AssessmentPlan();
    private final EditionThresholds thresholds;

    private Scenario(Scale scale, long seed, EditionThresholds thresholds) {
        this.scale = scale;
        this.seed = seed;
        this.layout = scale.layout();
        this.thresholds = thresholds;
    }

    static Scenario build(Scale scale, long seed, Edition edition) {
        Scenario s = new Scenario(scale, seed, new EditionThresholds(edition));
        int firstLevelCategories = edition.firstLevelCategories().size();
        ProfileSynthesizer synth = new ProfileSynthesizer(seed, s.thresholds);
        int i = 0;
        for (GeneratedRegion county : s.layout.counties()) {
            CountyProfile p = synth.county(county, i++);
            s.counties.add(p);
            s.countyByCode.put(county.code(), p);
        }
        int c = 0;
        for (GeneratedRegion city : s.layout.cities()) {
            s.cities.put(city.code(), synth.city(city, c++));
        }
        // Every region of regions.csv is scored, a province too: without assessments it could only fail.
        for (GeneratedRegion r : s.layout.all()) {
            for (int y = Period.FIRST_EVALUATION_YEAR; y <= Period.LAST_YEAR; y++) {
                s.assessments.quality(r.code(), y, synth.assessmentQuality(r.code(), y, firstLevelCategories));
            }
        }
        YunchengScenario.apply(s);
        s.placeEmploymentGaps();
        return s;
    }

    /**
     * A county-year without employment rows must belong to a city with its own rows, or the
     * city's figure could not be computed either; synthetic gaps are placed accordingly.
     */
    private void placeEmploymentGaps() {
        for (CountyProfile p : counties) {
            CityProfile city = cities.get(p.region.parentCode());
            if (p.missingEmploymentYear != 0 && (city == null || !city.ownYearlyRows)) {
                p.missingEmploymentYear = 0;
            }
            boolean designed = YunchengRegions.YUNCHENG.equals(p.region.parentCode());
            boolean gap = Math.floorMod(Seeds.of(seed, "employment-gap", p.index), 40) == 0;
            if (!designed && city != null && city.ownYearlyRows && gap) {
                int year = Period.FIRST_EVALUATION_YEAR + Math.floorMod(Seeds.of(seed, "gap-year", p.index), 4);
                p.missingEmploymentYear = year;
            }
        }
    }

    Scale scale() {
        return scale;
    }

    /** The edition's thresholds the data is drawn around. */
    EditionThresholds thresholds() {
        return thresholds;
    }

    long seed() {
        return seed;
    }

    RegionLayout layout() {
        return layout;
    }

    List<CountyProfile> counties() {
        return counties;
    }

    /** The county's profile, or null when the county is not in this layout. */
    CountyProfile county(String code) {
        return countyByCode.get(code);
    }

    List<CountyProfile> countiesOf(String cityCode) {
        return counties.stream().filter(p -> cityCode.equals(p.region.parentCode())).toList();
    }

    CityProfile city(String code) {
        return cities.get(code);
    }

    AssessmentPlan assessments() {
        return assessments;
    }

    /** Sum of county weights, for sharing a scale's volumes among counties. */
    double totalWeight() {
        return counties.stream().mapToDouble(p -> p.weight).sum();
    }

    double totalOperatorWeight() {
        return counties.stream().mapToDouble(p -> p.weight * p.intensity).sum();
    }
}
