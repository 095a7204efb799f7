package org.netmarket.items;

import org.netmarket.extract.ExtractLabel;
import org.netmarket.facts.Figure;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;
import org.netmarket.rules.Reason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Building blocks shared by the item classes: rates over record counts, growth, shares. */
final class Measures {
    private Measures() {
    }

    /**
     * What an item counts or divides by, in both languages of the reasons, e.g. "identity-claim
     * dispatches in 2024" and "2024 年派发的身份认领事项".
     */
    record Phrase(String en, String zh) {
        /** A yearly figure named by this phrase, e.g. "online retail of 2023", "2023 年网络零售额". */
        Phrase of(int year) {
            return new Phrase(en + " of " + year, year + " 年" + zh);
        }
    }

    /** The retail figures that items 1, 2 and 3 grow or divide by. */
    static final Phrase ONLINE_RETAIL = new Phrase("online retail", "网络零售额");
    static final Phrase TOTAL_RETAIL = new Phrase("total retail", "社会消费品零售总额");

    /**
     * The part of a record-level extract an item counts: the records of cohort years
     * {@code from..to} (see the extract's cohort) of one population, or of all when
     * {@code type} is null. Conflicting versions outside it do not concern the item.
     */
    record RecordInput(String extract, int from, int to, String type) {
        /** The records of the evaluation year, every population. */
        static RecordInput cohort(RegionFacts f, String extract) {
            return new RecordInput(extract, f.year(), f.year(), null);
        }

        /** The records of the evaluation year of one population (dispatch type, clue source, channel). */
        static RecordInput cohort(RegionFacts f, String extract, String type) {
            return new RecordInput(extract, f.year(), f.year(), type);
        }
    }

    /** {@link #recordInputs(RegionFacts, RecordInput...)} over the evaluation year's records of every population. */
    static Measurement.Problems recordInputs(RegionFacts f, String... extracts) {
        return recordInputs(f, Arrays.stream(extracts).map(e -> RecordInput.cohort(f, e)).toArray(RecordInput[]::new));
    }

    /**
     * Records the problems of record-level inputs: not delivered (missing_data), conflicting
     * versions among the records the item counts in the region, or a region below it whose
     * regions.csv row was set aside, leaving its records out (data_error), or delivered
     * without any row for the region (no_records). Rows are looked at only when every input was
     * delivered: missing_data wins anyway, and an extract counted with another is not counted
     * without it (operator sales take their region from the operators).
     */
    static Measurement.Problems recordInputs(RegionFacts f, RecordInput... inputs) {
        Measurement.Problems p = new Measurement.Problems();
        for (RecordInput in : inputs) {
            String e = in.extract();
            if (!f.delivered(e)) {
                p.add(ItemStatus.MISSING_DATA, ExtractLabel.notDelivered(e));
            } else {
                f.conflict(e, in.from(), in.to(), in.type()).ifPresent(reason -> p.add(ItemStatus.DATA_ERROR, reason));
                f.regionsSetAsideBelow().ifPresent(reason -> p.add(ItemStatus.DATA_ERROR, reason));
            }
        }
        if (Arrays.stream(inputs).allMatch(in -> f.delivered(in.extract()))) {
            for (RecordInput in : inputs) {
                String e = in.extract();
                if (f.rows(e) == 0) {
                    p.add(ItemStatus.NO_RECORDS, Reason.of(e + " has no rows for region " + f.region().code(),
                            ExtractLabel.zh(e) + "中没有地区 " + f.region().code() + " 的记录"));
                }
            }
        }
        return p;
    }

    /** numerator/denominator as an observation, or no_records when the denominator is 0. */
    static Observation rate(Measurement.Problems p, String label, long numerator, long denominator, Phrase population) {
        if (denominator == 0) {
            p.add(ItemStatus.NO_RECORDS, Reason.of("no " + population.en() + " to count", "没有可统计的记录（" + population.zh() + "）"));
            return null;
        }
        return Observation.of(label, Ratio.of(numerator, denominator));
    }

    /**
     * A single cohort rate item over one record-level extract: the count of fact
     * {@code numerator} over that of {@code denominator}, read once the extract is known to have
     * been counted.
     */
    static Measurement cohortRate(RegionFacts f, RecordInput input, String label, String numerator, String denominator,
                                  Phrase population) {
        Measurement.Problems p = recordInputs(f, input);
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        Observation o = rate(p, label, f.count(numerator), f.count(denominator), population);
        return p.orMeasured(o == null ? List.of() : List.of(o));
    }

    /**
     * A single cohort rate item compared with the published national rate of the evaluation year
     * that the edition names: the count of fact {@code numerator} over the sum of the
     * {@code denominator} facts, read once the extract is known to have been counted.
     */
    static Measurement cohortRateAgainstNational(RegionFacts f, String extract, String nationalMetric, String label,
                                                 String numerator, List<String> denominator, Phrase population) {
        Measurement.Problems p = recordInputs(f, extract);
        BigDecimal national = value(p, f.national(nationalMetric, f.year()));
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        Observation o = rate(p, label, f.count(numerator), denominator.stream().mapToLong(f::count).sum(), population);
        return p.orMeasured(o == null ? List.of() : List.of(againstNational(o, national)));
    }

    /**
     * An item of two cohort rates over the same records (say on time and completed), which the
     * edition judges together: both rates, or no_records when there are no records to count. The
     * arguments name facts, read once the extract is known to have been counted.
     */
    static Measurement twoCohortRates(RegionFacts f, RecordInput input, Phrase population, String denominator,
                                      String firstLabel, String firstNumerator, String secondLabel, String secondNumerator) {
        Measurement.Problems p = recordInputs(f, input);
        if (p.any()) {
            return p.toMeasurement(List.of());
        }
        long whole = f.count(denominator);
        Observation first = rate(p, firstLabel, f.count(firstNumerator), whole, population);
        // The rates share their denominator: the second exists exactly when the first does.
        return p.orMeasured(first == null ? List.of()
                : List.of(first, rate(p, secondLabel, f.count(secondNumerator), whole, population)));
    }

    /** A rate compared with a published national rate instead of the edition's threshold. */
    static Observation againstNational(Observation rate, BigDecimal national) {
        return Observation.against(rate.label(), rate.value(), Ratio.of(national));
    }

    /** The basis entry naming the extracts whose figures were summed from the region's children. */
    static final String SUMMED_FROM_CHILDREN = "summed_from_children";

    /**
     * The value of a figure, or null after recording its problem; a figure summed from the
     * region's children is noted in the measurement's basis ({@link #SUMMED_FROM_CHILDREN}).
     */
    static BigDecimal value(Measurement.Problems p, Figure figure) {
        if (figure.isPresent()) {
            if (figure.summedFrom() != null) {
                p.basis(SUMMED_FROM_CHILDREN, figure.summedFrom());
            }
            return figure.value();
        }
        p.add(figure.problem(), figure.reason());
        return null;
    }

    /** current/previous - 1, or null after recording a zero base as data_error. */
    static Ratio growth(Measurement.Problems p, BigDecimal current, BigDecimal previous, Phrase what) {
        if (current == null || previous == null) {
            return null;
        }
        if (previous.signum() == 0) {
            p.add(ItemStatus.DATA_ERROR, Reason.of(what.en() + " is 0, so its growth has no base", Reason.zhJoin(what.zh(), "为 0，增长率没有基数")));
            return null;
        }
        return Ratio.growth(current, previous);
    }

    /** part/whole, or null after recording a zero whole as data_error. */
    static Ratio share(Measurement.Problems p, BigDecimal part, BigDecimal whole, Phrase what) {
        if (part == null || whole == null) {
            return null;
        }
        if (whole.signum() == 0) {
            p.add(ItemStatus.DATA_ERROR, Reason.of(what.en() + " is 0, so the share has no base", Reason.zhJoin(what.zh(), "为 0，占比没有基数")));
            return null;
        }
        return Ratio.of(part, whole);
    }

    /** The years of "the last n years" ending with Y, latest first (the headline is Y). */
    static List<Integer> recentYears(RegionFacts f, int n) {
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            years.add(f.year() - i);
        }
        return years;
    }
}
