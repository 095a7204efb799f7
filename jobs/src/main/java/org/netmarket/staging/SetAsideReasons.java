package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.netmarket.extract.ExtractLabel;
import org.netmarket.extract.ExtractSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The quarantine rows of what is found wrong only after the rows were read, with reasons a
 * clerk can act on, in English and Chinese: conflicting versions of a key (where the other rows
 * are, which columns differ) and references that do not resolve (no such key, its row set
 * aside — and where — or in conflict). Shaped as {@link QuarantinedRow#SCHEMA}; the raw lines
 * are filled in later from the files.
 */
final class SetAsideReasons {
    /** Where the referenced row of an unresolved reference was set aside, while its reason is written. */
    private static final String SET_ASIDE_AT = "_set_aside_at";
    private static final String SET_ASIDE_AT_ZH = "_set_aside_at_zh";

    private SetAsideReasons() {
    }

    /**
     * The quarantine rows of conflicting versions: each names where the other rows of its key and
     * version with other values are, the columns in which they differ (the first is its column)
     * and its identical copies, so that a clerk can put the lines side by side. Only the
     * conflicting rows take part in the windows.
     */
    static Dataset<Row> conflicts(ExtractSchema schema, Dataset<Row> lineage) {
        List<String> keyAndVersion = new ArrayList<>(schema.key());
        keyAndVersion.add(schema.version());
        WindowSpec sameVersion = Window.partitionBy(keyAndVersion.stream().map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
        // A conflicting row may have identical copies (the same line delivered twice): they are
        // set aside with it, but the clerk is not told that they differ from it.
        List<String> keyVersionAndValues = new ArrayList<>(keyAndVersion);
        keyVersionAndValues.addAll(schema.valueColumns());
        WindowSpec sameValues = Window.partitionBy(keyVersionAndValues.stream().map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
        List<Column> differing = new ArrayList<>();
        for (String c : schema.valueColumns()) {
            // NUL stands for an empty field: no field holds one (RowValidator sets such rows aside).
            Column value = coalesce(col(c).cast(DataTypes.StringType), lit("\u0000"));
            differing.add(when(size(collect_set(value).over(sameVersion)).gt(1), lit(c)));
        }
        Column here = where(col(SparkColumns.FILE), col(SparkColumns.LINE));
        Column others = array_except(collect_list(here).over(sameVersion), collect_list(here).over(sameValues));
        Column copies = array_remove(collect_list(here).over(sameValues), here);
        Column hereZh = whereZh(col(SparkColumns.FILE), col(SparkColumns.LINE));
        Column othersZh = array_except(collect_list(hereZh).over(sameVersion), collect_list(hereZh).over(sameValues));
        Column copiesZh = array_remove(collect_list(hereZh).over(sameValues), hereZh);
        Column keyText = concat_ws(", ", schema.key().stream().map(k -> concat(lit(k + "="),
                coalesce(col(k).cast(DataTypes.StringType), lit("")))).toArray(Column[]::new));
        Column[] differingColumns = differing.toArray(Column[]::new);
        Column oneOther = size(col("others")).equalTo(1);
        Column noCopy = size(col("copies")).equalTo(0);
        return lineage.filter(col(LatestVersion.ROLE).equalTo(LatestVersion.CONFLICT))
                .select(col(SparkColumns.FILE), col(SparkColumns.LINE), SparkColumns.regionOf(schema).as("region_code"), others.as("others"),
                        othersZh.as("others_zh"), copies.as("copies"), copiesZh.as("copies_zh"), coalesce(coalesce(differingColumns), lit(schema.version())).as("column_name"),
                        concat_ws(", ", differingColumns).as("differing"), concat_ws("、", differingColumns).as("differing_zh"),
                        keyText.as("key_text"),
                        col(schema.version()).cast(DataTypes.StringType).as("version_text"))
                .select(lit(schema.name()).as("extract"), col(SparkColumns.FILE).as("file"), col(SparkColumns.LINE).as("line"),
                        lit(null).cast(DataTypes.StringType).as("raw_line"), col("column_name"),
                        concat(lit(QuarantinedRow.CONFLICTING_VERSIONS + "this row and "),
                                when(oneOther, lit("another")).otherwise(lit("others")),
                                lit(" ("), array_join(col("others"), "; "), lit(") have the same key ("), col("key_text"),
                                lit(") and the same " + schema.version() + " "), col("version_text"),
                                lit(" but differ in "), col("differing"),
                                when(noCopy.and(oneOther), lit("; both are set aside"))
                                        .when(noCopy, lit("; all are set aside"))
                                        .otherwise(concat(lit("; all are set aside, this row's identical "),
                                                when(size(col("copies")).equalTo(1), lit("copy")).otherwise(lit("copies")),
                                                lit(" ("), array_join(col("copies"), "; "), lit(") too")))).as("reason"),
                        concat(lit("版本冲突：本行与"),
                                when(oneOther, lit("另一行")).otherwise(lit("其他各行")),
                                lit("（"), array_join(col("others_zh"), "；"), lit("）的键相同（"), col("key_text"),
                                lit("），" + schema.version() + " 也相同（"), col("version_text"),
                                lit("），但 "), col("differing_zh"),
                                when(noCopy.and(oneOther), lit(" 不同；两行都已隔离"))
                                        .when(noCopy, lit(" 不同；这些行都已隔离"))
                                        .otherwise(concat(lit(" 不同；这些行都已隔离，与本行完全相同的行（"),
                                                array_join(col("copies_zh"), "；"), lit("）也已隔离")))).as("reason_zh"),
                        col("region_code"));
    }

    /** The quarantine rows of {@code missing}, the rows of the extract whose {@code column} names no valid key. */
    static Dataset<Row> unresolved(ExtractSchema schema, Dataset<Row> missing, String column, LoadedExtract referenced) {
        Object[] conflicting = conflictingKeys(referenced);
        return withSetAsidePlace(missing, column, referenced)
                .select(lit(schema.name()).as("extract"), col(SparkColumns.FILE).as("file"),
                        col(SparkColumns.LINE).as("line"), lit(null).cast(DataTypes.StringType).as("raw_line"),
                        lit(column).as("column_name"), unresolvedReason(column, referenced, conflicting).as("reason"),
                        unresolvedReasonZh(column, referenced, conflicting).as("reason_zh"), SparkColumns.regionOf(schema).as("region_code"));
    }

    /**
     * The unresolved rows with, in {@link #SET_ASIDE_AT} and {@link #SET_ASIDE_AT_ZH}, where the
     * referenced extract's row of their key was set aside by the row rules in this run
     * ("operators/o.csv line 4"; the first when several were), null when it was not.
     */
    private static Dataset<Row> withSetAsidePlace(Dataset<Row> missing, String column, LoadedExtract referenced) {
        Dataset<Row> places = referenced.rejectedKeys().groupBy(col(LoadedExtract.REJECTED_KEY))
                .agg(min(struct(col(SparkColumns.FILE), col(SparkColumns.LINE))).as("first"))
                .select(col(LoadedExtract.REJECTED_KEY),
                        where(col("first." + SparkColumns.FILE), col("first." + SparkColumns.LINE)).as(SET_ASIDE_AT),
                        whereZh(col("first." + SparkColumns.FILE), col("first." + SparkColumns.LINE)).as(SET_ASIDE_AT_ZH));
        return missing.join(places, missing.col(column).equalTo(places.col(LoadedExtract.REJECTED_KEY)), "left")
                .drop(LoadedExtract.REJECTED_KEY);
    }

    /**
     * Why a row's reference does not resolve: no such key, a key whose row was set aside (where,
     * from {@link #withSetAsidePlace}), or a key whose versions conflict (one of {@code conflicting}).
     */
    private static Column unresolvedReason(String column, LoadedExtract referenced, Object[] conflicting) {
        String referencedExtract = referenced.name();
        Column missing = when(col(SET_ASIDE_AT).isNotNull(), concat(lit(column + " "), col(column),
                lit(" has its row in the " + referencedExtract + " registry ("), col(SET_ASIDE_AT),
                lit(") quarantined, so this row cannot be placed")))
                .otherwise(concat(lit(column + " "), col(column), lit(" is not in the " + referencedExtract + " registry")));
        return inConflict(column, conflicting, concat(lit(column + " "), col(column), lit(" has conflicting versions in the "
                + referencedExtract + " registry (both set aside), so this row cannot be placed")), missing);
    }

    /** {@link #unresolvedReason} in Chinese. */
    private static Column unresolvedReasonZh(String column, LoadedExtract referenced, Object[] conflicting) {
        String label = ExtractLabel.zh(referenced.schema());
        Column missing = when(col(SET_ASIDE_AT_ZH).isNotNull(), concat(lit(column + " "), col(column),
                lit(" 在" + label + "中的行（"), col(SET_ASIDE_AT_ZH), lit("）已被隔离，本行无法确定所属地区")))
                .otherwise(concat(lit(column + " "), col(column), lit(" 不在" + label + "中")));
        return inConflict(column, conflicting, concat(lit(column + " "), col(column), lit(" 在" + label
                + "中有相互冲突的版本（均已隔离），本行无法确定所属地区")), missing);
    }

    /** The keys with conflicting versions in the referenced extract, as a reference names them. */
    private static Object[] conflictingKeys(LoadedExtract referenced) {
        return referenced.conflictKeys().stream().map(k -> k.get(referenced.schema().key().get(0)))
                .filter(Objects::nonNull).map(String::valueOf).distinct().toArray();
    }

    /** {@code reason} for a row whose reference names one of the {@code conflicting} keys, else {@code otherwise}. */
    private static Column inConflict(String column, Object[] conflicting, Column reason, Column otherwise) {
        return conflicting.length == 0 ? otherwise : when(col(column).isin(conflicting), reason).otherwise(otherwise);
    }

    /** Where a row is, as the English reasons say it: {@code operators/o.csv line 4}. */
    private static Column where(Column file, Column line) {
        return concat(file, lit(" line "), line.cast(DataTypes.StringType));
    }

    /** Where a row is, as the Chinese reasons say it: {@code operators/o.csv 第 4 行}. */
    private static Column whereZh(Column file, Column line) {
        return concat(file, lit(" 第 "), line.cast(DataTypes.StringType), lit(" 行"));
    }
}
