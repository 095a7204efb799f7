package org.netmarket.extract;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The contract of one extract kind, read from {@code schemas/extracts/<name>.yaml}: its folder
 * (or file), key, version column, columns and cross-field rules.
 *
 * @param name    the folder name under the data directory, e.g. {@code dispatches}
 * @param file    for the reference extract, its file name ({@code regions.csv}); else null
 * @param version the version column (greatest wins); null for the reference extract
 * @param cohort  how a record-level extract's rows fall into the yearly populations items count;
 *                null for extracts counted as a stock (operators) or not by cohort
 * @param titleZh its Chinese name (e.g. {@code 零售额数据}), for the Chinese reasons of unscored items
 */
public record ExtractSchema(String name, ExtractKind kind, String file, List<String> key, String version,
                           List<ColumnSpec> columns, List<RowRule> rules, Cohort cohort, String titleZh)
        implements Serializable {

    /**
     * The cohort of a record: the year of column {@code yearOf} (a date, timestamp or year
     * column), and, when the extract holds several populations, their column {@code type}
     * (dispatch_type, source, channel ...). A conflicting key matters to the items that count
     * the year and type its versions fall in, and to no other.
     */
    public record Cohort(String yearOf, String type) implements Serializable {
    }

    public ExtractSchema {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    public ColumnSpec column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("extract " + this.name + " has no column " + name);
        }
        return columns.get(i);
    }

    public boolean hasColumn(String name) {
        return indexOf(name) >= 0;
    }

    /** Columns that are not part of the key nor the version: the "values" of a version. */
    public List<String> valueColumns() {
        return columns.stream().map(ColumnSpec::name)
                .filter(c -> !key.contains(c) && !c.equals(version)).toList();
    }

    /** The region column, if rows of this extract belong to a region. */
    public Optional<String> regionColumn() {
        return hasColumn("region_code") ? Optional.of("region_code") : Optional.empty();
    }

    /** The rule that this extract references another, if any. */
    public Optional<RowRule.References> reference() {
        return rules.stream().filter(r -> r instanceof RowRule.References)
                .map(r -> (RowRule.References) r).findFirst();
    }
}
