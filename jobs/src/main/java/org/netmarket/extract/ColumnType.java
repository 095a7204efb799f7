package org.netmarket.extract;

import java.util.Locale;

/** The value types of extract columns (see {@code schemas/extracts/README.md}). */
public enum ColumnType {
    TEXT,
    /** 6-digit GB/T 2260 division code that must be present in regions.csv. */
    REGION_CODE,
    /** 18-character unified social credit code with a valid GB 32100-2015 check character. */
    USCC,
    DATE,
    TIMESTAMP,
    MONTH,
    YEAR,
    COUNT,
    MONEY,
    DECIMAL,
    RATE,
    SIGNED_RATE,
    BOOLEAN,
    ENUM,
    /** An assessed item code of the edition. */
    ITEM_CODE,
    /** Points allowed for the row's item by the edition. */
    POINTS;

    public static ColumnType fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column type '" + code + "'");
        }
    }
}
