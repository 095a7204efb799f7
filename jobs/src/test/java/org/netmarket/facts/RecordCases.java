package org.netmarket.facts;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.netmarket.edition.TestEditions;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.staging.SparkColumns;
import org.netmarket.testing.SharedSpark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Boundary cases of one record-level extract counted by Spark, one record per region, so that
 * each region's counts are the verdict on one case.
 *
 * <p>Records have the staged shape of the extract ({@link SparkColumns#fields} of its schema:
 * timestamps as timestamp_ntz, dates as date, booleans as boolean, years as integer, decimals as
 * decimal(38,12)): a case gives the columns it changes from a typical record, by name, values
 * written as text (a decimal with more fraction digits than its type holds is refused, not
 * rounded). A failure lists every case whose counts differ, with its region, its description and
 * the fact that differs.
 */
final class RecordCases {
    private final StructType schema;
    private final Map<String, Object> typical;
    private final List<String> facts;
    private final List<String> what = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<long[]> expected = new ArrayList<>();

    /**
     * @param extract the extract whose staged shape the records have
     * @param typical column -> value (text, or null) of a typical record; every column of the extract
     * @param facts   the facts the expected counts give, in that order
     */
    RecordCases(String extract, Map<String, String> typical, String... facts) {
        this.schema = DataTypes.createStructType(SparkColumns.fields(SchemaCatalog.load().get(extract)));
        this.typical = new LinkedHashMap<>();
        for (StructField f : schema.fields()) {
            assertTrue(typical.containsKey(f.name()), "the typical " + extract + " record sets " + f.name());
        }
        assertEquals(schema.fields().length, typical.size(), "the typical " + extract + " record has only its columns");
        for (StructField f : schema.fields()) { // in schema order, the order of a row's values
            this.typical.put(f.name(), typed(f.name(), typical.get(f.name())));
        }
        this.facts = List.of(facts);
    }

    static String region(int i) {
        return String.format("3301%02d", i);
    }

    /**
     * Adds a case: the typical record with {@code changes} (column, text or null, ...) in a region
     * of its own, and the counts expected for it, one per fact.
     */
    RecordCases add(String description, String[] changes, long... counts) {
        assertEquals(facts.size(), counts.length, "counts of case '" + description + "'");
        assertEquals(0, changes.length % 2, "column/value pairs of case '" + description + "'");
        Map<String, Object> values = new LinkedHashMap<>(typical);
        for (int i = 0; i < changes.length; i += 2) {
            assertTrue(values.containsKey(changes[i]), "case '" + description + "': no column " + changes[i]);
            values.put(changes[i], typed(changes[i], changes[i + 1]));
        }
        String region = region(rows.size() + 1);
        values.put(RecordAggregation.REGION, region);
        rows.add(RowFactory.create(values.values().toArray()));
        what.add(description);
        expected.add(counts.clone());
        return this;
    }

    /** Column/value pairs for {@link #add}. */
    static String[] set(String... columnValuePairs) {
        return columnValuePairs;
    }

    /** Column/value pairs {@code base} followed by {@code more}. */
    static String[] with(String[] base, String... more) {
        String[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    /** Counts the cases with {@code facts} for {@code period} and compares region by region, fact by fact. */
    void assertCounted(RecordAggregation facts, EvaluationPeriod period) {
        SparkSession spark = SharedSpark.session();
        RegionCounts counts = facts.count(spark.createDataFrame(rows, schema),
                new AggregationContext(period, TestEditions.edition2022()));
        int[] at = new int[this.facts.size()];
        for (int f = 0; f < at.length; f++) {
            at[f] = counts.facts().indexOf(this.facts.get(f));
            assertTrue(at[f] >= 0, this.facts.get(f) + " counted: " + counts.facts());
        }
        Map<String, long[]> byRegion = counts.byRegion();
        assertEquals(rows.size(), byRegion.size(), "regions counted (one record each): " + byRegion.keySet());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String region = region(i + 1);
            long[] n = byRegion.get(region);
            for (int f = 0; f < at.length; f++) {
                long actual = n == null ? -1 : n[at[f]];
                if (actual != expected.get(i)[f]) {
                    differences.add("region " + region + " (" + what.get(i) + "), as of " + period.asOf() + ": "
                            + this.facts.get(f) + " expected " + expected.get(i)[f] + ", counted " + actual);
                }
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " count(s) differ:\n  " + String.join("\n  ", differences));
        }
    }

    private Object typed(String column, String text) {
        if (text == null) {
            return null;
        }
        var type = schema.apply(column).dataType();
        if (type.equals(DataTypes.TimestampNTZType)) {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        }
        if (type.equals(DataTypes.DateType)) {
            return LocalDate.parse(text);
        }
        if (type.equals(DataTypes.BooleanType)) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(column + ": write true or false, not " + text);
            }
            return Boolean.valueOf(text);
        }
        if (type.equals(DataTypes.IntegerType)) {
            return Integer.valueOf(text);
        }
        if (type instanceof DecimalType d) {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > d.scale()) {
                throw new IllegalArgumentException(column + ": " + text + " has more than " + d.scale() + " decimal places");
            }
            return value;
        }
        if (type.equals(DataTypes.StringType)) {
            return text;
        }
        throw new IllegalArgumentException("no test conversion for " + column + " of type " + type);
    }
}
