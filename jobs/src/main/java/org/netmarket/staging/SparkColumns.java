package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.netmarket.extract.ColumnSpec;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark types of extract columns, and the bookkeeping columns that travel with every row: the
 * file it came from and its line, so that any figure can be traced back to its source rows.
 */
public final class SparkColumns {
    /** Source file of a row (path relative to the data directory). */
    public static final String FILE = "_file";
    /** 1-based line of the row's first line in its file. */
    public static final String LINE = "_line";

    /** Decimals keep 12 fraction digits exactly (see {@link RowValidator#DECIMAL_SCALE}). */
    public static final DataType DECIMAL = DataTypes.createDecimalType(38, RowValidator.DECIMAL_SCALE);
    /** Rates keep 18 (see {@link RowValidator#RATE_SCALE}). */
    public static final DataType RATE = DataTypes.createDecimalType(38, RowValidator.RATE_SCALE);

    private SparkColumns() {
    }

    public static DataType typeOf(ColumnSpec c) {
        return switch (c.type()) {
            case TEXT, REGION_CODE, USCC, ENUM, MONTH, ITEM_CODE -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampNTZType;
            case YEAR -> DataTypes.IntegerType;
            case COUNT -> DataTypes.LongType;
            case MONEY, DECIMAL, POINTS -> DECIMAL;
            case RATE, SIGNED_RATE -> RATE;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** The typed columns of an extract, in schema order. */
    public static List<StructField> fields(ExtractSchema schema) {
        List<StructField> out = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            out.add(DataTypes.createStructField(c.name(), typeOf(c), true));
        }
        return out;
    }

    /** The extract's region column, or a null string for an extract without one (sales: their operator's). */
    public static Column regionOf(ExtractSchema schema) {
        return schema.regionColumn().map(functions::col).orElse(functions.lit(null).cast(DataTypes.StringType));
    }

    /** Typed columns plus {@code _file} and {@code _line}: the shape of valid rows. */
    public static StructType validRows(ExtractSchema schema) {
        List<StructField> f = fields(schema);
        f.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
        return DataTypes.createStructType(f);
    }
}
