package org.netmarket.generator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How well each applicant region does in the expert assessment: per evaluation year, the share
 * of each first-level category's assessed points it is given, the items left without an
 * assessment row (scored {@code not_assessed}), and the items first assessed lower and revised
 * by the review panel in a later file.
 */
final class AssessmentPlan {
    /** region|year -> share of assessed points per first-level category, in edition order. */
    private final Map<String, double[]> quality = new LinkedHashMap<>();
    private final Map<String, Set<String>> omitted = new LinkedHashMap<>();
    private final Map<String, Set<String>> revised = new LinkedHashMap<>();

    void quality(String region, int year, double... perCategory) {
        quality.put(region + "|" + year, perCategory.clone());
    }

    double[] quality(String region, int year) {
        return quality.get(region + "|" + year);
    }

    boolean assesses(String region, int year) {
        return quality.containsKey(region + "|" + year);
    }

    void omit(String region, int year, String... items) {
        Set<String> s = omitted.computeIfAbsent(region + "|" + year, k -> new LinkedHashSet<>());
        for (String i : items) {
            s.add(i);
        }
    }

    boolean omitted(String region, int year, String item) {
        return omitted.getOrDefault(region + "|" + year, Set.of()).contains(item);
    }

    void revise(String region, int year, String item) {
        revised.computeIfAbsent(region + "|" + year, k -> new LinkedHashSet<>()).add(item);
    }

    boolean revised(String region, int year, String item) {
        return revised.getOrDefault(region + "|" + year, Set.of()).contains(item);
    }
}
