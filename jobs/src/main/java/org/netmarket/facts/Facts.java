package org.netmarket.facts;

/**
 * Names of the facts the record-level aggregations produce and the items read: one place, so a
 * typo is a compile error rather than a silent zero. Each name is the extract's, then what is
 * counted: {@code operators.active}, {@code dispatches.identity_claim.completed}.
 */
public final class Facts {
    private Facts() {
    }

    /**
     * All rows of a record-level extract in a region (any year): zero means the extract was
     * delivered but has nothing for the region, which makes its items no_records. For
     * operator-sales, whose rows are placed by their operator's region, the operators with
     * sales rows: zero just the same when the region has none.
     */
    public static String rowsOf(String extract) {
        return extract + ".rows";
    }

    /** operators: stock at the as-of date. */
    public static final String OPERATORS_ACTIVE = "operators.active";
    public static final String OPERATORS_SURVIVED = "operators.active_survived";

    /** operator-sales: distinct operators newly above scale in the recent years. */
    public static final String OPERATORS_NEW_ABOVE_SCALE = "operator_sales.new_above_scale";

    /** dispatches of year Y by type. */
    public static final String IDENTITY_CLAIMS = "dispatches.identity_claim.total";
    public static final String IDENTITY_CLAIMS_COMPLETED = "dispatches.identity_claim.completed";
    public static final String MONITORING_LEADS = "dispatches.monitoring_lead.total";
    public static final String MONITORING_LEADS_VERIFIED_ON_TIME = "dispatches.monitoring_lead.verified_on_time";
    public static final String MONITORING_LEADS_COMPLETED = "dispatches.monitoring_lead.completed";

    /** case-clues of year Y by source. */
    public static final String REPORT_CLUES = "case_clues.report.total";
    public static final String REPORT_CLUES_VERIFIED_ON_TIME = "case_clues.report.verified_on_time";
    public static final String ASSIGNED_CLUES = "case_clues.superior_assigned.total";
    public static final String ASSIGNED_CLUES_VERIFIED_ON_TIME = "case_clues.superior_assigned.verified_on_time";
    public static final String ASSIGNED_CLUES_CLOSED = "case_clues.superior_assigned.closed";

    /** case-reviews decided in year Y. */
    public static final String RECONSIDERATIONS = "case_reviews.reconsideration.total";
    public static final String RECONSIDERATIONS_UPHELD = "case_reviews.reconsideration.upheld";
    public static final String LITIGATIONS = "case_reviews.litigation.total";
    public static final String LITIGATIONS_WON = "case_reviews.litigation.won";
    public static final String PROCEDURAL_LOSSES = "case_reviews.procedural_violation_lost";

    /** complaints received in year Y (both channels, then ODR). */
    public static final String COMPLAINTS = "complaints.total";
    public static final String COMPLAINTS_REVIEWED_ON_TIME = "complaints.initial_review_on_time";
    public static final String COMPLAINTS_CLOSED_ON_TIME = "complaints.closed_on_time";
    public static final String MEDIATION_SUCCESS = "complaints.mediation_success";
    public static final String MEDIATION_FAILED = "complaints.mediation_failed";
    public static final String COMPLAINTS_RATED = "complaints.rated";
    public static final String COMPLAINTS_SATISFIED = "complaints.satisfied_or_basically";
    public static final String ODR_COMPLAINTS = "complaints.odr.total";
    public static final String ODR_CLOSED_ON_TIME = "complaints.odr.closed_on_time";
    public static final String ODR_CLOSED = "complaints.odr.closed";
    public static final String ODR_SETTLED = "complaints.odr.settled";

    /** training rows of year Y. */
    public static final String STAFF = "training.staff";
    public static final String STAFF_TRAINED = "training.staff_trained";
    public static final String STAFF_MIN_HOURS = "training.staff_at_least_min_hours";
}
