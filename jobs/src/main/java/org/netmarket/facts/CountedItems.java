package org.netmarket.facts;

import org.netmarket.edition.Parameters;
import org.netmarket.extract.SchemaCatalog;

import java.util.List;

/**
 * The computed items whose record-level facts Spark counts under their edition parameters
 * (survival years, minimum training hours, above-scale thresholds): their computation ids and
 * parameter keys, spelt once for the aggregation that reads the parameters and the item that
 * requires them. Spelt twice, a rename on one side left the fact uncounted and the item scored 0.
 * Pure Java, so that the items may read it.
 */
public final class CountedItems {
    /** Item 38.2: training coverage and hours. */
    public static final String STAFF_TRAINING = "staff_training";
    public static final String MIN_TRAINING_HOURS = "min_training_hours";

    /** Item 9: operators that have survived the given years. */
    public static final String OPERATOR_SURVIVAL_RATE = "operator_survival_rate";
    public static final String SURVIVAL_YEARS = "survival_years";

    /** Item 4: operators newly above the threshold of the scored region's economic zone in the recent years. */
    public static final String NEW_ABOVE_SCALE_OPERATORS = "new_above_scale_operators";
    public static final String RECENT_YEARS = "recent_years";
    /** The above-scale thresholds' parameter (one key per zone below it), and the basis item 4 is published with. */
    public static final String ABOVE_SCALE_THRESHOLD = "above_scale_threshold_yuan";

    private CountedItems() {
    }

    /** The parameter key of the above-scale threshold of an economic zone, e.g. {@code above_scale_threshold_yuan.east}. */
    public static String aboveScaleThreshold(String zone) {
        return ABOVE_SCALE_THRESHOLD + "." + zone;
    }

    /** The above-scale threshold keys an edition must give: one per economic zone. */
    public static List<String> aboveScaleThresholds() {
        return economicZones().stream().map(CountedItems::aboveScaleThreshold).toList();
    }

    /** The economic zones as regions.csv may name them (its schema's enum), in the schema's order. */
    public static List<String> economicZones() {
        return Zones.ALL;
    }

    /**
     * The first year whose sales item 4 reads for evaluation year {@code year}: the year before
     * the first recent year, whose sales decide whether that year's are new above scale.
     */
    public static int firstSalesYear(Parameters parameters, int year) {
        return year - parameters.integer(RECENT_YEARS);
    }

    /** Read from the schema once, when first needed (an edition's load or item 4's counts). */
    private static final class Zones {
        static final List<String> ALL = SchemaCatalog.bundled().get("regions").column("economic_zone").values();
    }
}
