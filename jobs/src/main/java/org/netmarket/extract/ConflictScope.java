package org.netmarket.extract;

import org.netmarket.rules.Reason;

import java.util.Comparator;
import java.util.Map;

/**
 * Where one set-aside version of a conflicting key lies: its region, the cohort year and type
 * of the extract's {@link ExtractSchema.Cohort} (null when the extract has
 * none, which makes it matter to every year and type). The items that count that region, year
 * and type get data_error; the others are untouched.
 *
 * @param region    the row's region; null until resolved through its reference for rows that
 *                  have none of their own (a sale is its operator's region)
 * @param year      the cohort year, or null for extracts not counted by cohort
 * @param type      the population (e.g. {@code monitoring_lead}), or null when not split by type
 * @param reference the value of the row's reference column (an operator id) when it has no
 *                  region of its own, else null
 */
public record ConflictScope(String region, Integer year, String type, String reference) {

    /** By region, year, type and reference (nulls first): an order that does not depend on how the rows were read. */
    public static final Comparator<ConflictScope> BY_PLACE = Comparator
            .comparing(ConflictScope::region, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ConflictScope::year, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ConflictScope::type, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ConflictScope::reference, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Whether an item counting years {@code from..to} of {@code population} (null: all) needs this row. */
    public boolean concerns(int from, int to, String population) {
        return (year == null || (year >= from && year <= to))
                && (population == null || type == null || type.equals(population));
    }

    /** This scope with the region of its reference, or null when the reference names no known row. */
    public ConflictScope resolved(Map<String, String> regionByReference) {
        String r = regionByReference.get(reference);
        return r == null ? null : new ConflictScope(r, year, type, reference);
    }

    /** Says where, for the item's reason. */
    public String describe() {
        return "region " + region + (year == null ? "" : ", " + year) + (type == null ? "" : ", " + type)
                + (reference == null ? "" : " (through " + reference + ")");
    }

    /**
     * Names the rows, for the item's Chinese reason: {@code 地区 140802、2024 年、monitoring_lead 的记录}
     * ({@link Reason#zhJoin}: a space between a Latin letter or digit and a Chinese character).
     */
    public String recordsZh() {
        String where = "地区 " + region + (year == null ? "" : "、" + year + " 年") + (type == null ? "" : "、" + type)
                + (reference == null ? "" : "（经由 " + reference + "）");
        return Reason.zhJoin(where, "的记录");
    }
}
