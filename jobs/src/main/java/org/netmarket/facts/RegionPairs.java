package org.netmarket.facts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;

import java.util.ArrayList;
import java.util.List;

/**
 * The roll-up table of record-level extracts: one row per (region_code, scored_region) where
 * scored_region is the region itself or one of its ancestors, with the scored region's economic
 * zone. Joining records to it and grouping by scored_region gives every region's figure over its
 * own and all its descendants' records in one pass. Small (regions x depth), so broadcast.
 */
public final class RegionPairs {
    public static final String REGION = "region_code";
    public static final String SCORED_REGION = "scored_region";
    public static final String SCORED_ZONE = "scored_zone";

    private RegionPairs() {
    }

    public static Dataset<Row> of(SparkSession spark, RegionTree tree) {
        StructType shape = DataTypes.createStructType(List.of(
                DataTypes.createStructField(REGION, DataTypes.StringType, false),
                DataTypes.createStructField(SCORED_REGION, DataTypes.StringType, false),
                DataTypes.createStructField(SCORED_ZONE, DataTypes.StringType, false)));
        List<Row> rows = new ArrayList<>();
        for (Region r : tree.all()) {
            for (String ancestor : tree.selfAndAncestors(r.code())) {
                rows.add(RowFactory.create(r.code(), ancestor, tree.get(ancestor).economicZone()));
            }
        }
        // Small (regions x depth): Spark broadcasts it in every join by size.
        return spark.createDataFrame(rows, shape);
    }
}
