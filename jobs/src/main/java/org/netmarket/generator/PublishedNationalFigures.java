package org.netmarket.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The national figures of the {@code national} extract for 2019–2024, all seven metrics, with
 * where each value comes from. Values found in the national releases
 * ({@code shared/reference/national-figures.md}) are used as published; where no figure was
 * verified, a plausible value is generated and labelled synthetic (never presented as official).
 */
final class PublishedNationalFigures {
    static final String ONLINE_RETAIL_GROWTH = "online_retail_growth_rate";
    static final String ONLINE_RETAIL_SHARE = "online_retail_share";
    static final String EXPRESS_GROWTH = "express_volume_growth_rate";
    static final String MEDIATION_SUCCESS = "complaint_mediation_success_rate";
    static final String SATISFACTION = "consumer_satisfaction_rate";
    static final String ODR_ON_TIME = "odr_on_time_close_rate";
    static final String ODR_SETTLEMENT = "odr_settlement_rate";

    /** Where a value comes from. */
    enum Provenance {
        OFFICIAL("official (national release as printed)"),
        PRELIMINARY("official, preliminary"),
        SECONDARY("placeholder: figure of a secondary source, not verified against the release"),
        SYNTHETIC("synthetic (no published figure verified)");

        final String label;

        Provenance(String label) {
            this.label = label;
        }
    }

    /**
     * One published value.
     *
     * @param source the wording of the reference table, for the sample-data README
     */
    record Figure(int year, String metric, String value, Provenance provenance, String source) {
    }

    private static final List<Figure> FIGURES = List.of(
            official(2019, ONLINE_RETAIL_GROWTH, "0.165", "online retail 106324 亿元 (+16.5%)"),
            official(2020, ONLINE_RETAIL_GROWTH, "0.109", "online retail 117601 亿元 (+10.9%)"),
            official(2021, ONLINE_RETAIL_GROWTH, "0.141", "online retail 130884 亿元 (+14.1%), comparable basis"),
            synthetic(2022, ONLINE_RETAIL_GROWTH, "0.040"),
            official(2023, ONLINE_RETAIL_GROWTH, "0.110", "online retail 154264 亿元 (+11.0%)"),
            synthetic(2024, ONLINE_RETAIL_GROWTH, "0.072"),
            official(2019, ONLINE_RETAIL_SHARE, "0.207", "physical-goods online retail 85239 亿元, 20.7% of total retail"),
            official(2020, ONLINE_RETAIL_SHARE, "0.249", "physical-goods online retail 97590 亿元, 24.9% of total retail"),
            official(2021, ONLINE_RETAIL_SHARE, "0.245", "physical-goods online retail 108042 亿元, 24.5% of total retail"),
            new Figure(2022, ONLINE_RETAIL_SHARE, "0.272", Provenance.SECONDARY, "not found (secondary source: share 27.2%)"),
            official(2023, ONLINE_RETAIL_SHARE, "0.276", "physical-goods online retail 130174 亿元, 27.6% of total retail"),
            synthetic(2024, ONLINE_RETAIL_SHARE, "0.268"),
            synthetic(2019, EXPRESS_GROWTH, "0.253"),
            official(2020, EXPRESS_GROWTH, "0.312", "express parcels 833.6 亿件 (+31.2%)"),
            official(2021, EXPRESS_GROWTH, "0.299", "express parcels 1083.0 亿件 (+29.9%)"),
            official(2022, EXPRESS_GROWTH, "0.021", "express parcels 1105.8 亿件 (+2.1%)"),
            official(2023, EXPRESS_GROWTH, "0.194", "express parcels 1320.7 亿件 (+19.4%)"),
            new Figure(2024, EXPRESS_GROWTH, "0.21", Provenance.PRELIMINARY, "express parcels 1745 亿件 (+21%, preliminary)"),
            synthetic(2019, MEDIATION_SUCCESS, "0.594"), synthetic(2020, MEDIATION_SUCCESS, "0.601"),
            synthetic(2021, MEDIATION_SUCCESS, "0.607"), synthetic(2022, MEDIATION_SUCCESS, "0.598"),
            synthetic(2023, MEDIATION_SUCCESS, "0.611"), synthetic(2024, MEDIATION_SUCCESS, "0.615"),
            synthetic(2019, SATISFACTION, "0.852"), synthetic(2020, SATISFACTION, "0.858"),
            synthetic(2021, SATISFACTION, "0.861"), synthetic(2022, SATISFACTION, "0.866"),
            synthetic(2023, SATISFACTION, "0.871"), synthetic(2024, SATISFACTION, "0.874"),
            synthetic(2019, ODR_ON_TIME, "0.912"), synthetic(2020, ODR_ON_TIME, "0.921"),
            synthetic(2021, ODR_ON_TIME, "0.928"), synthetic(2022, ODR_ON_TIME, "0.934"),
            synthetic(2023, ODR_ON_TIME, "0.938"), synthetic(2024, ODR_ON_TIME, "0.943"),
            synthetic(2019, ODR_SETTLEMENT, "0.702"), synthetic(2020, ODR_SETTLEMENT, "0.711"),
            synthetic(2021, ODR_SETTLEMENT, "0.719"), synthetic(2022, ODR_SETTLEMENT, "0.726"),
            synthetic(2023, ODR_SETTLEMENT, "0.731"), synthetic(2024, ODR_SETTLEMENT, "0.735"));

    /**
     * The first version of the 2024 ODR settlement rate, superseded by a revision in a later
     * file (the pipeline keeps the later {@code reported_at}).
     */
    static final Figure FIRST_ODR_SETTLEMENT_2024 =
            new Figure(2024, ODR_SETTLEMENT, "0.738", Provenance.SYNTHETIC, "synthetic first release, revised");

    private PublishedNationalFigures() {
    }

    static List<Figure> all() {
        return FIGURES;
    }

    static double value(String metric, int year) {
        for (Figure f : FIGURES) {
            if (f.year() == year && f.metric().equals(metric)) {
                return Double.parseDouble(f.value());
            }
        }
        throw new IllegalArgumentException("no national " + metric + " for " + year);
    }

    static List<Figure> ofYears(int from, int to) {
        List<Figure> out = new ArrayList<>();
        for (Figure f : FIGURES) {
            if (f.year() >= from && f.year() <= to) {
                out.add(f);
            }
        }
        return out;
    }

    private static Figure official(int year, String metric, String value, String source) {
        return new Figure(year, metric, value, Provenance.OFFICIAL, source);
    }

    private static Figure synthetic(int year, String metric, String value) {
        return new Figure(year, metric, value, Provenance.SYNTHETIC, "not found");
    }
}
